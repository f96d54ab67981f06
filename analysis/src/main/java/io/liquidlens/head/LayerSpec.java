package io.liquidlens.head;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One layer of a perception head, as torch builds it. Layers with weights name their tensors as a
 * state dict holds them; a {@code null} bias name means the layer has no bias ({@code bias=False}).
 */
public sealed interface LayerSpec {

    /** The layer's {@code type} in {@code model.json}. */
    String type();

    /**
     * The shape this layer gives for input {@code in}.
     *
     * @throws IllegalArgumentException (message without a location prefix) when {@code in} does not fit
     */
    FeatureShape outputShape(FeatureShape in);

    /** The layer's tensors in state-dict order (weight, then bias), name to shape; empty without weights. */
    Map<String, int[]> tensors();

    /** Inputs per output unit, which sets torch's default initialisation range (0 without weights). */
    int fanIn();

    private static Map<String, int[]> weightAndBias(String weight, int[] weightShape, String bias, int biasSize) {
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put(weight, weightShape);
        if (bias != null) {
            m.put(bias, new int[] {biasSize});
        }
        return m;
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " tensor name must not be empty");
        }
    }

    /**
     * torch {@code nn.Conv2d(in, out, (kernelH, kernelW), stride=(strideH, strideW),
     * padding=(padH, padW))}: weight (out, in, kernelH, kernelW), bias (out); zero padding.
     *
     * @param in      input channels
     * @param out     output channels
     * @param kernelH kernel rows
     * @param kernelW kernel columns
     * @param strideH vertical stride
     * @param strideW horizontal stride
     * @param padH    zero rows added above and below
     * @param padW    zero columns added left and right
     * @param weight  weight tensor name
     * @param bias    bias tensor name, or null for no bias
     */
    record Conv2d(int in, int out, int kernelH, int kernelW, int strideH, int strideW, int padH, int padW,
                  String weight, String bias) implements LayerSpec {

        /** Checks the sizes (positive; padding not negative) and the tensor names. */
        public Conv2d {
            if (in < 1 || out < 1) {
                throw new IllegalArgumentException("'in' and 'out' must be positive, got " + in + " and " + out);
            }
            if (kernelH < 1 || kernelW < 1) {
                throw new IllegalArgumentException("'kernel' must be positive, got [" + kernelH + ", " + kernelW + "]");
            }
            if (strideH < 1 || strideW < 1) {
                throw new IllegalArgumentException("'stride' must be positive, got [" + strideH + ", " + strideW + "]");
            }
            if (padH < 0 || padW < 0) {
                throw new IllegalArgumentException("'padding' must not be negative, got [" + padH + ", " + padW + "]");
            }
            requireName(weight, "weight");
            if (bias != null) {
                requireName(bias, "bias");
            }
        }

        @Override
        public String type() {
            return "conv2d";
        }

        @Override
        public FeatureShape outputShape(FeatureShape shape) {
            if (!shape.spatial()) {
                throw new IllegalArgumentException("needs a (C, H, W) map but gets " + shape
                        + " (a conv2d cannot follow flatten or linear)");
            }
            if (shape.channels() != in) {
                throw new IllegalArgumentException("'in' is " + in + " but the input has " + shape.channels()
                        + " channels (" + shape + ")");
            }
            int h = outSize(shape.height(), kernelH, strideH, padH);
            int w = outSize(shape.width(), kernelW, strideW, padW);
            if (h < 1 || w < 1) {
                throw new IllegalArgumentException("kernel [" + kernelH + ", " + kernelW + "] with padding [" + padH
                        + ", " + padW + "] does not fit the " + shape + " input");
            }
            return FeatureShape.spatial(out, h, w);
        }

        private static int outSize(int size, int kernel, int stride, int pad) {
            int span = size + 2 * pad - kernel;
            return span < 0 ? 0 : span / stride + 1;
        }

        @Override
        public Map<String, int[]> tensors() {
            return weightAndBias(weight, new int[] {out, in, kernelH, kernelW}, bias, out);
        }

        @Override
        public int fanIn() {
            return in * kernelH * kernelW;
        }
    }

    /** torch {@code nn.ReLU()}: max(x, 0) element-wise, any shape. */
    record Relu() implements LayerSpec {
        @Override
        public String type() {
            return "relu";
        }

        @Override
        public FeatureShape outputShape(FeatureShape in) {
            return in;
        }

        @Override
        public Map<String, int[]> tensors() {
            return Map.of();
        }

        @Override
        public int fanIn() {
            return 0;
        }
    }

    /** torch {@code nn.Flatten()}: a (C, H, W) map becomes C*H*W features in (C, H, W) order. */
    record Flatten() implements LayerSpec {
        @Override
        public String type() {
            return "flatten";
        }

        @Override
        public FeatureShape outputShape(FeatureShape in) {
            return FeatureShape.flat(in.size());
        }

        @Override
        public Map<String, int[]> tensors() {
            return Map.of();
        }

        @Override
        public int fanIn() {
            return 0;
        }
    }

    /**
     * torch {@code nn.Linear(in, out)}: y = W x + b with weight (out, in), bias (out).
     *
     * @param in     input features
     * @param out    output features
     * @param weight weight tensor name
     * @param bias   bias tensor name, or null for no bias
     */
    record Linear(int in, int out, String weight, String bias) implements LayerSpec {

        /** Checks the sizes and the tensor names. */
        public Linear {
            if (in < 1 || out < 1) {
                throw new IllegalArgumentException("'in' and 'out' must be positive, got " + in + " and " + out);
            }
            requireName(weight, "weight");
            if (bias != null) {
                requireName(bias, "bias");
            }
        }

        @Override
        public String type() {
            return "linear";
        }

        @Override
        public FeatureShape outputShape(FeatureShape shape) {
            if (shape.spatial()) {
                throw new IllegalArgumentException("needs flat features but gets a " + shape
                        + "; put a flatten layer before it");
            }
            if (shape.size() != in) {
                throw new IllegalArgumentException("'in' is " + in + " but the previous layer gives " + shape);
            }
            return FeatureShape.flat(out);
        }

        @Override
        public Map<String, int[]> tensors() {
            return weightAndBias(weight, new int[] {out, in}, bias, out);
        }

        @Override
        public int fanIn() {
            return in;
        }
    }

    /**
     * The NCP paper's per-channel linear reduction: each channel c of a (C, H, W) map, flattened to
     * H*W values, goes through its own linear layer to {@code out} features; the result is C*out features,
     * channel by channel. Weight (channels, out, in) and bias (channels, out) are the per-channel
     * {@code nn.Linear(in, out)} weights stacked; in torch:
     * {@code torch.einsum("bci,coi->bco", x.flatten(2), weight) + bias}, then {@code flatten(1)}.
     *
     * @param channels channels of the input map
     * @param in       values per channel (H*W of the input map)
     * @param out      features per channel
     * @param weight   weight tensor name
     * @param bias     bias tensor name, or null for no bias
     */
    record ChannelLinear(int channels, int in, int out, String weight, String bias) implements LayerSpec {

        /** Checks the sizes and the tensor names. */
        public ChannelLinear {
            if (channels < 1 || in < 1 || out < 1) {
                throw new IllegalArgumentException("'channels', 'in' and 'out' must be positive, got " + channels
                        + ", " + in + " and " + out);
            }
            requireName(weight, "weight");
            if (bias != null) {
                requireName(bias, "bias");
            }
        }

        @Override
        public String type() {
            return "channel_linear";
        }

        @Override
        public FeatureShape outputShape(FeatureShape shape) {
            if (!shape.spatial()) {
                throw new IllegalArgumentException("needs a (C, H, W) map but gets " + shape);
            }
            if (shape.channels() != channels) {
                throw new IllegalArgumentException("'channels' is " + channels + " but the input has "
                        + shape.channels() + " channels (" + shape + ")");
            }
            if (shape.plane() != in) {
                throw new IllegalArgumentException("'in' is " + in + " but each channel of the " + shape
                        + " input holds " + shape.plane() + " values");
            }
            return FeatureShape.flat(FeatureShape.values(channels, out, 1));
        }

        @Override
        public Map<String, int[]> tensors() {
            Map<String, int[]> m = new LinkedHashMap<>();
            m.put(weight, new int[] {channels, out, in});
            if (bias != null) {
                m.put(bias, new int[] {channels, out});
            }
            return m;
        }

        @Override
        public int fanIn() {
            return in;
        }
    }
}
