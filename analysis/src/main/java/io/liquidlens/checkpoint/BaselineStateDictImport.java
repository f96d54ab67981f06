package io.liquidlens.checkpoint;

import io.liquidlens.Limits;
import io.liquidlens.io.NdArray;
import io.liquidlens.model.BaselineLayout;
import io.liquidlens.model.BaselineLayout.Ctrnn;
import io.liquidlens.spec.BaselineSpec;
import io.liquidlens.spec.CtrnnSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.ReadoutSpec;
import io.liquidlens.spec.TorchRnnKind;
import io.liquidlens.spec.TorchRnnSpec;
import io.liquidlens.spec.UnitsSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A baseline behind a bare state dict, as a PyTorch user saves a module with a recurrent stack {@code rnn} and a
 * {@code Linear} readout {@code fc} (docs/FORMATS.md#baselines): a torch LSTM, GRU or RNN, told apart by the rows of
 * {@code weight_ih_l0} (4, 3 or 1 per hidden unit), or a CT-RNN by its {@code tau_raw}. Layers, sizes, biases and
 * the readout are in the tensors; an RNN's nonlinearity and {@code batch_first} are settings. Other prefixes than
 * {@code rnn} and {@code fc} are settings too; the folder keeps the tensors under {@code rnn.} and {@code fc.}.
 */
final class BaselineStateDictImport {
    static final String RNN_PREFIX = "rnn_prefix";
    static final String READOUT_PREFIX = "readout_prefix";
    private static final String NONLINEARITY = "nonlinearity";
    private static final String BATCH_FIRST = "batch_first";
    private static final String ODE_UNFOLDS = "ode_unfolds";

    private BaselineStateDictImport() {
    }

    /**
     * True when the tensors are a baseline's: a first torch layer or a CT-RNN's time constants under the recurrent
     * prefix, or the user gave a baseline's prefix (then a missing tensor is said in the prefix's terms).
     */
    static boolean applies(Map<String, NdArray> weights, Map<String, String> settings) {
        String rnn = prefix(settings, RNN_PREFIX, BaselineLayout.RNN_PREFIX);
        return weights.containsKey(BaselineLayout.weightIh(rnn, 0)) || weights.containsKey(Ctrnn.TAU_RAW.key(rnn))
                || settings.containsKey(RNN_PREFIX) || settings.containsKey(READOUT_PREFIX);
    }

    static StateDictImport.Result infer(Map<String, NdArray> weights, Map<String, String> settings) {
        String rnn = prefix(settings, RNN_PREFIX, BaselineLayout.RNN_PREFIX);
        String fc = prefix(settings, READOUT_PREFIX, BaselineLayout.READOUT_PREFIX);
        refuseOtherDirections(weights, rnn);
        boolean ctrnn = weights.containsKey(Ctrnn.TAU_RAW.key(rnn));
        if (!ctrnn && !weights.containsKey(BaselineLayout.weightIh(rnn, 0))) {
            throw new IllegalArgumentException("--set " + RNN_PREFIX + ": no tensor " + BaselineLayout.weightIh(rnn, 0)
                    + " (a torch LSTM, GRU or RNN) or " + Ctrnn.TAU_RAW.key(rnn) + " (a CT-RNN) in the checkpoint");
        }
        Map<String, String> defaults = ctrnn ? ctrnnDefaults() : torchDefaults(weights, rnn);
        List<String> known = new ArrayList<>(defaults.keySet());
        known.addAll(List.of(RNN_PREFIX, READOUT_PREFIX));
        SettingValues.requireKnown(settings, ctrnn ? "a CT-RNN" : "a torch LSTM, GRU or RNN", known);
        List<String> assumed = new ArrayList<>();
        Map<String, String> values = SettingValues.resolve(defaults, settings, assumed,
                ctrnn ? "the LTC's default" : "torch default");
        NdArray readout = require(weights, BaselineLayout.readoutWeight(fc), 2);
        boolean readoutBias = weights.containsKey(BaselineLayout.readoutBias(fc));
        ModelSpec spec = ctrnn ? ctrnn(weights, rnn, readout, readoutBias, values)
                : torch(weights, rnn, readout, readoutBias, values);
        Map<String, NdArray> renamed = renamed(weights, rnn, fc);
        String kind = ((BaselineSpec) spec.cell()).describe();
        StateDictImport.requireLayout(renamed, spec, kind);
        return new StateDictImport.Result(spec, renamed, assumed, defaults);
    }

    /** A key's prefix with its dot: {@code rnn.}; an empty setting means the tensors have none. */
    private static String prefix(Map<String, String> settings, String key, String fallback) {
        String given = settings.get(key);
        if (given == null) {
            return fallback;
        }
        return given.isEmpty() || given.endsWith(".") ? given : given + ".";
    }

    /** What a CT-RNN records in no tensor: its solver's steps (the LTC's default), and batch_first. */
    private static Map<String, String> ctrnnDefaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(ODE_UNFOLDS, String.valueOf(CtrnnSpec.DEFAULT_UNFOLDS));
        d.put(BATCH_FIRST, "true");
        return d;
    }

    /** What torch records in no tensor: an RNN's nonlinearity, and batch_first. */
    private static Map<String, String> torchDefaults(Map<String, NdArray> weights, String rnn) {
        Map<String, String> d = new LinkedHashMap<>();
        if (gates(weights, rnn) == 1) {
            d.put(NONLINEARITY, "tanh");
        }
        d.put(BATCH_FIRST, "false");
        return d;
    }

    private static ModelSpec torch(Map<String, NdArray> weights, String rnn, NdArray readout, boolean readoutBias,
                                   Map<String, String> values) {
        int gates = gates(weights, rnn);
        NdArray first = require(weights, BaselineLayout.weightIh(rnn, 0), 2);
        int hidden = first.dim(0) / gates;
        int layers = 0;
        while (weights.containsKey(BaselineLayout.weightIh(rnn, layers))) {
            layers++;
        }
        if (layers > Limits.RNN_LAYERS) {
            throw new IllegalArgumentException("holds " + layers + " layers; LiquidLens reads at most "
                    + Limits.RNN_LAYERS);
        }
        StateDictImport.requireSizes((int) Math.min(Integer.MAX_VALUE, (long) hidden * layers), first.dim(1),
                "a torch layer stack");
        String torchClass = gates == 4 ? "LSTM" : gates == 3 ? "GRU" : "RNN";
        TorchRnnKind kind;
        try {
            kind = TorchRnnKind.of(torchClass, values.get(NONLINEARITY));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--set " + NONLINEARITY + "=" + values.get(NONLINEARITY) + ": "
                    + e.getMessage(), e);
        }
        TorchRnnSpec cell = new TorchRnnSpec(kind, layers, weights.containsKey(BaselineLayout.biasIh(rnn, 0)),
                SettingValues.bool(values, BATCH_FIRST), 0.0, new ReadoutSpec(readout.dim(0), readoutBias));
        return new ModelSpec(first.dim(1), new UnitsSpec.Dense(hidden), cell);
    }

    private static ModelSpec ctrnn(Map<String, NdArray> weights, String rnn, NdArray readout, boolean readoutBias,
                                   Map<String, String> values) {
        NdArray input = require(weights, Ctrnn.WEIGHT_IH.key(rnn), 2);
        int units = input.dim(0);
        StateDictImport.requireSizes(units, input.dim(1), "a CT-RNN");
        int unfolds = SettingValues.integer(values, ODE_UNFOLDS);
        if (unfolds < 1 || unfolds > Limits.ODE_UNFOLDS) {
            throw new IllegalArgumentException("--set " + ODE_UNFOLDS + "=" + unfolds + ": give 1 to "
                    + Limits.ODE_UNFOLDS);
        }
        CtrnnSpec cell = new CtrnnSpec(unfolds, SettingValues.bool(values, BATCH_FIRST),
                new ReadoutSpec(readout.dim(0), readoutBias));
        return new ModelSpec(input.dim(1), new UnitsSpec.Dense(units), cell);
    }

    /** Rows of weight_ih_l0 per hidden unit (the columns of weight_hh_l0): 4 LSTM, 3 GRU, 1 RNN. */
    private static int gates(Map<String, NdArray> weights, String rnn) {
        NdArray ih = require(weights, BaselineLayout.weightIh(rnn, 0), 2);
        NdArray hh = require(weights, BaselineLayout.weightHh(rnn, 0), 2);
        int hidden = hh.dim(1);
        int rows = ih.dim(0);
        if (rows % hidden != 0 || (rows / hidden != 4 && rows / hidden != 3 && rows / hidden != 1)) {
            throw new IllegalArgumentException(BaselineLayout.weightIh(rnn, 0) + " has " + rows + " rows for the "
                    + hidden + " hidden units of " + BaselineLayout.weightHh(rnn, 0) + "; torch's are 4 x (LSTM), 3 x"
                    + " (GRU) or 1 x (RNN) the hidden units");
        }
        return rows / hidden;
    }

    /** A bidirectional stack or an LSTM with projections computes what LiquidLens does not: refused by its key. */
    private static void refuseOtherDirections(Map<String, NdArray> weights, String rnn) {
        for (String k : new TreeSet<>(weights.keySet())) {
            if (k.startsWith(rnn) && BaselineLayout.isReverseDirection(k)) {
                throw new IllegalArgumentException("holds " + k + ": a bidirectional layer, whose output at a step"
                        + " depends on later inputs; LiquidLens runs baselines in one direction only");
            }
            if (BaselineLayout.isProjection(rnn, k)) {
                throw new IllegalArgumentException("holds " + k + ": an LSTM with proj_size, which LiquidLens does not"
                        + " support");
            }
        }
    }

    /**
     * The tensors under the folder's names, each under the longer of the two prefixes it starts with (a readout
     * {@code model.} beside layers {@code model.rnn.}); a tensor under neither is kept as is (and then refused).
     */
    private static Map<String, NdArray> renamed(Map<String, NdArray> weights, String rnn, String fc) {
        boolean rnnFirst = rnn.length() >= fc.length();
        String[] from = rnnFirst ? new String[] {rnn, fc} : new String[] {fc, rnn};
        String[] to = rnnFirst ? new String[] {BaselineLayout.RNN_PREFIX, BaselineLayout.READOUT_PREFIX}
                : new String[] {BaselineLayout.READOUT_PREFIX, BaselineLayout.RNN_PREFIX};
        Map<String, NdArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, NdArray> e : weights.entrySet()) {
            String k = e.getKey();
            String name = k.startsWith(from[0]) ? to[0] + k.substring(from[0].length())
                    : k.startsWith(from[1]) ? to[1] + k.substring(from[1].length()) : k;
            out.put(name, e.getValue());
        }
        return out;
    }

    private static NdArray require(Map<String, NdArray> weights, String key, int rank) {
        NdArray a = weights.get(key);
        if (a == null) {
            throw new IllegalArgumentException("has no " + key + (key.endsWith(BaselineLayout.readoutWeight(""))
                    ? ", the readout's weight"
                    + " (another prefix: --set " + READOUT_PREFIX + "=NAME)" : ""));
        }
        if (a.rank() != rank || a.dim(0) < 1 || (rank == 2 && a.dim(1) < 1)) {
            throw new IllegalArgumentException(key + " has shape " + Arrays.toString(a.shape()) + "; torch's is "
                    + (rank == 2 ? "(rows, columns)" : "(n)"));
        }
        return a;
    }
}
