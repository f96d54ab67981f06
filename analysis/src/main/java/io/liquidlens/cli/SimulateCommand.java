package io.liquidlens.cli;

import io.liquidlens.LiquidLensException;
import io.liquidlens.MemoryBudget;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import io.liquidlens.io.OutputClaim;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.provenance.Provenance;
import io.liquidlens.sim.BatchLayout;
import io.liquidlens.spec.TorchRnnSpec;
import io.liquidlens.sim.SimulationInput;
import io.liquidlens.sim.SimulationOptions;
import io.liquidlens.sim.SimulationResult;
import io.liquidlens.sim.Simulator;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code liquidlens simulate}: run a model over input sequences and write outputs and states (FORMATS.md). */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run a model over a batch of input sequences, exactly as ncps computes it, and write the"
                + " outputs and the full hidden state after every step.",
                "RESULT.npz holds outputs (B, L, M'), states (B, L, N) in ncps's state order, hx (B, N);"
                        + " with mixed memory or an LSTM baseline also cx (B, N); with --tau also tau (B, L, N); provenance"
                        + " (a JSON string: version,"
                        + " input files with SHA-256, options)."})
final class SimulateCommand implements Callable<Integer> {

    @Mixin
    SequenceOptions sequence;


    @Option(names = "--input", required = true, paramLabel = "X.npy",
            description = "float32 (B, L, S) batch-first inputs, or a rollout .npz (its inputs array, as B = 1).")
    Path input;




    @Option(names = "--tau", description = "Also write tau (B, L, N): each neuron's liquid time constant "
            + "(LTC) or time gate (CfC) at every step.")
    boolean tau;

    @Option(names = "--out", required = true, paramLabel = "RESULT.npz", description = "Where to write the result.")
    Path out;

    @Option(names = "--allow-nonfinite", description = "Write the result even when outputs or states are NaN or"
            + " infinite (a warning is printed either way; without this option that is an error and nothing is written).")
    boolean allowNonfinite;

    @Mixin
    InterventionArgs interventions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (OutputClaim claim = sequence.claim("liquidlens simulate", input).file(out).claim()) {
            return simulate();
        }
    }

    private Integer simulate() {
        LoadedModel loaded = LoadedModel.load(sequence.model);
        NdArray x;
        NdArray ts = null;
        boolean frames = loaded.network().head().isPresent();
        if (input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz")) {
            Rollout r = Rollouts.read(input, Set.of("timespans"));
            if (r.isImage() != frames) {
                throw new LiquidLensException(input, r.isImage() ? "holds image inputs but the model takes vectors"
                        : "holds vector inputs but the model takes image frames");
            }
            int[] shape = r.inputs().shape();
            int[] batched = new int[shape.length + 1];
            batched[0] = 1;
            System.arraycopy(shape, 0, batched, 1, shape.length);
            // the rollout is dropped here, so its arrays are shared rather than copied (a camera recording's frames
            // are most of the memory this command needs)
            x = NdArray.ofFloats(batched, r.inputs().floatsView());
            if (r.timespans() != null) {
                ts = NdArray.ofFloats(new int[] {1, r.steps()}, r.timespans().floatsView());
            }
        } else {
            x = Npy.read(input);
            int rank = frames ? 5 : 3;
            if (x.rank() != rank) {
                throw new LiquidLensException(input, "inputs must be " + (frames ? "(B, L, H, W, C) frames" : "(B, L, S)")
                        + " batch-first, got shape " + Arrays.toString(x.shape()));
            }
        }
        if (x.dim(0) < 1 || x.dim(1) < 1) {
            throw new LiquidLensException(input, "holds no sequences or no steps (shape " + Arrays.toString(x.shape())
                    + "); simulate needs at least one sequence (B >= 1) of one step (L >= 1)");
        }
        Inputs.requireNumeric(input, x);
        int b = x.dim(0);
        int l = x.dim(1);
        int n = loaded.network().stateSize();
        int perStep = x.size() / Math.max(1, b * l);
        if (perStep != loaded.network().frameSize()) {
            throw new LiquidLensException(input, "has " + perStep + " values per step but the model "
                    + loaded.folder() + " takes " + loaded.network().frameSize());
        }
        if (sequence.timespans != null) {
            ts = Inputs.timespans(sequence.timespans, b, l, loaded.manifest().spec());
        }
        NdArray h0 = Inputs.state(sequence.hx0, b, n);
        NdArray c0 = Inputs.state(sequence.cx0, b, n);
        if (c0 != null && !loaded.network().carriesCellState()) {
            throw new LiquidLensException(sequence.cx0, "the model has no LSTM (neither mixed memory nor an LSTM"
                    + " baseline), so it has no LSTM cell state");
        }
        if (tau && loaded.manifest().spec().cell() instanceof TorchRnnSpec torch) {
            throw new LiquidLensException(loaded.manifestFile(), torch.describe() + " has no time constants; --tau is"
                    + " for LTC, CfC and CT-RNN models");
        }

        boolean batchFirst = loaded.network().spec().cell().batchFirst();
        SimulationInput in = batchFirst ? new SimulationInput(x, ts, h0, c0)
                : new SimulationInput(BatchLayout.swapBatchAndTime(x), ts == null ? null : BatchLayout.swapBatchAndTime(ts),
                h0, c0);
        requireMemory(b, l, loaded.network());
        LiquidModel network = interventions.apply(loaded);
        SimulationResult result;
        try {
            result = new Simulator(network).run(in, SimulationOptions.defaults().withTau(tau),
                    io.liquidlens.sim.ProgressListener.NONE);
        } catch (IllegalArgumentException e) {
            throw new LiquidLensException(input, e.getMessage(), e);
        }

        requireFinite(loaded, result);
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("outputs", result.stepOutputs());
        arrays.put("states", result.states());
        arrays.put("hx", result.hx());
        if (result.cx() != null) {
            arrays.put("cx", result.cx());
        }
        if (result.tau() != null) {
            arrays.put("tau", result.tau());
        }
        arrays.put("provenance", NdArray.ofStrings(new int[0], new String[] {provenance(loaded).toJson().toString()}));
        Npz.write(out, arrays, false);
        return 0;
    }

    /**
     * A model whose weights diverged in training computes NaN or infinite values: say so rather than write them
     * silently (with {@code --allow-nonfinite}, warn and write).
     */
    private void requireFinite(LoadedModel loaded, SimulationResult result) {
        long outputs = nonFinite(result.stepOutputs());
        long states = nonFinite(result.states());
        if (outputs == 0 && states == 0) {
            return;
        }
        String what = String.format(Locale.ROOT, "%d output and %d state values are NaN or infinite (diverged weights"
                + " in %s?)", outputs, states, loaded.weightsFile());
        if (!allowNonfinite) {
            throw new LiquidLensException(input, what + "; nothing was written (--allow-nonfinite writes them anyway)");
        }
        spec.commandLine().getErr().println("liquidlens simulate: warning: " + input + ": " + what);
        spec.commandLine().getErr().flush();
    }

    private static long nonFinite(NdArray a) {
        long n = 0;
        for (float v : a.floatsView()) {
            if (!Float.isFinite(v)) {
                n++;
            }
        }
        return n;
    }

    /**
     * The result holds the state (N), the output (M') and with --tau the time constants (N) of every one of
     * the B x L steps, as floats, and the .npz written from them once more: refuse what cannot fit.
     */
    private void requireMemory(int b, int l, LiquidModel network) {
        long perStep = 2L * network.stateSize() + network.outputSize() + (tau ? network.stateSize() : 0);
        MemoryBudget.require(input + ": simulating " + b + " x " + l + " steps",
                MemoryBudget.product(b, l, perStep, 2 * Float.BYTES));
    }

    private Provenance provenance(LoadedModel loaded) {
        Provenance.Builder p = sequence.provenance("liquidlens simulate", loaded, input).option("tau", tau);
        if (!interventions.describe().isEmpty()) {
            p.option("interventions", interventions.describe());
        }
        return p.build();
    }
}
