package io.liquidlens.app.graph;

import io.liquidlens.io.ModelManifest;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.model.NeuronNames;
import io.liquidlens.sim.SynapseActivity;
import io.liquidlens.spec.BaselineSpec;
import io.liquidlens.wiring.NeuronRole;
import io.liquidlens.wiring.Wiring;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where each input feature and neuron of a model sits in the wiring graph, what it is called, and which
 * vertices each synapse joins. Columns run left to right as the NCP paper draws them: the cell's inputs
 * (sensory), then inter, command and motor neurons; a role without neurons gets no column (a fully connected
 * or random wiring has only inter and motor neurons). A column taller than {@link #MAX_ROWS} wraps into
 * sub-columns so a 256-neuron AutoNCP stays legible. A baseline has no roles: its diagram is the inputs, then a
 * column per layer of hidden units (docs/BASELINES.md#the-workbench). Coordinates are graph units, y upwards, one unit between
 * rows.
 *
 * <p>Vertex indices: input feature {@code s} is vertex {@code s}, neuron {@code id} is vertex
 * {@code inputs() + id}. Link {@code k} is synapse {@code k} of {@link SynapseActivity#synapses()}.
 */
public final class WiringLayout {
    /** Rows per (sub-)column before it wraps. */
    static final int MAX_ROWS = 32;
    private static final double SUB_COLUMN_GAP = 1.2;
    /** A layer's sub-columns stand apart by this, room for a unit's label ({@code l0.u63}) beside each. */
    static final double LAYER_SUB_COLUMN_GAP = 3.5;
    /** The narrowest gap between a layer diagram's columns (inputs, layer 0, layer 1, ...). */
    private static final double LAYER_GAP = 6;
    /** Largest gap between rows when a short column is spread over the height of the tallest. */
    private static final double MAX_ROW_GAP = 2.5;
    /** Width over height of the drawing when the pane's is not known. */
    static final double ASPECT = 1.6;
    /** The widest and narrowest drawings the pane's shape may ask for. */
    static final double MIN_ASPECT = 1.0;
    static final double MAX_ASPECT = 4.0;
    private static final String FEATURE = "feature ";

    /**
     * One drawn vertex.
     *
     * @param index  vertex index
     * @param id     the input feature index or the neuron's wiring id
     * @param role   {@link NeuronRole#SENSORY} for an input feature, else the neuron's role
     * @param name   full name ("command 3 (id 4)", or the input feature's name)
     * @param label  short label drawn next to it ("C3", or the feature name)
     * @param x      graph units
     * @param y      graph units
     */
    public record Vertex(int index, int id, NeuronRole role, String name, String label, double x, double y) {
        /** True for an input feature. */
        public boolean sensory() {
            return role == NeuronRole.SENSORY;
        }
    }

    /**
     * One drawn synapse.
     *
     * @param index    synapse index in {@link SynapseActivity#synapses()}
     * @param source   source vertex index
     * @param target   target vertex index
     * @param sensory  whether the source is an input feature
     * @param polarity +1 excitatory, -1 inhibitory
     */
    public record Link(int index, int source, int target, boolean sensory, int polarity) {
    }

    private final int inputs;
    private final int neurons;
    private final List<Vertex> vertices;
    private final List<Link> links;
    private final Map<NeuronRole, Integer> counts;
    private final boolean layers;

    private WiringLayout(int inputs, int neurons, List<Vertex> vertices, List<Link> links,
                         Map<NeuronRole, Integer> counts, boolean layers) {
        this.layers = layers;
        this.inputs = inputs;
        this.neurons = neurons;
        this.vertices = List.copyOf(vertices);
        this.links = List.copyOf(links);
        this.counts = counts;
    }

    /** The layout of {@code model}'s cell with the synapses {@code synapses} (those the checkpoint computes). */
    public static WiringLayout of(LoadedModel model, SynapseActivity synapses) {
        return of(model, synapses, ASPECT);
    }

    /**
     * The layout of {@code model}'s cell spread to about {@code aspect} (width over height, kept within
     * {@value #MIN_ASPECT}..{@value #MAX_ASPECT}), so that it fills a pane of that shape.
     */
    public static WiringLayout of(LoadedModel model, SynapseActivity synapses, double aspect) {
        LiquidModel net = model.network();
        int s = net.inputSize();
        int n = net.stateSize();
        NeuronNames names = NeuronNames.of(net);
        if (names.isBaseline()) {
            return layers(inputNames(model.manifest(), s), names, ((BaselineSpec) net.spec().cell()).layers(),
                    synapses.synapses(), aspect);
        }
        Wiring wiring = net.connectivity().orElse(null);
        NeuronRole[] roles = new NeuronRole[n];
        int[] ids = net.stateNeuronIds();
        for (int p = 0; p < n; p++) {
            roles[ids[p]] = wiring != null ? wiring.role(ids[p]) : net.stateRole(p);
        }
        return of(inputNames(model.manifest(), s), roles, synapses.synapses(), aspect);
    }

    /** The layout of inputs named {@code inputNames}, neurons with {@code roles} (by id) and {@code synapses}. */
    static WiringLayout of(List<String> inputNames, NeuronRole[] roles, List<SynapseActivity.Synapse> synapses) {
        return of(inputNames, roles, synapses, ASPECT);
    }

    private static WiringLayout of(List<String> inputNames, NeuronRole[] roles, List<SynapseActivity.Synapse> synapses,
                                   double aspect) {
        double wide = Math.max(MIN_ASPECT, Math.min(MAX_ASPECT, aspect));
        int s = inputNames.size();
        int n = roles.length;
        Map<NeuronRole, List<Integer>> byRole = new EnumMap<>(NeuronRole.class);
        for (NeuronRole r : NeuronRole.values()) {
            byRole.put(r, new ArrayList<>());
        }
        for (int i = 0; i < s; i++) {
            byRole.get(NeuronRole.SENSORY).add(i);
        }
        for (int id = 0; id < n; id++) {
            byRole.get(roles[id]).add(id);
        }
        List<NeuronRole> columns = new ArrayList<>();
        int tallest = 1;
        for (NeuronRole r : NeuronRole.values()) {
            if (!byRole.get(r).isEmpty()) {
                columns.add(r);
                tallest = Math.max(tallest, rows(byRole.get(r).size()));
            }
        }
        // spread the columns so the drawing is about as wide as a window, whatever the column heights
        double columnGap = columns.size() < 2 ? 0 : Math.max(4.0, tallest * wide / (columns.size() - 1));
        Vertex[] placed = new Vertex[s + n];
        Map<NeuronRole, Integer> counts = new EnumMap<>(NeuronRole.class);
        double x = 0;
        for (NeuronRole r : columns) {
            List<Integer> members = byRole.get(r);
            counts.put(r, members.size());
            int rows = rows(members.size());
            int subColumns = (members.size() + rows - 1) / rows;
            // short columns spread over the tallest one's height, as the NCP paper draws them
            double gap = rows < 2 ? 1 : Math.max(1, Math.min(MAX_ROW_GAP, (tallest - 1) / (double) (rows - 1)));
            for (int k = 0; k < members.size(); k++) {
                int sub = k / rows;
                int row = k % rows;
                int inThisSub = Math.min(rows, members.size() - sub * rows);
                double y = ((inThisSub - 1) / 2.0 - row) * gap;
                double vx = x + sub * SUB_COLUMN_GAP;
                int id = members.get(k);
                if (r == NeuronRole.SENSORY) {
                    placed[id] = new Vertex(id, id, r, inputNames.get(id), shorten(inputNames.get(id)), vx, y);
                } else {
                    placed[s + id] = new Vertex(s + id, id, r, Wiring.neuronName(roles, id),
                            Wiring.neuronLabel(roles, id), vx, y);
                }
            }
            x += (subColumns - 1) * SUB_COLUMN_GAP + columnGap;
        }
        return new WiringLayout(s, n, List.of(placed), links(s, synapses), counts, false);
    }

    /**
     * A baseline's layer diagram: the inputs, then one column per layer of its units (named by {@code names},
     * {@code l0.u3}), each wrapping as a role's column does, joined by {@code synapses}, the dense links between
     * consecutive columns.
     */
    private static WiringLayout layers(List<String> inputNames, NeuronNames names, int layers,
                                       List<SynapseActivity.Synapse> synapses, double aspect) {
        int s = inputNames.size();
        int n = names.size();
        int perLayer = n / layers;
        List<List<Integer>> columns = new ArrayList<>();
        columns.add(java.util.stream.IntStream.range(0, s).boxed().toList());
        for (int k = 0; k < layers; k++) {
            columns.add(java.util.stream.IntStream.range(k * perLayer, (k + 1) * perLayer).boxed().toList());
        }
        double wide = Math.max(MIN_ASPECT, Math.min(MAX_ASPECT, aspect));
        int rows = layerRows(s, perLayer, layers, wide);
        int tallest = Math.max(rows(s), rows);
        // the drawing's own width at the narrowest gaps; the gaps between columns widen to fill the pane's shape
        double unitsWide = layers * (((perLayer + rows - 1) / rows - 1) * LAYER_SUB_COLUMN_GAP);
        double columnGap = Math.max(LAYER_GAP, ((tallest - 1) * wide - unitsWide) / layers);
        Vertex[] placed = new Vertex[s + n];
        double x = 0;
        for (int c = 0; c < columns.size(); c++) {
            List<Integer> members = columns.get(c);
            int colRows = c == 0 ? rows(members.size()) : rows;
            double gap = colRows < 2 ? 1
                    : Math.max(1, Math.min(MAX_ROW_GAP, (tallest - 1) / (double) (colRows - 1)));
            double subGap = c == 0 ? SUB_COLUMN_GAP : LAYER_SUB_COLUMN_GAP;
            for (int k = 0; k < members.size(); k++) {
                int inThisSub = Math.min(colRows, members.size() - k / colRows * colRows);
                double y = ((inThisSub - 1) / 2.0 - k % colRows) * gap;
                double vx = x + k / colRows * subGap;
                int id = members.get(k);
                placed[c == 0 ? id : s + id] = c == 0
                        ? new Vertex(id, id, NeuronRole.SENSORY, inputNames.get(id), shorten(inputNames.get(id)), vx, y)
                        : new Vertex(s + id, id, names.role(id), names.name(id), names.label(id), vx, y);
            }
            x += ((members.size() + colRows - 1) / colRows - 1) * subGap + columnGap;
        }
        Map<NeuronRole, Integer> counts = new EnumMap<>(NeuronRole.class);
        counts.put(NeuronRole.SENSORY, s);
        counts.put(NeuronRole.INTER, n);
        return new WiringLayout(s, n, List.of(placed), links(s, synapses), counts, true);
    }

    /**
     * Rows of each layer's units: the count whose drawing (layers of sub-columns {@link #LAYER_SUB_COLUMN_GAP} apart
     * beside the inputs) comes closest to {@code aspect}, so a 64-unit layer wraps into several columns of legible rows
     * instead of two crowded ones in a wide pane (at most {@link #MAX_ROWS}, at least as many as the inputs need).
     */
    static int layerRows(int inputs, int perLayer, int layers, double aspect) {
        int best = Math.min(perLayer, MAX_ROWS);
        double bestMiss = Double.POSITIVE_INFINITY;
        for (int r = Math.min(perLayer, Math.max(2, rows(inputs))); r <= Math.min(perLayer, MAX_ROWS); r++) {
            int sub = (perLayer + r - 1) / r;
            double wide = layers * (LAYER_GAP + (sub - 1) * LAYER_SUB_COLUMN_GAP);
            double miss = Math.abs(Math.log(wide / (Math.max(r, rows(inputs)) - 1) / aspect));
            if (miss < bestMiss - 1e-9) {
                best = r;
                bestMiss = miss;
            }
        }
        return Math.max(1, best);
    }

    private static List<Link> links(int s, List<SynapseActivity.Synapse> synapses) {
        List<Link> links = new ArrayList<>(synapses.size());
        for (int k = 0; k < synapses.size(); k++) {
            SynapseActivity.Synapse syn = synapses.get(k);
            int source = syn.sensory() ? syn.source() : s + syn.source();
            links.add(new Link(k, source, s + syn.target(), syn.sensory(), syn.polarity()));
        }
        return links;
    }

    private static int rows(int members) {
        int subColumns = (members + MAX_ROWS - 1) / MAX_ROWS;
        return subColumns <= 1 ? Math.max(1, members) : (members + subColumns - 1) / subColumns;
    }

    private static String shorten(String name) {
        if (name.startsWith(FEATURE)) {
            return "f" + name.substring(FEATURE.length());
        }
        return name.length() <= 12 ? name : name.substring(0, 11) + "\u2026";
    }

    /**
     * The names of the cell's {@code count} inputs: the manifest's vector input names when they fit, else
     * "feature k" (the perception head's features of a camera model).
     */
    static List<String> inputNames(ModelManifest manifest, int count) {
        ModelManifest.InputSpec in = manifest == null ? null : manifest.inputs();
        if (in != null && in.kind() == ModelManifest.InputSpec.Kind.VECTOR && in.names().size() == count) {
            return in.names();
        }
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(FEATURE + i);
        }
        return names;
    }

    /** Number of input features (sensory vertices). */
    public int inputs() {
        return inputs;
    }

    /** Number of neurons. */
    public int neurons() {
        return neurons;
    }

    /** All vertices by index: inputs, then neurons by id. */
    public List<Vertex> vertices() {
        return vertices;
    }

    /** All synapses in {@link SynapseActivity#synapses()} order. */
    public List<Link> links() {
        return links;
    }

    /** The vertex of neuron {@code id}. */
    public Vertex neuron(int id) {
        return vertices.get(inputs + id);
    }

    /** True for a baseline's layer diagram (inputs, layers of units, dense links), false for a wiring. */
    public boolean layers() {
        return layers;
    }

    /** Number of vertices with {@code role} (SENSORY: the inputs). */
    public int count(NeuronRole role) {
        return counts.getOrDefault(role, 0);
    }
}
