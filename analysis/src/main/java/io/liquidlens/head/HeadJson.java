package io.liquidlens.head;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.Limits;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code head} object of {@code model.json}, read and written (format in docs/FORMATS.md). */
final class HeadJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> TOP_KEYS = Set.of("input_shape", "layers");
    private static final Map<String, List<String>> LAYER_KEYS = Map.of(
            "conv2d", List.of("type", "in", "out", "kernel", "stride", "padding", "weight", "bias"),
            "relu", List.of("type"),
            "flatten", List.of("type"),
            "linear", List.of("type", "in", "out", "weight", "bias"),
            "channel_linear", List.of("type", "channels", "in", "out", "weight", "bias"));
    private static final List<String> TYPES = List.of("conv2d", "relu", "flatten", "linear", "channel_linear");

    private HeadJson() {
    }

    static HeadSpec parse(JsonNode head) {
        if (head == null || !head.isObject()) {
            throw new IllegalArgumentException("head must be a JSON object with 'input_shape' and 'layers' (or null)");
        }
        for (Iterator<String> it = head.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TOP_KEYS.contains(key)) {
                throw new IllegalArgumentException("head: unknown key '" + key + "' (known: input_shape, layers)");
            }
        }
        ImageShape input = parseInputShape(head.get("input_shape"));
        JsonNode layers = head.get("layers");
        if (layers == null || !layers.isArray()) {
            throw new IllegalArgumentException("head: 'layers' is required and must be an array of layer objects");
        }
        List<LayerSpec> specs = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            specs.add(parseLayer(layers.get(i), i));
        }
        return new HeadSpec(input, specs);
    }

    private static ImageShape parseInputShape(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("head: 'input_shape' is required ([H, W, C] of one frame)");
        }
        if (!node.isArray() || node.size() != 3) {
            throw new IllegalArgumentException("head: 'input_shape' must be [H, W, C], got " + node);
        }
        int[] v = new int[3];
        for (int k = 0; k < 3; k++) {
            JsonNode e = node.get(k);
            if (!e.isIntegralNumber() || !e.canConvertToLong() || e.asLong() < 1) {
                throw new IllegalArgumentException("head: 'input_shape' must hold three positive integers, got " + node);
            }
            v[k] = (int) Limits.atMost("head: 'input_shape' " + (k < 2 ? "side" : "channels"), e.asLong(),
                    k < 2 ? Limits.IMAGE_SIDE : Limits.HEAD_WIDTH);
        }
        return new ImageShape(v[0], v[1], v[2]);
    }

    private static LayerSpec parseLayer(JsonNode node, int index) {
        String at = "head.layers[" + index + "]";
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(at + ": must be a JSON object with a 'type'");
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new IllegalArgumentException(at + ": 'type' is required (one of " + String.join(", ", TYPES) + ")");
        }
        String type = typeNode.asText();
        List<String> keys = LAYER_KEYS.get(type);
        if (keys == null) {
            throw new IllegalArgumentException(at + ": unknown type '" + type + "' (known: " + String.join(", ", TYPES)
                    + ")");
        }
        String where = at + " (" + type + ")";
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!keys.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "' (known: "
                        + String.join(", ", keys) + ")");
            }
        }
        Fields f = new Fields(node, where);
        String weight = f.tensorName("weight", "head." + index + ".weight");
        String bias = f.tensorName("bias", "head." + index + ".bias");
        try {
            return switch (type) {
                case "conv2d" -> {
                    int[] kernel = f.pair("kernel", null, 1);
                    int[] stride = f.pair("stride", new int[] {1, 1}, 1);
                    int[] padding = f.pair("padding", new int[] {0, 0}, 0);
                    yield new LayerSpec.Conv2d(f.positive("in"), f.positive("out"), kernel[0], kernel[1],
                            stride[0], stride[1], padding[0], padding[1], weight, bias);
                }
                case "relu" -> new LayerSpec.Relu();
                case "flatten" -> new LayerSpec.Flatten();
                case "linear" -> new LayerSpec.Linear(f.positive("in"), f.positive("out"), weight, bias);
                default -> new LayerSpec.ChannelLinear(f.positive("channels"), f.positive("in"), f.positive("out"),
                        weight, bias);
            };
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith(where)) {
                throw e;
            }
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** Typed reads of one layer object's keys, with messages naming the layer and the key. */
    private record Fields(JsonNode node, String where) {

        int positive(String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                throw new IllegalArgumentException(where + ": '" + key + "' is required");
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 1) {
                throw new IllegalArgumentException(where + ": '" + key + "' must be a positive integer, got " + v);
            }
            return (int) Limits.atMost(where + ": '" + key + "'", v.asLong(), Limits.HEAD_WIDTH);
        }

        /** An int or an [h, w] pair, as torch accepts for kernel_size, stride and padding. */
        int[] pair(String key, int[] fallback, int min) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                if (fallback == null) {
                    throw new IllegalArgumentException(where + ": '" + key + "' is required ([h, w] or one integer)");
                }
                return fallback;
            }
            String rule = "'" + key + "' must be " + (min > 0 ? "a positive integer" : "an integer >= 0")
                    + " or a pair [h, w] of them, got " + v;
            if (v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= min) {
                int side = side(key, v.asLong());
                return new int[] {side, side};
            }
            if (v.isArray() && v.size() == 2) {
                int[] out = new int[2];
                for (int k = 0; k < 2; k++) {
                    JsonNode e = v.get(k);
                    if (!e.isIntegralNumber() || !e.canConvertToLong() || e.asLong() < min) {
                        throw new IllegalArgumentException(where + ": " + rule);
                    }
                    out[k] = side(key, e.asLong());
                }
                return out;
            }
            throw new IllegalArgumentException(where + ": " + rule);
        }

        /** A kernel, stride or padding side, bounded like a frame's side. */
        int side(String key, long value) {
            return (int) Limits.atMost(where + ": '" + key + "'", value, Limits.IMAGE_SIDE);
        }

        /** A tensor name: absent means the nn.Sequential default, null means no such tensor. */
        String tensorName(String key, String fallback) {
            if (!node.has(key)) {
                return fallback;
            }
            JsonNode v = node.get(key);
            if (v.isNull()) {
                if (key.equals("weight")) {
                    throw new IllegalArgumentException(where + ": 'weight' cannot be null (only 'bias' may be)");
                }
                return null;
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                throw new IllegalArgumentException(where + ": '" + key + "' must be a tensor name, got " + v);
            }
            return v.asText();
        }
    }

    static ObjectNode write(HeadSpec spec) {
        ObjectNode head = NODES.objectNode();
        ArrayNode shape = head.putArray("input_shape");
        for (int d : spec.input().toArray()) {
            shape.add(d);
        }
        ArrayNode layers = head.putArray("layers");
        for (LayerSpec layer : spec.layers()) {
            ObjectNode o = layers.addObject();
            o.put("type", layer.type());
            if (layer instanceof LayerSpec.Conv2d c) {
                o.put("in", c.in());
                o.put("out", c.out());
                o.putArray("kernel").add(c.kernelH()).add(c.kernelW());
                o.putArray("stride").add(c.strideH()).add(c.strideW());
                o.putArray("padding").add(c.padH()).add(c.padW());
                o.put("weight", c.weight());
                o.put("bias", c.bias());
            } else if (layer instanceof LayerSpec.Linear l) {
                o.put("in", l.in());
                o.put("out", l.out());
                o.put("weight", l.weight());
                o.put("bias", l.bias());
            } else if (layer instanceof LayerSpec.ChannelLinear l) {
                o.put("channels", l.channels());
                o.put("in", l.in());
                o.put("out", l.out());
                o.put("weight", l.weight());
                o.put("bias", l.bias());
            }
        }
        return head;
    }
}
