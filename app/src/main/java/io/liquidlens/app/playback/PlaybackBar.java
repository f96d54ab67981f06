package io.liquidlens.app.playback;

import io.liquidlens.app.workspace.TimeCursor;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

/**
 * The time-cursor toolbar: play/pause, one step back and forward, speed, a scrubber over the whole rollout
 * and "step 123 / 1000". The scrubber and the cursor follow each other; the buttons never take keyboard
 * focus, so the space bar and arrows always reach the scene's shortcuts.
 */
public final class PlaybackBar extends HBox {
    /** Node ids, for tests and the integrator. */
    public static final String PLAY_ID = "play-button";
    public static final String BACK_ID = "step-back";
    public static final String FORWARD_ID = "step-forward";
    public static final String SPEED_ID = "speed";
    public static final String SCRUBBER_ID = "scrubber";
    public static final String STEP_LABEL_ID = "step-label";

    /** Guards the scrubber-cursor sync against echoing its own change. */
    private boolean syncing;

    public PlaybackBar(Playback playback) {
        TimeCursor cursor = playback.cursor();
        Button play = button(PLAY_ID, "Play / pause (space)");
        play.textProperty().bind(Bindings.when(playback.playingProperty()).then("\u23F8 Pause").otherwise("\u25B6 Play"));
        play.setOnAction(e -> playback.toggle());
        play.setMinWidth(90);
        Button back = button(BACK_ID, "One step back (Left; Shift+Left: 10)");
        back.setText("\u23EE");
        back.setOnAction(e -> playback.step(-1));
        Button forward = button(FORWARD_ID, "One step forward (Right; Shift+Right: 10)");
        forward.setText("\u23ED");
        forward.setOnAction(e -> playback.step(1));

        ComboBox<Double> speed = new ComboBox<>();
        speed.setId(SPEED_ID);
        speed.getItems().setAll(Playback.SPEEDS);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : (v == Math.rint(v) ? String.valueOf(v.intValue()) : String.valueOf(v)) + "x";
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("x", "").trim());
            }
        });
        speed.setValue(playback.speedProperty().get());
        speed.valueProperty().addListener((obs, old, v) -> {
            if (v != null) {
                playback.speedProperty().set(v);
            }
        });
        playback.speedProperty().addListener((obs, old, v) -> speed.setValue(v.doubleValue()));
        speed.setFocusTraversable(false);
        speed.setTooltip(new Tooltip("Playback speed (1x = " + (int) Playback.STEPS_PER_SECOND + " steps/s)"));

        Slider scrubber = new Slider(0, 0, 0);
        scrubber.setId(SCRUBBER_ID);
        scrubber.setFocusTraversable(false);
        scrubber.maxProperty().bind(Bindings.max(0, cursor.stepsProperty().subtract(1)));
        scrubber.disableProperty().bind(cursor.stepsProperty().lessThan(2));
        scrubber.valueProperty().addListener((obs, old, v) -> sync(() -> cursor.moveTo((int) Math.round(v.doubleValue()))));
        cursor.stepProperty().addListener((obs, old, v) -> sync(() -> scrubber.setValue(v.intValue())));
        // a new rollout: the max moves first, then the step; put the thumb where the cursor is
        cursor.stepsProperty().addListener((obs, old, v) -> sync(() -> scrubber.setValue(cursor.step())));
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.setMaxWidth(Double.MAX_VALUE);

        Label step = new Label();
        step.setId(STEP_LABEL_ID);
        step.textProperty().bind(Bindings.createStringBinding(
                () -> cursor.steps() == 0 ? "no rollout" : "step " + cursor.step() + " / " + cursor.steps(),
                cursor.stepProperty(), cursor.stepsProperty()));
        step.setMinWidth(130);

        getChildren().setAll(play, back, forward, speed, scrubber, step);
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
    }

    private void sync(Runnable change) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            change.run();
        } finally {
            syncing = false;
        }
    }

    private static Button button(String id, String tip) {
        Button b = new Button();
        b.setId(id);
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(tip));
        return b;
    }
}
