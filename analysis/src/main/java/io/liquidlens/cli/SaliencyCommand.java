package io.liquidlens.cli;

import io.liquidlens.LiquidLensException;
import io.liquidlens.Limits;
import io.liquidlens.MemoryBudget;
import io.liquidlens.causal.WindowedSaliency;
import io.liquidlens.grad.SequenceGradient;
import io.liquidlens.io.DType;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npz;
import io.liquidlens.io.OutputClaim;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.provenance.Provenance;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code liquidlens saliency}: checks the model and rollout, then writes {@link WindowedSaliency} (the exact
 * gradient of the outputs at every step with respect to the inputs of the last W + 1 steps) with a provenance.
 */
@Command(name = "saliency", mixinStandardHelpOptions = true,
        description = {"For every step t of a rollout, the gradient of each output at t with respect to the inputs"
                + " of steps t-W..t, exact (from the state of a forward pass over the whole rollout).",
                "S.npz holds saliency (T, M', W+1, S) float32 (k = W is the current step; 0 before the rollout"
                        + " starts), norm (T, S) float32 (L2 over outputs and window), window (int32) and"
                        + " provenance."})
final class SaliencyCommand implements Callable<Integer> {
    /** The NCP paper's truncation length, and the default window. */
    static final int DEFAULT_WINDOW = 16;

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Model folder (model.json + weights) or its model.json.")
    Path model;

    @Option(names = "--rollout", required = true, paramLabel = "EP.npz",
            description = "One episode with vector inputs (T, S); its timespans are used when present.")
    Path rollout;

    @Option(names = "--window", paramLabel = "W", defaultValue = "" + DEFAULT_WINDOW,
            description = "Earlier steps each step's gradient reaches back to (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--out", required = true, paramLabel = "S.npz", description = "Where to write the saliency.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (OutputClaim claim = OutputClaim.by("liquidlens saliency").model(model).input("rollout", rollout).file(out)
                .claim()) {
            return saliency();
        }
    }

    private Integer saliency() {
        if (window < 0) {
            throw new ParameterException(spec.commandLine(), "--window must be 0 or more, got " + window);
        }
        if (window > Limits.SALIENCY_WINDOW) {
            throw new ParameterException(spec.commandLine(), Limits.overLimit("--window", window,
                    Limits.SALIENCY_WINDOW));
        }
        LoadedModel loaded = LoadedModel.load(model);
        SequenceGradient reverse = ReverseMode.of(loaded);
        Rollout r = Rollouts.read(rollout);
        if (r.isImage()) {
            throw new LiquidLensException(rollout, "holds image inputs " + Arrays.toString(r.inputs().shape())
                    + "; saliency needs vector inputs (T, S) until perception heads are supported");
        }
        int steps = r.steps();
        int features = reverse.inputSize();
        if (steps < 1) {
            throw new LiquidLensException(rollout, "holds no steps");
        }
        if (r.inputs().dim(1) != features) {
            throw new LiquidLensException(rollout, "has " + r.inputs().dim(1) + " features per step but the model "
                    + loaded.folder() + " takes " + features);
        }
        if (r.timespans() != null) {
            Inputs.requirePositiveForSolvers(rollout, r.timespans(), reverse.spec());
        }
        long values = (long) steps * reverse.outputSize() * (window + 1L) * features;
        if (values > Integer.MAX_VALUE - 16) {
            throw new LiquidLensException(rollout, "the saliency of " + steps + " steps with a window of " + window
                    + " would hold " + values + " values, more than one array can; use a smaller --window");
        }
        // the float result, its copy as an array to write and the bytes of the .npz entry: 12 bytes a value
        MemoryBudget.require(rollout + ": the saliency of " + steps + " steps with --window " + window,
                12 * values);

        WindowedSaliency s = WindowedSaliency.of(reverse, r, window);
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("saliency", s.saliency());
        arrays.put("norm", s.norm());
        arrays.put("window", NdArray.ofLongs(DType.INT32, new int[0], new long[] {window}));
        arrays.put("provenance", NdArray.ofStrings(new int[0], new String[] {provenance(loaded).toJson().toString()}));
        Npz.write(out, arrays, false);
        return 0;
    }

    private Provenance provenance(LoadedModel loaded) {
        return loaded.addTo(Provenance.of("liquidlens saliency"))
                .input("rollout", rollout)
                .option("window", window)
                .build();
    }
}
