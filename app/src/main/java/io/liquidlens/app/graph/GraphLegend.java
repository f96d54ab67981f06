package io.liquidlens.app.graph;

import io.liquidlens.wiring.NeuronRole;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

/**
 * The legend strip under the wiring graph: the role shapes and synapse colours on one row, the state scale and
 * what a synapse's opacity and width mean on the next. Each row wraps rather than eliding a word when the view is
 * narrow, since every label keeps its full width. What it says ({@link Key}) depends on the model: a baseline's
 * layer diagram has inputs, units and dense links without a sign (docs/BASELINES.md#the-workbench), and the SVG
 * export writes the same key.
 */
final class GraphLegend {
    /** Node id of the legend strip. */
    static final String ID = "wiring-graph-legend";

    /**
     * One glyph of the first row: a vertex shape of {@code role}, or, when {@code polarity} is not 0, a link drawn in
     * that polarity's colour.
     */
    record Glyph(NeuronRole role, int polarity, String text) {
    }

    /**
     * What the legend says.
     *
     * @param glyphs    the first row
     * @param stateHigh the label at the high end of the state scale
     * @param links     what a link's opacity and width mean
     */
    record Key(List<Glyph> glyphs, String stateHigh, String links) {
        /** A liquid model's: the four roles, excitatory and inhibitory synapses, conductance. */
        static final Key WIRING = wiring();
        /** A baseline's layer diagram: inputs, units, dense links lit by the activity arriving through them. */
        static final Key LAYERS = new Key(List.of(new Glyph(NeuronRole.SENSORY, 0, "input"),
                new Glyph(NeuronRole.INTER, 0, "unit"), new Glyph(null, 1, "dense link (no one sign)")),
                "high (per unit)", "link opacity, width: |activity of its source|");

        private static Key wiring() {
            List<Glyph> glyphs = new ArrayList<>();
            for (NeuronRole role : NeuronRole.values()) {
                glyphs.add(new Glyph(role, 0, role.ncpsName()));
            }
            glyphs.add(new Glyph(null, 1, "excitatory"));
            glyphs.add(new Glyph(null, -1, "inhibitory"));
            return new Key(glyphs, "high (per neuron)", "synapse opacity, width: current w\u00b7\u03c3(x)");
        }

        /** The key of {@code layout}'s drawing (a liquid model's when there is none yet). */
        static Key of(WiringLayout layout) {
            return layout != null && layout.layers() ? LAYERS : WIRING;
        }
    }

    private final VBox box = new VBox(3);

    /** A new legend strip, with the node id {@link #ID}, saying a liquid model's key until {@link #show} says else. */
    GraphLegend() {
        box.setId(ID);
        box.setPadding(new Insets(4, 10, 4, 10));
        box.setStyle("-fx-background-color: white; -fx-border-color: #dddddd transparent transparent transparent;");
        box.setMouseTransparent(true);
        show(Key.WIRING);
    }

    /** The strip. */
    Node node() {
        return box;
    }

    /** Says {@code key}. */
    void show(Key key) {
        FlowPane glyphs = row();
        for (Glyph glyph : key.glyphs()) {
            glyphs.getChildren().add(entry(glyph.polarity() == 0 ? roleShape(glyph.role()) : line(glyph.polarity()),
                    glyph.text()));
        }
        Stop[] stops = new Stop[ActivityColors.STATE_LEVELS];
        for (int i = 0; i < stops.length; i++) {
            stops[i] = new Stop(i / (double) (stops.length - 1), ActivityColors.state(i));
        }
        Rectangle bar = new Rectangle(100, 10, new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops));
        bar.setStroke(Color.web("#999999"));
        HBox states = new HBox(4, label("state: low"), bar, label(key.stateHigh()));
        states.setAlignment(Pos.CENTER_LEFT);
        FlowPane scales = row();
        scales.getChildren().addAll(states, label(key.links()));
        box.getChildren().setAll(glyphs, scales);
    }

    private static Line line(int polarity) {
        Line line = new Line(0, 0, 24, 0);
        line.setStrokeWidth(3);
        line.setStroke(ActivityColors.synapse(polarity, ActivityColors.SYNAPSE_LEVELS - 1));
        return line;
    }

    private static FlowPane row() {
        FlowPane row = new FlowPane(18, 3);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setMinWidth(0);
        row.setPrefWrapLength(200);
        return row;
    }

    private static HBox entry(Node glyph, String text) {
        HBox entry = new HBox(4, glyph, label(text));
        entry.setAlignment(Pos.CENTER_LEFT);
        return entry;
    }

    /** A legend label that is never elided: it keeps the width of its text and the row wraps instead. */
    private static Label label(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-size: 11px;");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Shape roleShape(NeuronRole role) {
        Shape s = switch (role) {
            case SENSORY -> new Polygon(6, 0, 12, 11, 0, 11);
            case INTER -> new Circle(6);
            case COMMAND -> new Polygon(7, 0, 14, 7, 7, 14, 0, 7);
            case MOTOR -> new Rectangle(11, 11);
        };
        s.setFill(Color.WHITE);
        s.setStroke(ActivityColors.stroke(role));
        s.setStrokeWidth(role == NeuronRole.COMMAND ? 2.5 : 1.5);
        return s;
    }
}
