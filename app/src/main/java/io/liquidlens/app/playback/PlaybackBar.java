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
import javafx.scene.paint.Color;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.util.StringConverter;

/**
 * The time-cursor toolbar: play/pause, one step back and forward, speed, a scrubber over the whole rollout
 * and "step 123 of 0-999". The scrubber and the cursor follow each other; the buttons never take keyboard
 * focus, so the space bar and arrows always reach the scene's shortcuts.
 *
 * <p>The button symbols are drawn shapes, not media-control characters: the common Linux fonts have no
 * glyphs for those and showed empty boxes. The step label has a fixed width and a monospaced font, so its
 * text changing every frame never changes the bar's layout.
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
        HBox playSymbol = symbol(triangle(false));
        HBox pauseSymbol = symbol(bar(), bar());
        play.textProperty().bind(Bindings.when(playback.playingProperty()).then("Pause").otherwise("Play"));
        play.graphicProperty().bind(Bindings.when(playback.playingProperty()).<javafx.scene.Node>then(pauseSymbol)
                .otherwise(playSymbol));
        play.setOnAction(e -> playback.toggle());
        play.setMinWidth(84);
        Button back = button(BACK_ID, "One step back (Left; Shift+Left: 10)");
        back.setGraphic(symbol(bar(), triangle(true)));
        back.setOnAction(e -> playback.step(-1));
        Button forward = button(FORWARD_ID, "One step forward (Right; Shift+Right: 10)");
        forward.setGraphic(symbol(triangle(false), bar()));
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
        step.textProperty().bind(Bindings.createStringBinding(() -> stepText(cursor.step(), cursor.steps()),
                cursor.stepProperty(), cursor.stepsProperty()));
        step.setFont(Font.font("Monospaced", 12));
        step.setMinWidth(STEP_LABEL_WIDTH);
        step.setPrefWidth(STEP_LABEL_WIDTH);
        step.setMaxWidth(STEP_LABEL_WIDTH);

        getChildren().setAll(play, back, forward, speed, scrubber, step);
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
    }

    /** Wide enough for "step 999999 of 0-999999" in the monospaced font. */
    private static final double STEP_LABEL_WIDTH = 170;

    /**
     * "step 7 of 0-399": the step among the steps as every view numbers them (from 0, as ncps and the charts do), so
     * the last step reads as the last; padded to the width of the last step so the text keeps one length.
     */
    static String stepText(int step, int steps) {
        if (steps == 0) {
            return "no rollout";
        }
        String last = Integer.toString(steps - 1);
        String at = Integer.toString(step);
        return "step " + " ".repeat(Math.max(0, last.length() - at.length())) + at + " of 0-" + last;
    }

    /** A symbol of shapes side by side, in the text colour of a button. */
    private static HBox symbol(javafx.scene.shape.Shape... parts) {
        HBox box = new HBox(2, parts);
        box.setAlignment(Pos.CENTER);
        box.setMouseTransparent(true);
        return box;
    }

    /** A 9 x 10 triangle pointing right, or left when {@code left}. */
    private static Polygon triangle(boolean left) {
        Polygon p = left ? new Polygon(9, 0, 9, 10, 0, 5) : new Polygon(0, 0, 0, 10, 9, 5);
        p.setFill(Color.web("#333333"));
        return p;
    }

    /** A 3 x 10 bar. */
    private static Rectangle bar() {
        Rectangle r = new Rectangle(3, 10);
        r.setFill(Color.web("#333333"));
        return r;
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
