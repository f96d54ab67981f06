package io.liquidlens.cli;

import io.liquidlens.LiquidLensException;
import io.liquidlens.Limits;
import io.liquidlens.MemoryBudget;
import io.liquidlens.grad.SequenceGradient;
import io.liquidlens.grad.SequenceTape;
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
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code liquidlens saliency}: for every step of a rollout, the exact gradient of the model's outputs at
 * that step with respect to the inputs of the last W + 1 steps (FORMATS.md). One forward pass records the
 * whole rollout; each (step, output) pair then gets its own backward pass over its window, starting from
 * the recorded state, so the values are those of the full run and not of a shorter one.
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
            Inputs.requirePositiveForLtc(rollout, r.timespans(), reverse.spec());
        }
        long values = (long) steps * reverse.outputSize() * (window + 1L) * features;
        if (values > Integer.MAX_VALUE - 16) {
            throw new LiquidLensException(rollout, "the saliency of " + steps + " steps with a window of " + window
                    + " would hold " + values + " values, more than one array can; use a smaller --window");
        }
        // the float result, its copy as an array to write and the bytes of the .npz entry: 12 bytes a value
        MemoryBudget.require(rollout + ": the saliency of " + steps + " steps with --window " + window,
                12 * values);

        Saliency s = compute(reverse, r, window);
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("saliency", NdArray.ofFloats(new int[] {steps, reverse.outputSize(), window + 1, features}, s.values));
        arrays.put("norm", NdArray.ofFloats(new int[] {steps, features}, s.norm));
        arrays.put("window", NdArray.ofLongs(DType.INT32, new int[0], new long[] {window}));
        arrays.put("provenance", NdArray.ofStrings(new int[0], new String[] {provenance(loaded).toJson().toString()}));
        Npz.write(out, arrays, false);
        return 0;
    }

    /** saliency (T, M', W+1, S) and norm (T, S), row-major. */
    private record Saliency(float[] values, float[] norm) {
    }

    /**
     * Records the rollout once, then differentiates every (step, output) over its window. Steps are shared
     * out in fixed blocks; every block writes only its own steps, so the result does not depend on the
     * number of cores.
     */
    private static Saliency compute(SequenceGradient g, Rollout r, int window) {
        int steps = r.steps();
        int features = g.inputSize();
        int outputs = g.outputSize();
        int span = window + 1;
        SequenceTape tape = g.newTape(steps);
        double[] dt = r.timespans() == null ? null : r.timespans().toDoubleArray();
        g.forward(r.inputs().toDoubleArray(), dt, null, null, tape);

        float[] values = new float[steps * outputs * span * features];
        float[] norm = new float[steps * features];
        int blocks = Math.min(steps, 4 * Runtime.getRuntime().availableProcessors());
        IntStream.range(0, blocks).parallel().forEach(block -> {
            SequenceGradient.BackwardScratch scratch = g.newBackwardScratch();
            double[] dy = new double[outputs];
            double[] dx = new double[span * features];
            double[] squares = new double[features];
            for (int t = block * steps / blocks; t < (block + 1) * steps / blocks; t++) {
                int first = Math.max(0, t - window);
                int k0 = first - (t - window); // window rows before the rollout starts stay 0
                Arrays.fill(squares, 0);
                for (int m = 0; m < outputs; m++) {
                    Arrays.fill(dy, 0);
                    dy[m] = 1;
                    g.backwardWindow(tape, t, first, dy, dx, scratch);
                    int base = ((t * outputs + m) * span + k0) * features;
                    for (int i = 0; i < (t - first + 1) * features; i++) {
                        values[base + i] = (float) dx[i];
                        squares[i % features] += dx[i] * dx[i];
                    }
                }
                for (int f = 0; f < features; f++) {
                    norm[t * features + f] = (float) Math.sqrt(squares[f]);
                }
            }
        });
        return new Saliency(values, norm);
    }

    private Provenance provenance(LoadedModel loaded) {
        return loaded.addTo(Provenance.of("liquidlens saliency"))
                .input("rollout", rollout)
                .option("window", window)
                .build();
    }
}
