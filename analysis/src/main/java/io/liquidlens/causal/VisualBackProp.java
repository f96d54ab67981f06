package io.liquidlens.causal;

import io.liquidlens.head.FeatureShape;
import io.liquidlens.head.HeadSpec;
import io.liquidlens.head.LayerSpec;
import io.liquidlens.head.PerceptionHead;
import java.util.List;

/**
 * VisualBackProp (Bojarski et al., ICRA 2018; docs/ANALYSES.md#saliency): which pixels of a frame the conv head's
 * feature maps build on. Each conv layer's feature maps (after its ReLU, when it has one) are averaged over
 * channels; starting from the deepest, the mask is scaled up to the layer's input size by a transposed
 * convolution with a kernel of ones (the layer's kernel, stride and padding: every input pixel gets the sum of
 * the output positions whose receptive field holds it) and multiplied point-wise with the shallower layer's
 * averaged map; the first conv's transposed convolution brings it to the frame's size, where it is min-max
 * normalised to [0, 1]. Immutable; thread-safe when each thread passes its own workspace.
 */
public final class VisualBackProp {
    private final PerceptionHead head;
    private final LayerSpec.Conv2d[] convs;
    /** Each conv's input map (element k) and the layer holding its activated output map (featureLayer[k]). */
    private final FeatureShape[] inputs;
    private final FeatureShape[] features;
    private final int[] featureLayer;

    /**
     * @throws IllegalArgumentException when the head has no conv layer, or something between two conv layers
     *                                  changes the map's size (then the masks would not line up)
     */
    public VisualBackProp(PerceptionHead head) {
        this.head = head;
        HeadSpec spec = head.spec();
        List<Integer> at = spec.convLayers();
        if (at.isEmpty()) {
            throw new IllegalArgumentException("VisualBackProp needs a perception head with conv2d layers; this head has none");
        }
        List<FeatureShape> shapes = spec.shapes();
        int n = at.size();
        convs = new LayerSpec.Conv2d[n];
        inputs = new FeatureShape[n];
        features = new FeatureShape[n];
        featureLayer = new int[n];
        for (int k = 0; k < n; k++) {
            int i = at.get(k);
            convs[k] = (LayerSpec.Conv2d) spec.layers().get(i);
            inputs[k] = shapes.get(i);
            featureLayer[k] = spec.featureMapLayer(i);
            features[k] = shapes.get(featureLayer[k] + 1);
            if (k > 0 && (inputs[k].height() != features[k - 1].height() || inputs[k].width() != features[k - 1].width())) {
                throw new IllegalArgumentException("head.layers[" + i + "] (conv2d) takes a " + inputs[k] + " but the conv2d"
                        + " before it gives a " + features[k - 1] + "; VisualBackProp needs conv layers that follow each other");
            }
        }
    }

    /** The mask of one (H, W, C) frame read from {@code frame} at {@code frameOffset}, H x W, in [0, 1]. */
    public SaliencyMap mask(float[] frame, int frameOffset, PerceptionHead.Workspace workspace) {
        head.forward(frame, frameOffset, workspace, new float[head.outputSize()], 0);
        int last = convs.length - 1;
        double[] mask = channelMean(workspace.output(featureLayer[last]), features[last]);
        for (int k = last; k >= 0; k--) {
            mask = transposedOnes(mask, k);
            if (k > 0) {
                double[] below = channelMean(workspace.output(featureLayer[k - 1]), features[k - 1]);
                for (int p = 0; p < mask.length; p++) {
                    mask[p] *= below[p];
                }
            }
        }
        return new SaliencyMap(inputs[0].height(), inputs[0].width(), SaliencyMap.minMax(mask));
    }

    /** {@link #mask(float[], int, PerceptionHead.Workspace)} of one frame with a fresh workspace. */
    public SaliencyMap mask(float[] frame) {
        return mask(frame, 0, head.newWorkspace());
    }

    private static double[] channelMean(float[] map, FeatureShape shape) {
        int plane = shape.plane();
        double[] out = new double[plane];
        for (int c = 0; c < shape.channels(); c++) {
            for (int p = 0; p < plane; p++) {
                out[p] += map[c * plane + p];
            }
        }
        for (int p = 0; p < plane; p++) {
            out[p] /= shape.channels();
        }
        return out;
    }

    /**
     * Conv k's transposed convolution with a kernel of ones, from its output size to its input size: output
     * position (oy, ox) adds its value to every input pixel its kernel covered. Input rows or columns that no
     * window reached (when the stride does not divide evenly) stay 0.
     */
    private double[] transposedOnes(double[] out, int k) {
        LayerSpec.Conv2d c = convs[k];
        FeatureShape in = inputs[k];
        FeatureShape o = features[k];
        double[] up = new double[in.plane()];
        for (int oy = 0; oy < o.height(); oy++) {
            for (int ox = 0; ox < o.width(); ox++) {
                double v = out[oy * o.width() + ox];
                for (int ky = 0; ky < c.kernelH(); ky++) {
                    int iy = oy * c.strideH() - c.padH() + ky;
                    if (iy < 0 || iy >= in.height()) {
                        continue;
                    }
                    for (int kx = 0; kx < c.kernelW(); kx++) {
                        int ix = ox * c.strideW() - c.padW() + kx;
                        if (ix >= 0 && ix < in.width()) {
                            up[iy * in.width() + ix] += v;
                        }
                    }
                }
            }
        }
        return up;
    }
}
