package io.liquidlens.app.playback;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The time-cursor shortcuts on a whole scene: space plays or pauses, Left/Right step by one (with Shift by
 * ten), Home/End go to the first and last step. Installed as an event filter so they work whatever read-only pane
 * has focus, but they never take a key from a control that uses it: typing in an editable field, space on a focused
 * button or check box or drop-down, arrows and Home/End in a list, table, tree, slider, spinner or open drop-down;
 * Up or Down on a closed drop-down opens it.
 */
public final class PlaybackKeys {
    /** Steps moved by Shift+Left / Shift+Right. */
    public static final int BIG_STEP = 10;
    /** The shortcuts as the Help menu's sheet lists them: key, then what it does. */
    public static final List<String[]> SHEET = List.of(
            new String[] {"Space", "play / pause"},
            new String[] {"Left / Right", "one step back / forward"},
            new String[] {"Shift+Left / Shift+Right", BIG_STEP + " steps back / forward"},
            new String[] {"Home / End", "first / last step"});

    private PlaybackKeys() {
    }

    /** Installs the shortcuts on {@code scene}. */
    public static void install(Scene scene, Playback playback) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (opensDropDown(e)) {
                e.consume();
                return;
            }
            if (e.isShortcutDown() || e.isAltDown() || usedByFocusedControl(e.getTarget(), e.getCode())) {
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

    /**
     * Up or Down on a closed drop-down opens it, as on every desktop: left alone, JavaFX moved the focus out of the
     * drop-down to the tabs around it, which then switched tab. True when it did so.
     */
    static boolean opensDropDown(KeyEvent e) {
        if (e.getCode() != KeyCode.DOWN && e.getCode() != KeyCode.UP || e.isShortcutDown() || e.isAltDown()) {
            return false;
        }
        if (e.getTarget() instanceof ChoiceBox<?> c && !c.isShowing()) {
            c.show();
            return true;
        }
        if (e.getTarget() instanceof ComboBoxBase<?> c && !c.isShowing()) {
            c.show();
            return true;
        }
        return false;
    }

    /** True when the control that has focus does something with {@code key} itself. */
    static boolean usedByFocusedControl(Object target, KeyCode key) {
        if (target instanceof TextInputControl t && t.isEditable()) {
            return true;
        }
        // a closed drop-down has no use for Left, Right, Home or End (JavaFX would move the focus out with them)
        if (target instanceof ComboBoxBase<?> c) {
            return c.isShowing() || c.isEditable() || key == KeyCode.SPACE;
        }
        if (target instanceof ChoiceBox<?> c) {
            return c.isShowing() || key == KeyCode.SPACE;
        }
        if (key == KeyCode.SPACE) {
            return target instanceof ButtonBase;
        }
        return target instanceof ListView<?> || target instanceof TableView<?> || target instanceof TreeView<?>
                || target instanceof Slider || target instanceof Spinner<?>
                || target instanceof Node n && n.getParent() instanceof Spinner<?>;
    }
}
