package io.liquidlens.head;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A head's layers as the reverse-mode passes walk them, one entry per layer of {@link HeadSpec#layers()}: the
 * convolution's geometry or the linear map (null for the other kinds), whether it is a ReLU, and where its
 * weight and bias start in a flat parameter vector (-1 for none). {@link HeadGrad} and
 * {@link BatchedInputGradient} read parameters the same way, so they share this one reading of the spec.
 */
record HeadLayers(ConvGeometry[] convs, BlockLinear[] linears, boolean[] relu, int[] weightOffset,
                  int[] biasOffset) {

    /**
     * @param offsetOf the first index of each named tensor in the flat vector
     */
    static HeadLayers of(HeadSpec spec, ToIntFunction<String> offsetOf) {
        int n = spec.layers().size();
        List<FeatureShape> shapes = spec.shapes();
        HeadLayers layers = new HeadLayers(new ConvGeometry[n], new BlockLinear[n], new boolean[n], new int[n],
                new int[n]);
        for (int i = 0; i < n; i++) {
            LayerSpec layer = spec.layers().get(i);
            String weight = null;
            String bias = null;
            if (layer instanceof LayerSpec.Conv2d c) {
                layers.convs[i] = new ConvGeometry(c, shapes.get(i));
                weight = c.weight();
                bias = c.bias();
            } else if (layer instanceof LayerSpec.Linear l) {
                layers.linears[i] = BlockLinear.of(l);
                weight = l.weight();
                bias = l.bias();
            } else if (layer instanceof LayerSpec.ChannelLinear l) {
                layers.linears[i] = BlockLinear.of(l);
                weight = l.weight();
                bias = l.bias();
            } else if (layer instanceof LayerSpec.Relu) {
                layers.relu[i] = true;
            }
            layers.weightOffset[i] = weight == null ? -1 : offsetOf.applyAsInt(weight);
            layers.biasOffset[i] = bias == null ? -1 : offsetOf.applyAsInt(bias);
        }
        return layers;
    }
}
