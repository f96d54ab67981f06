package io.liquidlens.app.graph;

import io.liquidlens.wiring.NeuronRole;
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
 * narrow, since every label keeps its full width.
 */
final class GraphLegend {
    /** Node id of the legend strip. */
    static final String ID = "wiring-graph-legend";

    private GraphLegend() {
    }

    /** A new legend strip, with the node id {@link #ID}. */
    static Node create() {
        FlowPane glyphs = row();
        for (NeuronRole role : NeuronRole.values()) {
            glyphs.getChildren().add(entry(roleShape(role), role.ncpsName()));
        }
        for (int polarity : new int[] {1, -1}) {
            Line line = new Line(0, 0, 24, 0);
            line.setStrokeWidth(3);
            line.setStroke(ActivityColors.synapse(polarity, ActivityColors.SYNAPSE_LEVELS - 1));
            glyphs.getChildren().add(entry(line, polarity > 0 ? "excitatory" : "inhibitory"));
        }
        Stop[] stops = new Stop[ActivityColors.STATE_LEVELS];
        for (int i = 0; i < stops.length; i++) {
            stops[i] = new Stop(i / (double) (stops.length - 1), ActivityColors.state(i));
        }
        Rectangle bar = new Rectangle(100, 10, new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops));
        bar.setStroke(Color.web("#999999"));
        HBox states = new HBox(4, label("state: low"), bar, label("high (per neuron)"));
        states.setAlignment(Pos.CENTER_LEFT);
        FlowPane scales = row();
        scales.getChildren().addAll(states, label("synapse opacity, width: current w\u00b7\u03c3(x)"));
        VBox box = new VBox(3, glyphs, scales);
        box.setId(ID);
        box.setPadding(new Insets(4, 10, 4, 10));
        box.setStyle("-fx-background-color: white; -fx-border-color: #dddddd transparent transparent transparent;");
        box.setMouseTransparent(true);
        return box;
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
