package io.liquidlens.model;

import io.liquidlens.head.HeadSpec;
import io.liquidlens.head.PerceptionHead;
import io.liquidlens.io.NdArray;
import io.liquidlens.model.StateDictLayout.CfcLayout;
import io.liquidlens.spec.BaselineSpec;
import io.liquidlens.spec.CfcSpec;
import io.liquidlens.spec.CtrnnSpec;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.ReadoutSpec;
import io.liquidlens.spec.TorchRnnSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.wiring.NeuronRole;
import io.liquidlens.wiring.Wiring;
import io.liquidlens.wiring.WiringSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ncps model with its weights: [mixed-memory LSTM] -> liquid cell -> [projection {@code fc}], as
 * {@code ncps.torch.LTC} / {@code ncps.torch.CfC} run it at each step; or a baseline (docs/BASELINES.md): its
 * recurrent layers, then its readout {@code fc} on the last layer's hidden units. Immutable and thread-safe: the
 * state and scratch buffers belong to the caller.
 */
public final class LiquidModel {
    private final ModelSpec spec;
    private final Wiring wiring;
    private final CellKind kind;
    private final RecurrentCell cell;
    private final LstmCell lstm;
    private final float[] fcW;
    private final float[] fcB;
    private final int outputSize;
    private final int[] stateNeuronIds;
    private final NeuronRole[] stateRoles;
    private final ParameterCounts counts;
    private final Wiring connectivity;
    private final PerceptionHead head;
    /** The weights as given, kept so an intervention that edits them (a cut synapse) can rebuild the model. */
    private final Map<String, NdArray> weights;
    private final Clamp clamp;

    private LiquidModel(ModelSpec spec, Wiring wiring, HeadSpec headSpec, Map<String, NdArray> stateDict) {
        this.spec = spec;
        this.wiring = wiring;
        this.weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stateDict));
        this.clamp = Clamp.NONE;
        if (headSpec != null) {
            head = PerceptionHead.fromStateDict(headSpec, stateDict);
            Map<String, NdArray> rest = new java.util.LinkedHashMap<>(stateDict);
            headSpec.tensorShapes().keySet().forEach(rest::remove);
            stateDict = rest;
        } else {
            head = null;
        }
        int s = spec.inputSize();
        StateDictReader r = new StateDictReader(stateDict);
        if (spec.cell() instanceof BaselineSpec baseline) {
            int units = ((UnitsSpec.Dense) spec.units()).units();
            if (baseline instanceof TorchRnnSpec torch) {
                TorchRnnCell layers = new TorchRnnCell(torch, s, units, r);
                kind = switch (torch.kind()) {
                    case LSTM -> CellKind.LSTM;
                    case GRU -> CellKind.GRU;
                    case RNN_TANH, RNN_RELU -> CellKind.RNN;
                };
                cell = layers;
            } else {
                kind = CellKind.CTRNN;
                cell = new CtrnnCell((CtrnnSpec) baseline, s, units, r);
            }
            stateNeuronIds = identity(cell.stateSize());
        } else if (spec.cell() instanceof LtcSpec ltc) {
            kind = CellKind.LTC;
            cell = new LtcCell(ltc, s, wiring.units(), wiring.outputDim(), r);
            stateNeuronIds = identity(wiring.units());
        } else {
            List<CfcLayout> parts = StateDictLayout.cfcLayouts(spec, wiring);
            if (wiring != null) {
                kind = CellKind.WIRED_CFC;
                WiredCfcCell wired = new WiredCfcCell(parts, wiring, r);
                cell = wired;
                stateNeuronIds = wired.neuronIds();
            } else {
                kind = CellKind.CFC;
                int units = ((UnitsSpec.Dense) spec.units()).units();
                cell = new CfcCell(parts.get(0), r);
                stateNeuronIds = identity(units);
            }
        }
        int n = cell.stateSize();
        stateRoles = new NeuronRole[n];
        for (int p = 0; p < n; p++) {
            // a dense CfC has no wiring; ncps makes every unit an output, so every unit is a motor neuron. A
            // baseline's hidden units are read by its readout and by each other: none commands or is an output
            stateRoles[p] = kind.isBaseline() ? NeuronRole.INTER
                    : wiring == null ? NeuronRole.MOTOR : wiring.role(stateNeuronIds[p]);
        }
        lstm = spec.cell().mixedMemory() ? new LstmCell(s, n, r) : null;
        Integer proj = spec.cell() instanceof CfcSpec c ? c.projSize() : null;
        if (spec.cell() instanceof BaselineSpec baseline) {
            ReadoutSpec readout = baseline.readout();
            fcW = r.take(BaselineLayout.READOUT_WEIGHT, readout.outFeatures(), cell.outputSize());
            fcB = readout.bias() ? r.take(BaselineLayout.READOUT_BIAS, readout.outFeatures()) : null;
            outputSize = readout.outFeatures();
        } else if (proj != null) {
            fcW = r.take(StateDictLayout.FC_WEIGHT, proj, cell.outputSize());
            fcB = r.take(StateDictLayout.FC_BIAS, proj);
            outputSize = proj;
        } else {
            fcW = null;
            fcB = null;
            outputSize = cell.outputSize();
        }
        r.rejectUnexpected();
        counts = countParameters();
        connectivity = readBack(wiring, cell);
    }

    /** {@code base} with other neurons clamped: everything else is shared, being immutable. */
    private LiquidModel(LiquidModel base, Clamp clamp) {
        spec = base.spec;
        wiring = base.wiring;
        kind = base.kind;
        cell = base.cell;
        lstm = base.lstm;
        fcW = base.fcW;
        fcB = base.fcB;
        outputSize = base.outputSize;
        stateNeuronIds = base.stateNeuronIds;
        stateRoles = base.stateRoles;
        counts = base.counts;
        connectivity = base.connectivity;
        head = base.head;
        weights = base.weights;
        this.clamp = clamp;
    }

    /**
     * Builds a model from an ncps state dict ({@code torch.save(model.state_dict())}). The wiring is
     * regenerated from the spec (for int units as ncps does: {@code FullyConnected(units)} for LTC, none for
     * a dense CfC); the connectivity used for computing is the checkpoint's sparsity masks.
     *
     * @throws IllegalArgumentException naming the tensor when one is missing, has the wrong shape or holds
     *                                  a non-finite value, or when there are unexpected tensors
     */
    public static LiquidModel fromStateDict(ModelSpec spec, Map<String, NdArray> stateDict) {
        return fromStateDict(spec, defaultWiring(spec), stateDict);
    }

    /**
     * As {@link #fromStateDict(ModelSpec, Map)} with an already built wiring (null for a dense CfC, where
     * it is ignored).
     */
    public static LiquidModel fromStateDict(ModelSpec spec, Wiring wiring, Map<String, NdArray> stateDict) {
        boolean unwired = spec.cell() instanceof BaselineSpec
                || spec.cell() instanceof CfcSpec && spec.units() instanceof UnitsSpec.Dense;
        Wiring w = unwired ? null : wiring;
        if (!unwired) {
            if (w == null) {
                throw new IllegalArgumentException("a wiring is required for " + spec.cell().ncpsClass()
                        + " with these units");
            }
            if (w.inputDim() != spec.inputSize()) {
                throw new IllegalArgumentException("the wiring has " + w.inputDim() + " inputs but input_size is "
                        + spec.inputSize());
            }
            if (spec.units() instanceof UnitsSpec.Dense d && d.units() != w.units()) {
                throw new IllegalArgumentException("the wiring has " + w.units() + " units but units is " + d.units());
            }
        }
        return new LiquidModel(spec, w, null, stateDict);
    }

    /**
     * A model with a perception head in front of the cell: frames (H, W, C) go through the head, whose
     * features are the cell's inputs. The head's tensors are taken from the same state dict.
     *
     * @throws IllegalArgumentException naming the tensor or the mismatch (head output vs input_size)
     */
    public static LiquidModel fromStateDict(ModelSpec spec, HeadSpec head, Map<String, NdArray> stateDict) {
        if (head == null) {
            return fromStateDict(spec, stateDict);
        }
        if (head.outputSize() != spec.inputSize()) {
            throw new IllegalArgumentException("the head gives " + head.outputSize() + " features but the cell's"
                    + " input_size is " + spec.inputSize());
        }
        return new LiquidModel(spec, defaultWiring(spec), head, stateDict);
    }

    private static Wiring defaultWiring(ModelSpec spec) {
        return StateDictLayout.wiringOf(spec);
    }

    private static int[] identity(int n) {
        int[] ids = new int[n];
        Arrays.setAll(ids, i -> i);
        return ids;
    }

    private ParameterCounts countParameters() {
        ParameterCounts.Tally t = new ParameterCounts.Tally();
        if (cell instanceof LtcCell l) {
            l.count(t, stateRoles);
        } else if (cell instanceof WiredCfcCell w) {
            w.count(t, stateRoles);
        } else if (cell instanceof CfcCell c) {
            c.count(t, stateRoles);
        } else if (cell instanceof TorchRnnCell torch) {
            torch.count(t, stateRoles);
        } else if (cell instanceof CtrnnCell ctrnn) {
            ctrnn.count(t, stateRoles);
        }
        if (lstm != null) {
            lstm.count(t, stateRoles);
        }
        if (fcW != null) {
            int readout = fcW.length + (fcB == null ? 0 : fcB.length);
            t.tensor(readout);
            t.shared(readout);
        }
        return t.build();
    }

    /** The ncps call this model was built from. */
    public ModelSpec spec() {
        return spec;
    }

    /** The wiring (for LTC and wired CfC); empty for a dense CfC. */
    public Optional<Wiring> wiring() {
        return Optional.ofNullable(wiring);
    }

    /**
     * The connectivity the model actually computes with: the wiring's neurons, roles and layers, with the
     * synapses read back from the checkpoint's sparsity masks (for LTC with the sign of the trained erev as
     * polarity). It differs from {@link #wiring()} when the checkpoint was made with another wiring than the
     * one its spec regenerates, e.g. one that ncps built twice (docs/NCPS.md#building-a-wiring-twice). Empty
     * for a dense CfC.
     */
    public Optional<Wiring> connectivity() {
        return Optional.ofNullable(connectivity);
    }

    /**
     * How the checkpoint's masks relate to the wiring the spec regenerates (polarities aside, which training
     * may flip). Always {@link CheckpointWiring#MATCHES} for a dense CfC.
     */
    public CheckpointWiring checkpointWiring() {
        if (wiring == null) {
            return CheckpointWiring.MATCHES;
        }
        if (masksHold(wiring)) {
            return CheckpointWiring.MATCHES;
        }
        WiringSpec ws = spec.wiringSpec();
        if (ws != null && masksHold(ws.buildTwice(spec.inputSize()))) {
            return CheckpointWiring.BUILT_TWICE;
        }
        return CheckpointWiring.DIFFERS;
    }

    /** True when the checkpoint's masks hold exactly the regenerated wiring's synapses. */
    public boolean checkpointMatchesWiring() {
        return checkpointWiring() == CheckpointWiring.MATCHES;
    }

    /**
     * True when the checkpoint's masks hold exactly {@code candidate}'s synapses, in the blocks the masks
     * define (all of them for LTC; the feed-forward blocks for a wired CfC, whose recurrence inside a layer
     * ncps computes densely whatever the wiring says).
     */
    private boolean masksHold(Wiring candidate) {
        return sameSynapses(candidate, readBack(candidate, cell));
    }

    private static boolean sameSynapses(Wiring a, Wiring b) {
        return sameSynapses(a.adjacencyMatrix(), b.adjacencyMatrix())
                && sameSynapses(a.sensoryAdjacencyMatrix(), b.sensoryAdjacencyMatrix());
    }

    private static boolean sameSynapses(int[][] a, int[][] b) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                if ((a[i][j] != 0) != (b[i][j] != 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Wiring readBack(Wiring wiring, RecurrentCell cell) {
        if (wiring == null) {
            return null;
        }
        int[][] adj;
        int[][] sens;
        if (cell instanceof LtcCell ltc) {
            adj = ltc.computedAdjacency();
            sens = ltc.computedSensoryAdjacency();
        } else if (cell instanceof WiredCfcCell wired) {
            int[][][] both = wired.computedAdjacency(wiring);
            adj = both[0];
            sens = both[1];
        } else {
            return null;
        }
        NeuronRole[] roles = new NeuronRole[wiring.units()];
        for (int i = 0; i < roles.length; i++) {
            roles[i] = wiring.role(i);
        }
        return new Wiring(wiring.kind(), wiring.outputDim(), adj, sens, roles, wiring.layers());
    }

    /** LTC, dense CfC, wired CfC or a baseline's cell. */
    public CellKind cellKind() {
        return kind;
    }

    /** The recurrent cell. */
    public RecurrentCell cell() {
        return cell;
    }

    /** Number of input features S of the cell (with a head: the head's output features). */
    public int inputSize() {
        return spec.inputSize();
    }

    /** Values per step the model reads: S, or H * W * C of a frame when it has a perception head. */
    public int frameSize() {
        return head == null ? spec.inputSize() : head.spec().input().height() * head.spec().input().width()
                * head.spec().input().channels();
    }

    /** The perception head, if the model has one. */
    public Optional<PerceptionHead> head() {
        return Optional.ofNullable(head);
    }

    /** State size N (ncps's {@code state_size}). */
    public int stateSize() {
        return cell.stateSize();
    }

    /** Output features per step M' (after the output mapping and the projection, if any). */
    public int outputSize() {
        return outputSize;
    }

    /** True when a mixed-memory LSTM carries a cell state c beside h. */
    public boolean mixedMemory() {
        return lstm != null;
    }

    /**
     * True when the model carries a cell state c (length {@link #stateSize()}) beside h from step to step: the LSTM
     * of mixed memory, or an LSTM baseline's own cell states (layer by layer, as its hidden units in h). What
     * {@link #step}'s {@code c} holds, and {@code simulate}'s {@code cx0} and {@code cx}.
     */
    public boolean carriesCellState() {
        return lstm != null || cell.memorySize() > 0;
    }

    /** True for a conventional baseline (LSTM, GRU, RNN, CT-RNN): no wiring, hidden units as its neurons. */
    public boolean isBaseline() {
        return kind.isBaseline();
    }

    /**
     * Wiring neuron id of each state entry. LTC and dense CfC: the identity; wired CfC: layer by layer
     * ({@code [inter..., command..., motor...]} for an NCP), docs/NCPS.md#wired-cfc.
     */
    public int[] stateNeuronIds() {
        return stateNeuronIds.clone();
    }

    /** Role of the neuron at state index {@code p} (dense CfC: motor; a baseline's hidden units: inter). */
    public NeuronRole stateRole(int p) {
        return stateRoles[p];
    }

    /** Trainable parameter counts (see {@link ParameterCounts} for the attribution). */
    public ParameterCounts parameterCounts() {
        return counts;
    }

    /**
     * This model with the given neurons held at fixed values ({@link Clamp}): keys are wiring neuron ids
     * (state positions for a dense CfC), replacing any clamp this model has. An empty map gives the model
     * without clamps.
     *
     * @throws IllegalArgumentException for an id that is not one of the model's neurons or a non-finite value
     */
    public LiquidModel withClamps(Map<Integer, Float> valuesByNeuron) {
        int n = stateSize();
        int[] positions = new int[valuesByNeuron.size()];
        float[] values = new float[positions.length];
        int k = 0;
        for (Map.Entry<Integer, Float> e : new java.util.TreeMap<>(valuesByNeuron).entrySet()) {
            int position = -1;
            for (int p = 0; p < n; p++) {
                if (stateNeuronIds[p] == e.getKey()) {
                    position = p;
                }
            }
            if (position < 0) {
                throw new IllegalArgumentException("cannot clamp neuron " + e.getKey() + ": the model's neurons are"
                        + " 0.." + (n - 1));
            }
            if (!Float.isFinite(e.getValue())) {
                throw new IllegalArgumentException("cannot clamp neuron " + e.getKey() + " to " + e.getValue());
            }
            positions[k] = position;
            values[k++] = e.getValue();
        }
        return new LiquidModel(this, new Clamp(positions, values));
    }

    /**
     * This model with one synapse removed, exactly as ncps would compute with that entry of the checkpoint's
     * sparsity mask set to 0 (clamps carried over). {@code sensory} picks a synapse from input feature
     * {@code from}; otherwise {@code from} is a neuron id. In a wired CfC a neuron's synapses from its own layer
     * are the dense recurrence ncps computes, and can be cut too.
     *
     * @throws IllegalArgumentException when the model computes no such synapse (already cut, never wired, a
     *                                  dense CfC or a baseline, which have no synapses)
     */
    public LiquidModel withSynapseCut(int from, int to, boolean sensory) {
        if (spec.cell() instanceof BaselineSpec baseline) {
            throw new IllegalArgumentException(BaselineSupport.noSynapses(baseline));
        }
        Map<String, NdArray> edited = SynapseCut.edit(this, weights, from, to, sensory);
        HeadSpec headSpec = head == null ? null : head.spec();
        LiquidModel cut = new LiquidModel(spec, wiring, headSpec, edited);
        return clamp.isEmpty() ? cut : new LiquidModel(cut, clamp);
    }

    /** Fresh scratch space for {@link #step}; one per thread. */
    public StepBuffers newBuffers() {
        return new StepBuffers(cell.scratchSize(), lstm == null ? 0 : lstm.scratchSize(), cell.outputSize(), head);
    }

    /**
     * A stepper for {@code lanes} sequences at once when this model is a bare LTC (no head, no mixed memory,
     * no projection, no clamp): the same numbers as {@link #step}, faster for batches. Empty otherwise.
     */
    public Optional<LtcLanes> newLanes(int lanes) {
        if (cell instanceof LtcCell ltc && head == null && lstm == null && fcW == null && clamp.isEmpty()) {
            return Optional.of(new LtcLanes(ltc, lanes));
        }
        return Optional.empty();
    }

    /**
     * Advances one step, as ncps's wrapper does per time step: the LSTM (if mixed memory) on the raw
     * input replaces h, then the cell, then the projection.
     *
     * @param input features at {@code input[inOff .. inOff + frameSize)}: the cell's inputs, or with a
     *              perception head one (H, W, C) frame
     * @param dt    elapsed time of this step for this sample
     * @param h     state (length {@link #stateSize()}), replaced
     * @param c     LSTM cell state (length {@link #stateSize()}), replaced; ignored unless
     *              {@link #carriesCellState()}
     * @param out   receives {@link #outputSize()} outputs at {@code outOff}
     * @param tau   null, or receives {@link #stateSize()} time constants at {@code tauOff}
     *              (LTC: liquid time constant; CfC: time gate, see {@link CfcCell})
     */
    public void step(float[] input, int inOff, float dt, float[] h, float[] c, float[] out, int outOff, float[] tau,
                     int tauOff, StepBuffers buf) {
        if (head != null) {
            // the frame goes through the perception head; the cell (and the LSTM) see its features
            head.forward(input, inOff, buf.head, buf.features, 0);
            input = buf.features;
            inOff = 0;
        }
        stepFeatures(input, inOff, dt, h, c, out, outOff, tau, tauOff, buf);
    }

    /**
     * Advances one step from the cell's input features, as {@link #step} does after the perception head: a
     * caller that has the head's features of every frame already (computed on all cores, since frames do not
     * depend on each other) gets exactly the numbers {@link #step} gives. Without a head it is {@link #step}.
     *
     * @param features the cell's inputs at {@code features[off .. off + inputSize())}
     */
    public void stepFeatures(float[] features, int off, float dt, float[] h, float[] c, float[] out, int outOff,
                             float[] tau, int tauOff, StepBuffers buf) {
        float[] input = features;
        int inOff = off;
        if (lstm != null) {
            lstm.step(input, inOff, h, 0, c, 0, buf.lstm);
        }
        if (fcW == null) {
            cell.step(input, inOff, dt, h, 0, c, 0, out, outOff, tau, tauOff, buf.cell, clamp);
            return;
        }
        float[] y = buf.cellOut;
        cell.step(input, inOff, dt, h, 0, c, 0, y, 0, tau, tauOff, buf.cell, clamp);
        project(y, out, outOff);
    }

    /**
     * The model's outputs for a state the cell has reached (in the model's state order, as
     * {@link #step} leaves {@code h}): exactly what {@link #step} wrote to {@code out} on reaching it, the
     * output mapping and projection included. Lets a recorded trace's {@code states} give the network's
     * decisions without rerunning it.
     *
     * @param h   state (length {@link #stateSize()}) at {@code hOff}
     * @param out receives {@link #outputSize()} outputs at {@code outOff}
     */
    public void readout(float[] h, int hOff, float[] out, int outOff, StepBuffers buf) {
        if (fcW == null) {
            cell.readout(h, hOff, out, outOff);
            return;
        }
        cell.readout(h, hOff, buf.cellOut, 0);
        project(buf.cellOut, out, outOff);
    }

    private void project(float[] y, float[] out, int outOff) {
        int m = y.length;
        for (int p = 0; p < outputSize; p++) {
            float acc = 0f;
            int base = p * m;
            for (int k = 0; k < m; k++) {
                acc += fcW[base + k] * y[k];
            }
            out[outOff + p] = fcB == null ? acc : acc + fcB[p];
        }
    }
}
