package io.liquidlens.app.playback;

import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

/**
 * The time-cursor shortcuts on a whole scene: space plays or pauses, Left/Right step by one (with Shift by
 * ten), Home/End go to the first and last step. Installed as an event filter so they work whatever has focus,
 * except while the user types in a text field or has a drop-down open.
 */
public final class PlaybackKeys {
    /** Steps moved by Shift+Left / Shift+Right. */
    public static final int BIG_STEP = 10;

    private PlaybackKeys() {
    }

    /** Installs the shortcuts on {@code scene}. */
    public static void install(Scene scene, Playback playback) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof TextInputControl
                    || e.getTarget() instanceof ComboBoxBase<?> c && c.isShowing()
                    || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            int jump = e.isShiftDown() ? BIG_STEP : 1;
            switch (e.getCode()) {
                case SPACE -> playback.toggle();
                case LEFT -> playback.step(-jump);
                case RIGHT -> playback.step(jump);
                case HOME -> playback.cursor().home();
                case END -> playback.cursor().end();
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }
}
