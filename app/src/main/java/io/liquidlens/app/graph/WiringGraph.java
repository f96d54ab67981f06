package io.liquidlens.app.graph;

import io.liquidlens.wiring.NeuronRole;
import java.util.Arrays;
import javafx.scene.paint.Color;
import org.graphstream.graph.Edge;
import org.graphstream.graph.Graph;
import org.graphstream.graph.Node;
import org.graphstream.graph.implementations.MultiGraph;

/**
 * The GraphStream graph of a {@link WiringLayout} and the only class that knows GraphStream's {@code ui.*}
 * attribute keys and the stylesheet's CSS classes. GraphStream holds the structure (vertices, synapses as edges,
 * selection classes) and fits the camera, but draws nothing: {@link SynapseLayer} draws the
 * synapses and the vertices from the levels kept here ({@link #setVertexLevel}, {@link #setLinkLevel}), so a
 * step of playback changes no GraphStream attribute, sends no graph event and parses no CSS.
 *
 * <p>Measured on the 19-neuron sample (software pipeline, busy 2-core machine): with GraphStream drawing its
 * antialiased edges playback reached about 45 frames/s, with the synapse layer 55-60; for 8,618 synapses
 * GraphStream's edges took 50-130 ms a frame. GraphStream's vertices and labels then cost about half of what
 * was left on the JavaFX and render threads (a text layout per label and an antialiased shape per vertex
 * every frame), hence {@link VertexSprites} and {@link VertexLabels}.
 */
final class WiringGraph {
    static final String UI_STYLESHEET = "ui.stylesheet";
    static final String UI_CLASS = "ui.class";
    static final String UI_ANTIALIAS = "ui.antialias";
    static final String UI_QUALITY = "ui.quality";
    /** GraphStream's key for fixed positions. */
    static final String XY = "xy";

    static final String CLASS_EXCITATORY = "excitatory";
    static final String CLASS_INHIBITORY = "inhibitory";
    static final String CLASS_SELECTED = "selected";
    static final String CLASS_CLAMPED = "clamped";

    /**
     * Above this many vertices the graph is drawn small, without labels, and its synapses leave the GraphStream
     * graph altogether (a 256-neuron AutoNCP has 8,618).
     */
    static final int LARGE = 80;
    private static final String VERTEX_PREFIX = "v";
    private static final String LINK_PREFIX = "e";

    private final Graph graph = new MultiGraph("wiring", false, true, 300, 9000);
    private WiringLayout layout;
    private Node[] nodes = new Node[0];
    private Edge[] edges = new Edge[0];
    private int[] vertexLevels = new int[0];
    private int[] linkLevels = new int[0];
    private boolean[] selected = new boolean[0];
    private boolean[] clamped = new boolean[0];
    private boolean large;
    private boolean levelsChanged;
    private long linksVersion;

    /** The GraphStream graph the viewer shows. */
    Graph graph() {
        return graph;
    }

    /** The layout shown, or null. */
    WiringLayout layout() {
        return layout;
    }

    /** Replaces the graph with {@code next} (null: empty), every vertex neutral, every synapse at {@code linkLevel}. */
    void show(WiringLayout next, int linkLevel) {
        graph.clear();
        large = false;
        linksVersion++;
        layout = next;
        int v = next == null ? 0 : next.vertices().size();
        int k = next == null ? 0 : next.links().size();
        nodes = new Node[v];
        edges = new Edge[k];
        vertexLevels = new int[v];
        linkLevels = new int[k];
        selected = new boolean[v];
        clamped = new boolean[v];
        if (next == null) {
            return;
        }
        large = v > LARGE;
        int longest = next.vertices().stream().filter(WiringLayout.Vertex::sensory)
                .mapToInt(x -> x.label().length()).max().orElse(0);
        graph.setAttribute(UI_STYLESHEET, stylesheet(large, longest));
        if (!large) {
            graph.setAttribute(UI_ANTIALIAS);
            graph.setAttribute(UI_QUALITY);
        }
        for (WiringLayout.Vertex vertex : next.vertices()) {
            Node node = graph.addNode(VERTEX_PREFIX + vertex.index());
            node.setAttribute(XY, vertex.x(), vertex.y());
            node.setAttribute(UI_CLASS, roleClass(vertex.role()));
            vertexLevels[vertex.index()] = ActivityColors.NEUTRAL;
            nodes[vertex.index()] = node;
        }
        for (WiringLayout.Link link : next.links()) {
            linkLevels[link.index()] = linkLevel;
            if (large) {
                continue;
            }
            Edge edge = graph.addEdge(LINK_PREFIX + link.index(), nodes[link.source()], nodes[link.target()], true);
            edge.setAttribute(UI_CLASS, link.polarity() >= 0 ? CLASS_EXCITATORY : CLASS_INHIBITORY);
            edges[link.index()] = edge;
        }
    }

    /** Sets vertex {@code v}'s fill to state level {@code level} (drawn at the next repaint); false if unchanged. */
    boolean setVertexLevel(int v, int level) {
        if (vertexLevels[v] == level) {
            return false;
        }
        vertexLevels[v] = level;
        levelsChanged = true;
        return true;
    }

    /**
     * Sets synapse {@code k}'s opacity and width to level {@code level} (drawn by {@link SynapseLayer} at the
     * next repaint, see {@link #takeLevelsChanged()}); false if unchanged.
     */
    boolean setLinkLevel(int k, int level) {
        if (linkLevels[k] == level) {
            return false;
        }
        linkLevels[k] = level;
        levelsChanged = true;
        linksVersion++;
        return true;
    }

    /** Counts changes of any synapse level (and new layouts): the synapse layer rasterises again when it moves. */
    long linksVersion() {
        return linksVersion;
    }

    /**
     * True if a vertex or synapse level changed since the last call. GraphStream does not see levels (they are
     * not attributes of its elements: an attribute change per vertex per step went through GraphStream's event
     * pipeline to the graphic graph), so the view repaints for them itself.
     */
    boolean takeLevelsChanged() {
        boolean changed = levelsChanged;
        levelsChanged = false;
        return changed;
    }

    /** Outlines vertex {@code v} as selected, or not. */
    void setSelected(int v, boolean on) {
        if (v < 0 || v >= selected.length || selected[v] == on) {
            return;
        }
        selected[v] = on;
        applyClasses(v);
    }

    /** Rings vertex {@code v} as clamped (held at a fixed value), or not. */
    void setClamped(int v, boolean on) {
        if (v < 0 || v >= clamped.length || clamped[v] == on) {
            return;
        }
        clamped[v] = on;
        levelsChanged = true;
        applyClasses(v);
    }

    /** Clears every clamp ring. */
    void clearClamps() {
        for (int v = 0; v < clamped.length; v++) {
            setClamped(v, false);
        }
    }

    boolean isClamped(int v) {
        return clamped[v];
    }

    /** The clamp rings of every vertex, without copying (for {@link SynapseLayer}; do not change). */
    boolean[] clampedView() {
        return clamped;
    }

    private void applyClasses(int v) {
        String role = roleClass(layout.vertices().get(v).role());
        // GraphStream lets the first class listed win where two set the same property
        String classes = (selected[v] ? CLASS_SELECTED + "," : "") + (clamped[v] ? CLASS_CLAMPED + "," : "") + role;
        nodes[v].setAttribute(UI_CLASS, classes);
    }

    /** Clears every selection outline. */
    void clearSelection() {
        for (int v = 0; v < selected.length; v++) {
            setSelected(v, false);
        }
    }

    int vertexLevel(int v) {
        return vertexLevels[v];
    }

    int linkLevel(int k) {
        return linkLevels[k];
    }

    boolean isSelected(int v) {
        return selected[v];
    }

    /** The fill colour vertex {@code v} is drawn with (tests and export). */
    Color fillOf(int v) {
        return ActivityColors.state(vertexLevels[v]);
    }

    /** The CSS classes of vertex {@code v} as set on the element. */
    String classesOf(int v) {
        return (String) nodes[v].getAttribute(UI_CLASS);
    }

    /** True for a large graph (small vertices, no labels, no GraphStream edges). */
    boolean isLarge() {
        return large;
    }

    /** The CSS class of synapse {@code k}'s edge (null for a large graph, which has none). */
    String classOfLink(int k) {
        return large ? null : (String) edges[k].getAttribute(UI_CLASS);
    }

    /** The colour synapse {@code k} is drawn in at its current level. */
    Color linkColorOf(int k) {
        int polarity = layout.links().get(k).polarity();
        return large ? ActivityColors.denseSynapse(polarity, linkLevels[k])
                : ActivityColors.synapse(polarity, linkLevels[k]);
    }

    /** Vertex size in pixels as the stylesheet draws it. */
    static int vertexSizePx(NeuronRole role, boolean large) {
        if (role == NeuronRole.COMMAND) {
            return large ? 11 : 20;
        }
        if (role == NeuronRole.SENSORY) {
            // a camera head's 32 features stack about 11 px apart: smaller triangles keep them apart
            return large ? 8 : 10;
        }
        return large ? 8 : 15;
    }

    /** The current level of every vertex, without copying (for {@link SynapseLayer}; do not change). */
    int[] vertexLevelsView() {
        return vertexLevels;
    }

    /** The selection outline of every vertex, without copying (for {@link SynapseLayer}; do not change). */
    boolean[] selectionView() {
        return selected;
    }

    /** The current level of every synapse, without copying (for {@link SynapseLayer}; do not change). */
    int[] linkLevelsView() {
        return linkLevels;
    }

    /** A copy of the current vertex levels. */
    int[] vertexLevels() {
        return Arrays.copyOf(vertexLevels, vertexLevels.length);
    }

    /** A copy of the current synapse levels. */
    int[] linkLevels() {
        return Arrays.copyOf(linkLevels, linkLevels.length);
    }

    /** A copy of the selection outlines. */
    boolean[] selection() {
        return Arrays.copyOf(selected, selected.length);
    }

    /** The CSS class of a role (its lower-case name). */
    static String roleClass(NeuronRole role) {
        return role.ncpsName();
    }

    /** The stylesheet; {@code longestInputLabel} (characters) sets the padding the input labels need. */
    private static String stylesheet(boolean large, int longestInputLabel) {
        int padding = large ? 20 : Math.max(50, 7 * longestInputLabel + 30);
        String nodeSize = vertexSizePx(NeuronRole.INTER, large) + "px";
        String commandSize = vertexSizePx(NeuronRole.COMMAND, large) + "px";
        // the view draws the labels itself (VertexLabels): GraphStream laid out every label's text each frame
        String text = "text-mode: hidden;";
        return "graph { fill-color: white; padding: " + padding + "px, " + (large ? 20 : 24) + "px; }\n"
                // SynapseLayer draws the vertices too (VertexSprites) and the view finds them under the pointer
                + "node { visibility-mode: hidden; size: " + nodeSize + "; z-index: 3; " + text + " }\n"
                + "node.sensory { shape: triangle; stroke-color: " + hex(NeuronRole.SENSORY)
                + "; }\n"
                + "node.inter { shape: circle; stroke-color: " + hex(NeuronRole.INTER) + "; }\n"
                + "node.command { shape: diamond; size: " + commandSize + "; stroke-width: "
                + (large ? "2px" : "3px") + "; stroke-color: " + hex(NeuronRole.COMMAND) + "; }\n"
                + "node.motor { shape: box; stroke-color: " + hex(NeuronRole.MOTOR) + "; }\n"
                + "node.selected { stroke-color: " + ActivityColors.hex(ActivityColors.SELECTED)
                + "; stroke-width: 4px; z-index: 4; }\n"
                + "node." + CLASS_CLAMPED + " { stroke-color: " + ActivityColors.hex(ActivityColors.CLAMPED) + "; }\n"
                // SynapseLayer draws the synapses; the edges stay in the graph as its structure
                + "edge { visibility-mode: hidden; fill-color: #999999; }\n"
                + "edge." + CLASS_EXCITATORY + " { fill-color: " + ActivityColors.hex(ActivityColors.EXCITATORY) + "; }\n"
                + "edge." + CLASS_INHIBITORY + " { fill-color: " + ActivityColors.hex(ActivityColors.INHIBITORY) + "; }\n";
    }

    private static String hex(NeuronRole role) {
        return ActivityColors.hex(ActivityColors.stroke(role));
    }
}
