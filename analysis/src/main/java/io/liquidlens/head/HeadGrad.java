package io.liquidlens.head;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A perception head in double precision for reverse mode: {@link #forward} records each layer's output
 * on a tape, {@link #backward} turns dL/d(features) into dL/d(frame) and adds dL/d(every weight and bias)
 * to a gradient vector.
 *
 * <p>Parameters are read from a flat {@code values} vector at the offsets {@code offsetOf} gives for each
 * tensor name (in practice {@code name -> paramSet.param(name).offset()}); each tensor must lie there
 * row-major with the shape {@link HeadSpec#tensorShapes()} gives. Gradients are accumulated (+=) into a
 * vector of the same layout. The object holds no mutable state, so one instance serves several threads,
 * each with its own tape, {@link Scratch} and gradient vector.
 */
public final class HeadGrad {
    private final HeadSpec spec;
    private final List<FeatureShape> shapes;
    private final ConvGeometry[] convs;
    private final BlockLinear[] linears;
    private final boolean[] relu;
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final int[] actOffset;
    private final int tapeSize;
    private final int maxActivation;
    private final int maxPatches;
    private final int maxWeights;
    private final int maxOutput;

    /**
     * @param spec     the head
     * @param offsetOf the first index of each named tensor in the flat value and gradient vectors
     */
    public HeadGrad(HeadSpec spec, ToIntFunction<String> offsetOf) {
        this.spec = spec;
        this.shapes = spec.shapes();
        int n = spec.layers().size();
        HeadLayers layers = HeadLayers.of(spec, offsetOf);
        convs = layers.convs();
        linears = layers.linears();
        relu = layers.relu();
        weightOffset = layers.weightOffset();
        biasOffset = layers.biasOffset();
        actOffset = new int[n + 1];
        int tape = shapes.get(0).size();
        int maxAct = tape;
        int patches = 1;
        int convWeights = 1;
        int convOutput = 1;
        for (int i = 0; i < n; i++) {
            LayerSpec layer = spec.layers().get(i);
            if (convs[i] != null) {
                patches = Math.max(patches, convs[i].patchSize());
                convWeights = Math.max(convWeights, convs[i].outC * convs[i].taps);
                convOutput = Math.max(convOutput, convs[i].outC * convs[i].plane);
            }
            if (layer instanceof LayerSpec.Flatten) {
                actOffset[i + 1] = actOffset[i]; // same values, already in torch's flat order
            } else {
                actOffset[i + 1] = tape;
                tape += shapes.get(i + 1).size();
            }
            maxAct = Math.max(maxAct, shapes.get(i + 1).size());
        }
        tapeSize = tape;
        maxActivation = maxAct;
        maxPatches = patches;
        maxWeights = convWeights;
        maxOutput = convOutput;
    }

    /** What the head is. */
    public HeadSpec spec() {
        return spec;
    }

    /** Values per frame, H*W*C. */
    public int inputSize() {
        return spec.input().size();
    }

    /** Features per frame. */
    public int outputSize() {
        return shapes.get(shapes.size() - 1).size();
    }

    /** Doubles of tape one frame needs. */
    public int tapeSize() {
        return tapeSize;
    }

    /** Where on a frame's tape the frame itself lies, in (C, H, W) order (relative to the tape offset). */
    public int inputTapeOffset() {
        return actOffset[0];
    }

    /**
     * Where on a frame's tape the output of layer {@code layer} lies (relative to the tape offset), in the
     * shape {@code spec.shapes().get(layer + 1)}: conv feature maps for VisualBackProp.
     */
    public int outputTapeOffset(int layer) {
        return actOffset[layer + 1];
    }

    /** Buffers for one thread's forward and backward passes. */
    public Scratch newScratch() {
        return new Scratch(this);
    }

    /**
     * One frame forward: reads the (H, W, C) frame at {@code frame[fo..]}, writes the features to
     * {@code out[oo..]} and records every layer's output on {@code tape[to..]} ({@link #tapeSize()}).
     */
    public void forward(double[] values, double[] frame, int fo, double[] out, int oo, double[] tape, int to,
                        Scratch scratch) {
        Layouts.hwcToChw(frame, fo, spec.input(), tape, to + actOffset[0]);
        layersForward(values, out, oo, tape, to, scratch);
    }

    /** {@link #forward(double[], double[], int, double[], int, double[], int, Scratch)} for a float32 frame. */
    public void forward(double[] values, float[] frame, int fo, double[] out, int oo, double[] tape, int to,
                        Scratch scratch) {
        Layouts.hwcToChw(frame, fo, spec.input(), tape, to + actOffset[0]);
        layersForward(values, out, oo, tape, to, scratch);
    }

    private void layersForward(double[] values, double[] out, int oo, double[] tape, int to, Scratch scratch) {
        checkOwner(scratch);
        for (int i = 0; i < convs.length; i++) {
            int x = to + actOffset[i];
            int y = to + actOffset[i + 1];
            if (convs[i] != null) {
                convs[i].forward(values, weightOffset[i], biasOffset[i], tape, x, tape, y, scratch.cols);
            } else if (linears[i] != null) {
                linears[i].forward(values, weightOffset[i], biasOffset[i], tape, x, tape, y);
            } else if (relu[i]) {
                int n = shapes.get(i + 1).size();
                for (int j = 0; j < n; j++) {
                    tape[y + j] = Math.max(tape[x + j], 0.0);
                }
            }
        }
        System.arraycopy(tape, to + actOffset[convs.length], out, oo, outputSize());
    }

    /**
     * One frame backward. Given {@code dOut[doo..]} = dL/d(features) of the frame recorded on
     * {@code tape[to..]}, adds dL/d(weight) and dL/d(bias) of every layer to {@code grad} (the layout of
     * {@code values}) and, when {@code dFrame} is not null, overwrites {@code dFrame[dfo..]} with dL/d(frame)
     * in (H, W, C) order. Without {@code dFrame} the first layer's input gradient is not computed at all.
     * ReLU passes no gradient where its output is 0 (torch's choice at the kink).
     */
    public void backward(double[] values, double[] dOut, int doo, double[] tape, int to, double[] dFrame, int dfo,
                         double[] grad, Scratch scratch) {
        checkOwner(scratch);
        double[] cur = scratch.a;
        double[] other = scratch.b;
        System.arraycopy(dOut, doo, cur, 0, outputSize());
        for (int i = convs.length - 1; i >= 0; i--) {
            boolean needDx = i > 0 || dFrame != null;
            int x = to + actOffset[i];
            if (convs[i] != null) {
                convs[i].backward(values, weightOffset[i], biasOffset[i], tape, x, cur, 0, needDx ? other : null, 0, grad,
                        scratch.cols, scratch.dcols, scratch.wT, scratch.dyT);
            } else if (linears[i] != null) {
                linears[i].backward(values, weightOffset[i], biasOffset[i], tape, x, cur, 0, needDx ? other : null, 0,
                        grad);
            } else {
                if (relu[i]) {
                    int y = to + actOffset[i + 1];
                    int n = shapes.get(i + 1).size();
                    for (int j = 0; j < n; j++) {
                        if (!(tape[y + j] > 0.0)) {
                            cur[j] = 0.0;
                        }
                    }
                }
                continue; // relu works in place; flatten changes nothing
            }
            double[] t = cur;
            cur = other;
            other = t;
        }
        if (dFrame != null) {
            Layouts.chwToHwc(cur, 0, spec.input(), dFrame, dfo);
        }
    }

    private void checkOwner(Scratch scratch) {
        if (scratch.owner != this) {
            throw new IllegalArgumentException("the scratch belongs to another head; use newScratch()");
        }
    }

    /** Per-thread buffers of a {@link HeadGrad}. */
    public static final class Scratch {
        private final HeadGrad owner;
        private final double[] a;
        private final double[] b;
        private final double[] cols;
        private final double[] dcols;
        private final double[] wT;
        private final double[] dyT;

        private Scratch(HeadGrad owner) {
            this.owner = owner;
            a = new double[owner.maxActivation];
            b = new double[owner.maxActivation];
            cols = new double[owner.maxPatches];
            dcols = new double[owner.maxPatches];
            wT = new double[owner.maxWeights];
            dyT = new double[owner.maxOutput];
        }
    }
}
