package io.liquidlens.cli;

import io.liquidlens.LiquidLensException;
import io.liquidlens.grad.BatchGradients;
import io.liquidlens.grad.FrameSequenceGradient;
import io.liquidlens.grad.SequenceGradient;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import io.liquidlens.io.OutputClaim;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.provenance.Provenance;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code liquidlens grad}: the gradient of a weighted sum of a model's outputs with respect to its inputs
 * and initial state, backpropagated through the whole sequence in double precision (FORMATS.md).
 */
@Command(name = "grad", mixinStandardHelpOptions = true,
        description = {"Backpropagate a weighted sum of the outputs, sum(outputs * G), through time (ODE unfolds"
                + " included, in double precision) to the inputs and the initial state.",
                "GRAD.npz holds input_grad (B, L, S), hx0_grad (B, N), with an LSTM cell state (mixed memory, an LSTM"
                        + " baseline) also cx0_grad (B, N),"
                        + " all float32, and provenance (a JSON string: version, input files with SHA-256)."})
final class GradCommand implements Callable<Integer> {

    @Mixin
    SequenceOptions sequence;


    @Option(names = "--input", required = true, paramLabel = "X.npy",
            description = "(B, L, S) batch-first inputs (also for batch_first=false models).")
    Path input;




    @Option(names = "--output-weights", required = true, paramLabel = "G.npy",
            description = "The weight G of every output, (B, L, M') like simulate's outputs (every step, also for"
                    + " return_sequences=false models).")
    Path outputWeights;

    @Option(names = "--out", required = true, paramLabel = "GRAD.npz", description = "Where to write the gradients.")
    Path out;

    @Override
    public Integer call() {
        try (OutputClaim claim = sequence.claim("liquidlens grad", input).input("output weights", outputWeights)
                .file(out).claim()) {
            return gradients();
        }
    }

    private Integer gradients() {
        LoadedModel loaded = LoadedModel.load(sequence.model);
        if (loaded.network().head().isPresent()) {
            return frames(loaded);
        }
        SequenceGradient reverse = ReverseMode.of(loaded);
        NdArray x = Inputs.batchInputs(input, reverse.inputSize());
        int b = x.dim(0);
        int l = x.dim(1);
        int n = reverse.stateSize();
        NdArray ts = Inputs.timespans(sequence.timespans, b, l, reverse.spec());
        NdArray h0 = Inputs.state(sequence.hx0, b, n);
        NdArray c0 = Inputs.state(sequence.cx0, b, n);
        if (c0 != null && !reverse.carriesCellState()) {
            throw new LiquidLensException(sequence.cx0, "the model has neither mixed memory nor an LSTM baseline's cell"
                    + " states, so it has no LSTM cell state");
        }
        NdArray g = outputWeights(b, l, reverse.outputSize());

        BatchGradients grads;
        try {
            grads = reverse.inputGradients(x, ts, h0, c0, g);
        } catch (IllegalArgumentException e) {
            // every file was checked above; whatever is left concerns the inputs as a whole
            throw new LiquidLensException(input, e.getMessage(), e);
        }
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("input_grad", float32(grads.inputGrad()));
        arrays.put("hx0_grad", float32(grads.hx0Grad()));
        if (grads.cx0Grad() != null) {
            arrays.put("cx0_grad", float32(grads.cx0Grad()));
        }
        arrays.put("provenance", NdArray.ofStrings(new int[0], new String[] {provenance(loaded).toJson().toString()}));
        Npz.write(out, arrays, false);
        return 0;
    }

    /** A model with a perception head: inputs are frames (B, L, H, W, C); gradients are per pixel. */
    private int frames(LoadedModel loaded) {
        FrameSequenceGradient reverse = ReverseMode.frames(loaded);
        NdArray x = Npy.read(input);
        Inputs.requireNumeric(input, x);
        var shape = loaded.network().head().get().spec().input();
        if (x.rank() != 5 || x.dim(2) != shape.height() || x.dim(3) != shape.width() || x.dim(4) != shape.channels()) {
            throw new LiquidLensException(input, "inputs must be (B, L, " + shape.height() + ", " + shape.width() + ", "
                    + shape.channels() + ") frames batch-first, got shape " + Arrays.toString(x.shape()));
        }
        if (sequence.cx0 != null) {
            throw new LiquidLensException(sequence.cx0, "an initial LSTM cell state is not supported for models with a head yet");
        }
        int b = x.dim(0);
        int l = x.dim(1);
        NdArray ts = Inputs.timespans(sequence.timespans, b, l, loaded.manifest().spec());
        NdArray h0 = Inputs.state(sequence.hx0, b, reverse.cells().stateSize());
        NdArray g = outputWeights(b, l, reverse.cells().outputSize());
        BatchGradients grads;
        try {
            grads = reverse.inputGradients(x, ts, h0, g);
        } catch (IllegalArgumentException e) {
            throw new LiquidLensException(input, e.getMessage(), e);
        }
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("input_grad", float32(grads.inputGrad()));
        arrays.put("hx0_grad", float32(grads.hx0Grad()));
        arrays.put("provenance", NdArray.ofStrings(new int[0], new String[] {provenance(loaded).toJson().toString()}));
        Npz.write(out, arrays, false);
        return 0;
    }

    private NdArray outputWeights(int b, int l, int m) {
        NdArray g = Npy.read(outputWeights);
        Inputs.requireNumeric(outputWeights, g);
        if (!g.hasShape(b, l, m)) {
            throw new LiquidLensException(outputWeights, "shape " + Arrays.toString(g.shape()) + " does not fit; expected ("
                    + b + ", " + l + ", " + m + ") = (batch, steps, outputs), the shape of the outputs");
        }
        return g;
    }

    private static NdArray float32(NdArray a) {
        return NdArray.ofFloats(a.shape(), a.toFloatArray());
    }

    private Provenance provenance(LoadedModel loaded) {
        return sequence.provenance("liquidlens grad", loaded, input).input("output_weights", outputWeights).build();
    }
}
