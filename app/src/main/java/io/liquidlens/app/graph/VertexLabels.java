package io.liquidlens.app.graph;

import io.liquidlens.wiring.NeuronRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;

/**
 * The short labels of a small graph's vertices ("f3", "I7", "C2", "M0"), laid over GraphStream's canvas: inputs
 * to the left of their triangle, every neuron to the right of its shape, on a pale background so a label stays
 * readable where synapses pass under it. Labels under the vertices collided with the next vertex of the column
 * (the NCP columns are denser than a label is tall); beside them they only need the row height, and the font
 * shrinks to it, down to a size still read without effort; a column denser still (32 camera features in a short
 * pane) labels every k-th vertex (hover names the others).
 *
 * <p>Square backgrounds, not rounded ones: the software pipeline fills a rectangle directly but rasterises a
 * rounded one as a shape, which took a third of the render thread per frame. Cheap by construction: the labels are made once per layout and moved only when the vertices move (a
 * resize); GraphStream drew its labels by laying out each text again on every frame. Large graphs get none.
 */
final class VertexLabels extends Pane {
    /** Style class of every label (tests, style sheets). */
    static final String STYLE_CLASS = "wiring-graph-label";
    private static final double GAP = 4;
    private static final double MAX_FONT = 11;
    /** Smaller than this a label is a smudge: label fewer vertices instead. */
    static final double MIN_FONT = 9;

    private final List<Label> labels = new ArrayList<>();
    private WiringLayout layout;
    /** The font size each label has now, so a resize restyles only the labels whose size changes. */
    private double[] fontSizes = new double[0];

    VertexLabels() {
        setMouseTransparent(true);
        setMinSize(0, 0);
    }

    /** One label per vertex of {@code next} (none for null or a {@code large} graph); placed by {@link #place}. */
    void show(WiringLayout next, boolean large) {
        getChildren().clear();
        labels.clear();
        layout = large ? null : next;
        if (layout == null) {
            fontSizes = new double[0];
            return;
        }
        fontSizes = new double[layout.vertices().size()];
        for (WiringLayout.Vertex v : layout.vertices()) {
            Label label = new Label(v.label());
            label.getStyleClass().add(STYLE_CLASS);
            label.setManaged(false);
            // drawn from a cached bitmap: the label never changes while playing, the canvas under it does
            label.setCache(true);
            label.setVisible(false);
            labels.add(label);
        }
        getChildren().addAll(labels);
    }

    /** The label of vertex {@code v} (tests). */
    Label label(int v) {
        return labels.get(v);
    }

    /** True if this holds labels (a small graph). */
    boolean hasLabels() {
        return !labels.isEmpty();
    }

    /** Moves every label beside its vertex where {@code layer} last drew the vertices. */
    void place(SynapseLayer layer) {
        if (layout == null || !layer.isPlaced()) {
            return;
        }
        double[] fonts = new double[NeuronRole.values().length];
        int[] strides = new int[NeuronRole.values().length];
        int[] inColumn = new int[NeuronRole.values().length];
        for (NeuronRole role : NeuronRole.values()) {
            double row = rowHeight(layer, role);
            fonts[role.ordinal()] = Math.max(MIN_FONT, Math.min(MAX_FONT, Math.floor(row / 1.2)));
            strides[role.ordinal()] = stride(row);
        }
        for (WiringLayout.Vertex v : layout.vertices()) {
            Label label = labels.get(v.index());
            int r = v.role().ordinal();
            int k = inColumn[r]++;
            if (k % strides[r] != 0) {
                label.setVisible(false);
                continue;
            }
            setFont(v.index(), fonts[r]);
            double w = label.prefWidth(-1);
            double h = label.prefHeight(-1);
            label.resize(w, h);
            double half = WiringGraph.vertexSizePx(v.role(), false) / 2.0;
            double x = v.sensory() ? layer.x(v.index()) - half - GAP - w : layer.x(v.index()) + half + GAP;
            label.relocate(Math.round(x), Math.round(layer.y(v.index()) - h / 2));
            label.setVisible(true);
        }
    }

    /** Label every {@code stride}-th vertex of a column whose rows are {@code row} pixels apart: 1 while they fit. */
    static int stride(double row) {
        return row >= MIN_FONT * 1.2 ? 1 : (int) Math.ceil(MIN_FONT * 1.2 / Math.max(0.5, row));
    }

    /** The distance between the two closest vertices of {@code role}'s column, in pixels (infinite: none). */
    private double rowHeight(SynapseLayer layer, NeuronRole role) {
        double row = Double.POSITIVE_INFINITY;
        List<WiringLayout.Vertex> vs = layout.vertices();
        for (int i = 1; i < vs.size(); i++) {
            WiringLayout.Vertex a = vs.get(i - 1);
            WiringLayout.Vertex b = vs.get(i);
            if (a.role() == role && b.role() == role && a.x() == b.x()) {
                row = Math.min(row, Math.abs(layer.y(a.index()) - layer.y(b.index())));
            }
        }
        return row;
    }

    private void setFont(int v, double size) {
        if (size == fontSizes[v]) {
            return;
        }
        fontSizes[v] = size;
        Label label = labels.get(v);
        label.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.0fpx; -fx-text-fill: #222222; "
                + "-fx-background-color: rgba(255,255,255,0.8); -fx-padding: 0 2 0 2;",
                size));
        label.applyCss();
    }
}
