package io.liquidlens.head;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A perception head: the image frames it takes and its layers in order, as the {@code head} object of
 * {@code model.json} describes them (docs/FORMATS.md#head-perception-head). The constructor checks that
 * the shapes chain from the image to a flat feature vector and that no tensor name is used twice;
 * problems are {@link IllegalArgumentException}s that name the layer index and the key (the caller adds
 * the file).
 *
 * @param input  one frame as rollouts hold it, (H, W, C)
 * @param layers the layers, first to last
 */
public record HeadSpec(ImageShape input, List<LayerSpec> layers) {

    /** Checks that the shapes chain to flat features and that no tensor name is used twice. */
    public HeadSpec {
        if (input == null) {
            throw new IllegalArgumentException("head: 'input_shape' is required");
        }
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("head: 'layers' must hold at least one layer");
        }
        FeatureShape shape = input.asFeatures();
        Map<String, Integer> owner = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            try {
                shape = layer.outputShape(shape);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where(i, layer) + ": " + e.getMessage(), e);
            }
            for (String name : layer.tensors().keySet()) {
                Integer before = owner.putIfAbsent(name, i);
                if (before != null) {
                    throw new IllegalArgumentException(where(i, layer) + ": tensor '" + name
                            + "' is already used by head.layers[" + before + "]");
                }
            }
        }
        if (shape.spatial()) {
            throw new IllegalArgumentException("head: the last layer gives a " + shape
                    + "; a head must end with flat features (flatten, linear or channel_linear)");
        }
    }

    /** "head.layers[i] (type)", the prefix of every message about layer i. */
    static String where(int index, LayerSpec layer) {
        return "head.layers[" + index + "] (" + layer.type() + ")";
    }

    /** Parses the {@code head} object of {@code model.json}; errors name the layer index and the key. */
    public static HeadSpec fromJson(JsonNode head) {
        return HeadJson.parse(head);
    }

    /** The {@code head} object for {@code model.json} (every key written, tensor names explicit). */
    public ObjectNode toJson() {
        return HeadJson.write(this);
    }

    /**
     * Shapes along the head: element 0 is the input frame as a (C, H, W) map, element i + 1 the output of
     * layer i.
     */
    public List<FeatureShape> shapes() {
        List<FeatureShape> out = new ArrayList<>(layers.size() + 1);
        FeatureShape shape = input.asFeatures();
        out.add(shape);
        for (LayerSpec layer : layers) {
            shape = layer.outputShape(shape);
            out.add(shape);
        }
        return Collections.unmodifiableList(out);
    }

    /** Features the head gives per frame (what the cell's {@code input_size} must be). */
    public int outputSize() {
        return shapes().get(layers.size()).size();
    }

    /** Every tensor of the head, name to shape, in state-dict order. */
    public Map<String, int[]> tensorShapes() {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (LayerSpec layer : layers) {
            out.putAll(layer.tensors());
        }
        return Collections.unmodifiableMap(out);
    }

    /** Number of parameters (the "head parameters" of the NCP paper's size table). */
    public long parameterCount() {
        long n = 0;
        for (int[] shape : tensorShapes().values()) {
            n += Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
        }
        return n;
    }

    /** Indices of the conv2d layers, first to last (the layers VisualBackProp walks back through). */
    public List<Integer> convLayers() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof LayerSpec.Conv2d) {
                out.add(i);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The layer whose output is conv layer {@code convIndex}'s feature map after its activation: the conv
     * itself, or the ReLU right after it.
     */
    public int featureMapLayer(int convIndex) {
        if (!(layers.get(convIndex) instanceof LayerSpec.Conv2d)) {
            throw new IllegalArgumentException("head.layers[" + convIndex + "] is not a conv2d layer");
        }
        int next = convIndex + 1;
        return next < layers.size() && layers.get(next) instanceof LayerSpec.Relu ? next : convIndex;
    }

    /**
     * Checks the head against the rest of {@code model.json}: frames of {@code imageShape}
     * ({@code inputs.shape}, may be null when not given) and a cell taking {@code cellInputSize} features
     * ({@code ncps.input_size}).
     */
    public void checkFits(ImageShape imageShape, int cellInputSize) {
        if (imageShape != null && !imageShape.equals(input)) {
            throw new IllegalArgumentException("head.input_shape is " + input + " but inputs.shape is " + imageShape);
        }
        int features = outputSize();
        if (features != cellInputSize) {
            throw new IllegalArgumentException("head: gives " + features + " features per frame but ncps.input_size is "
                    + cellInputSize);
        }
    }
}
