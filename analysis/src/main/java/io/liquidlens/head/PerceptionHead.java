package io.liquidlens.head;

import io.liquidlens.io.NdArray;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * A perception head with its weights, in float32, for simulation: one (H, W, C) frame in, the cell's
 * input features out. Immutable and thread-safe; each thread runs it with its own {@link Workspace},
 * which holds every buffer a frame needs, so a forward pass allocates nothing.
 */
public final class PerceptionHead {
    private final HeadSpec spec;
    private final List<FeatureShape> shapes;
    private final float[][] weights;
    private final float[][] biases;
    private final ConvGeometry[] convs;
    private final BlockLinear[] linears;

    private PerceptionHead(HeadSpec spec, Map<String, float[]> tensors) {
        this.spec = spec;
        this.shapes = spec.shapes();
        int n = spec.layers().size();
        weights = new float[n][];
        biases = new float[n][];
        convs = new ConvGeometry[n];
        linears = new BlockLinear[n];
        for (int i = 0; i < n; i++) {
            LayerSpec layer = spec.layers().get(i);
            if (layer instanceof LayerSpec.Conv2d c) {
                convs[i] = new ConvGeometry(c, shapes.get(i));
                weights[i] = tensors.get(c.weight());
                biases[i] = c.bias() == null ? null : tensors.get(c.bias());
            } else if (layer instanceof LayerSpec.Linear l) {
                linears[i] = BlockLinear.of(l);
                weights[i] = tensors.get(l.weight());
                biases[i] = l.bias() == null ? null : tensors.get(l.bias());
            } else if (layer instanceof LayerSpec.ChannelLinear l) {
                linears[i] = BlockLinear.of(l);
                weights[i] = tensors.get(l.weight());
                biases[i] = l.bias() == null ? null : tensors.get(l.bias());
            }
        }
    }

    /**
     * The head with weights from a state dict (e.g. the model's weights file). Tensors other than the
     * head's are ignored (the cell's live in the same file).
     *
     * @throws IllegalArgumentException naming the tensor when one is missing, has the wrong shape or holds
     *                                  a non-finite value (the caller adds the file)
     */
    public static PerceptionHead fromStateDict(HeadSpec spec, Map<String, NdArray> stateDict) {
        Map<String, float[]> tensors = new java.util.HashMap<>();
        for (Map.Entry<String, int[]> t : spec.tensorShapes().entrySet()) {
            String name = t.getKey();
            int[] shape = t.getValue();
            NdArray a = stateDict.get(name);
            if (a == null) {
                throw new IllegalArgumentException("missing head tensor " + name + " " + Arrays.toString(shape));
            }
            if (!a.hasShape(shape)) {
                throw new IllegalArgumentException("head tensor " + name + " has shape " + Arrays.toString(a.shape())
                        + ", expected " + Arrays.toString(shape));
            }
            if (!a.dtype().isFloating()) {
                throw new IllegalArgumentException("head tensor " + name + " holds " + a.dtype()
                        + ", expected floating-point numbers");
            }
            float[] v = a.toFloatArray();
            for (int i = 0; i < v.length; i++) {
                if (!Float.isFinite(v[i])) {
                    throw new IllegalArgumentException("head tensor " + name + " holds " + v[i] + " at flat index " + i
                            + "; every value must be finite");
                }
            }
            tensors.put(name, v);
        }
        return new PerceptionHead(spec, tensors);
    }

    /**
     * The head with weights taken from a flat double vector (a {@code grad.ParamSet}'s values, e.g. during
     * or after training), rounded to float32; {@code offsetOf} gives each tensor's first index.
     */
    public static PerceptionHead fromValues(HeadSpec spec, double[] values, ToIntFunction<String> offsetOf) {
        Map<String, float[]> tensors = new java.util.HashMap<>();
        for (Map.Entry<String, int[]> t : spec.tensorShapes().entrySet()) {
            int offset = offsetOf.applyAsInt(t.getKey());
            float[] v = new float[Arrays.stream(t.getValue()).reduce(1, (a, b) -> a * b)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) values[offset + i];
            }
            tensors.put(t.getKey(), v);
        }
        return new PerceptionHead(spec, tensors);
    }

    /** What the head is. */
    public HeadSpec spec() {
        return spec;
    }

    /** Features per frame. */
    public int outputSize() {
        return shapes.get(shapes.size() - 1).size();
    }

    /** Buffers for one thread's forward passes. */
    public Workspace newWorkspace() {
        return new Workspace(this);
    }

    /**
     * One frame forward: reads H*W*C values of {@code frame} from {@code frameOffset} in (H, W, C) order and
     * writes {@link #outputSize()} features to {@code out} at {@code outOffset}. Afterwards
     * {@code workspace} holds every layer's output for this frame.
     */
    public void forward(float[] frame, int frameOffset, Workspace workspace, float[] out, int outOffset) {
        if (workspace.owner != this) {
            throw new IllegalArgumentException("the workspace belongs to another head; use newWorkspace()");
        }
        float[][] act = workspace.act;
        Layouts.hwcToChw(frame, frameOffset, spec.input(), act[0], 0);
        for (int i = 0; i < convs.length; i++) {
            float[] x = act[i];
            float[] y = act[i + 1];
            LayerSpec layer = spec.layers().get(i);
            if (convs[i] != null) {
                convs[i].forward(weights[i], 0, biases[i], 0, x, 0, y, 0, workspace.cols[i], workspace.rows[i]);
            } else if (linears[i] != null) {
                linears[i].forward(weights[i], 0, biases[i], 0, x, 0, y, 0);
            } else if (layer instanceof LayerSpec.Relu) {
                int n = shapes.get(i + 1).size();
                for (int j = 0; j < n; j++) {
                    y[j] = Math.max(x[j], 0f);
                }
            }
            // flatten: act[i + 1] is the same array as act[i]; (C, H, W) order is already torch's flat order
        }
        System.arraycopy(act[convs.length], 0, out, outOffset, outputSize());
    }

    /**
     * Per-thread buffers of a {@link PerceptionHead}: the frame in (C, H, W) order and each layer's output,
     * valid after {@link PerceptionHead#forward} until the next call.
     */
    public static final class Workspace {
        private final PerceptionHead owner;
        private final float[][] act;
        /** Per conv layer: what each tap sees at every output position, and each output channel's map. */
        private final float[][][] cols;
        private final float[][][] rows;

        private Workspace(PerceptionHead head) {
            owner = head;
            int n = head.convs.length;
            act = new float[n + 1][];
            act[0] = new float[head.shapes.get(0).size()];
            cols = new float[n][][];
            rows = new float[n][][];
            for (int i = 0; i < n; i++) {
                boolean flatten = head.spec.layers().get(i) instanceof LayerSpec.Flatten;
                act[i + 1] = flatten ? act[i] : new float[head.shapes.get(i + 1).size()];
                ConvGeometry conv = head.convs[i];
                if (conv != null) {
                    cols[i] = new float[conv.taps][conv.plane]; // zeros, where the padding stays zero
                    rows[i] = new float[conv.outC][conv.plane];
                }
            }
        }

        /** The last frame in torch's (C, H, W) order (shape {@code spec.shapes().get(0)}); do not modify. */
        public float[] input() {
            return act[0];
        }

        /**
         * The output of layer {@code layer} for the last frame, (C, H, W) or flat (shape
         * {@code spec.shapes().get(layer + 1)}); do not modify.
         */
        public float[] output(int layer) {
            return act[layer + 1];
        }
    }
}
