package io.liquidlens.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HeadSpecJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The NCP-paper-shaped head at 32 x 96 x 3, written out as a user would. */
    static final String NCP_HEAD = """
            {"input_shape": [32, 96, 3], "layers": [
              {"type": "conv2d", "in": 3, "out": 24, "kernel": [5, 5], "stride": [2, 2], "padding": [2, 2],
               "weight": "head.0.weight", "bias": "head.0.bias"},
              {"type": "relu"},
              {"type": "conv2d", "in": 24, "out": 36, "kernel": 5, "stride": 2, "padding": 2},
              {"type": "relu"},
              {"type": "conv2d", "in": 36, "out": 48, "kernel": [3, 3], "stride": [2, 2], "padding": [1, 1]},
              {"type": "relu"},
              {"type": "conv2d", "in": 48, "out": 64, "kernel": [3, 3], "padding": [1, 1]},
              {"type": "relu"},
              {"type": "conv2d", "in": 64, "out": 8, "kernel": [3, 3], "padding": 1},
              {"type": "relu"},
              {"type": "channel_linear", "channels": 8, "in": 48, "out": 4}
            ]}""";

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void ncpHeadChainsToThirtyTwoFeatures() {
        HeadSpec spec = HeadSpec.fromJson(json(NCP_HEAD));
        List<FeatureShape> shapes = spec.shapes();
        assertThat(shapes.get(1)).isEqualTo(FeatureShape.spatial(24, 16, 48));
        assertThat(shapes.get(3)).isEqualTo(FeatureShape.spatial(36, 8, 24));
        assertThat(shapes.get(5)).isEqualTo(FeatureShape.spatial(48, 4, 12));
        assertThat(shapes.get(9)).isEqualTo(FeatureShape.spatial(8, 4, 12));
        assertThat(spec.outputSize()).isEqualTo(32);
        // 3*24*25+24 + 24*36*25+36 + 36*48*9+48 + 48*64*9+64 + 64*8*9+8 + 8*(4*48+4)
        assertThat(spec.parameterCount()).isEqualTo(1824 + 21636 + 15600 + 27712 + 4616 + 1568);
        assertThat(spec.convLayers()).containsExactly(0, 2, 4, 6, 8);
        assertThat(spec.featureMapLayer(4)).isEqualTo(5);
    }

    @Test
    void shorthandsTakeTorchDefaultsAndSequentialNames() {
        HeadSpec spec = HeadSpec.fromJson(json(NCP_HEAD));
        LayerSpec.Conv2d second = (LayerSpec.Conv2d) spec.layers().get(2);
        assertThat(second).isEqualTo(new LayerSpec.Conv2d(24, 36, 5, 5, 2, 2, 2, 2, "head.2.weight", "head.2.bias"));
        LayerSpec.Conv2d fourth = (LayerSpec.Conv2d) spec.layers().get(6);
        assertThat(fourth.strideH()).isEqualTo(1);
        assertThat(fourth.strideW()).isEqualTo(1);
        assertThat(spec.tensorShapes()).containsKeys("head.10.weight", "head.10.bias");
        assertThat(spec.tensorShapes().get("head.10.weight")).containsExactly(8, 4, 48);
        assertThat(spec.tensorShapes().get("head.0.weight")).containsExactly(24, 3, 5, 5);
    }

    @Test
    void writtenJsonReadsBackEqualAndSpellsEveryKey() {
        HeadSpec spec = HeadSpec.fromJson(json(NCP_HEAD));
        JsonNode written = spec.toJson();
        assertThat(HeadSpec.fromJson(written)).isEqualTo(spec);
        JsonNode conv = written.get("layers").get(2);
        assertThat(conv.toString()).isEqualTo("{\"type\":\"conv2d\",\"in\":24,\"out\":36,\"kernel\":[5,5],\"stride\":[2,2],"
                + "\"padding\":[2,2],\"weight\":\"head.2.weight\",\"bias\":\"head.2.bias\"}");
        assertThat(written.get("layers").get(1).toString()).isEqualTo("{\"type\":\"relu\"}");
        assertThat(written.get("input_shape").toString()).isEqualTo("[32,96,3]");
    }

    @Test
    void writtenHeadMatchesTheGoldenFile() throws Exception {
        // golden file: the NCP head as this version writes it; a change here is a format change (docs/FORMATS.md)
        java.nio.file.Path golden = java.nio.file.Path.of("src/test/resources/head/golden-head.json");
        String expected = java.nio.file.Files.readString(golden).strip();
        HeadSpec spec = HeadSpec.fromJson(json(NCP_HEAD));
        // compact forms compared, so key order counts and whitespace does not
        assertThat(spec.toJson().toString()).isEqualTo(json(expected).toString());
        assertThat(HeadSpec.fromJson(json(expected))).isEqualTo(spec);
    }

    @Test
    void nullBiasMeansNoBiasAndSurvivesTheRoundTrip() {
        HeadSpec spec = HeadSpec.fromJson(json("""
                {"input_shape": [4, 4, 1], "layers": [
                  {"type": "conv2d", "in": 1, "out": 2, "kernel": 3, "bias": null},
                  {"type": "flatten"},
                  {"type": "linear", "in": 8, "out": 3, "weight": "fc.w", "bias": null}]}"""));
        assertThat(spec.tensorShapes()).containsOnlyKeys("head.0.weight", "fc.w");
        assertThat(HeadSpec.fromJson(spec.toJson())).isEqualTo(spec);
        assertThat(spec.toJson().get("layers").get(2).get("bias").isNull()).isTrue();
    }

    @Test
    void checkFitsComparesWithTheImageShapeAndTheCellInputSize() {
        HeadSpec spec = HeadSpec.fromJson(json(NCP_HEAD));
        spec.checkFits(new ImageShape(32, 96, 3), 32);
        spec.checkFits(null, 32);
        assertThatThrownBy(() -> spec.checkFits(null, 19))
                .hasMessage("head: gives 32 features per frame but ncps.input_size is 19");
        assertThatThrownBy(() -> spec.checkFits(new ImageShape(32, 96, 1), 32))
                .hasMessage("head.input_shape is [32, 96, 3] but inputs.shape is [32, 96, 1]");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"layers": []}                                                                                     | head: 'input_shape' is required ([H, W, C] of one frame)
            {"input_shape": [4, 4], "layers": []}                                                              | head: 'input_shape' must be [H, W, C], got [4,4]
            {"input_shape": [4, 0, 3], "layers": []}                                                           | head: 'input_shape' must hold three positive integers, got [4,0,3]
            {"input_shape": [4, 4, 3]}                                                                         | head: 'layers' is required and must be an array of layer objects
            {"input_shape": [4, 4, 3], "layers": []}                                                           | head: 'layers' must hold at least one layer
            {"input_shape": [4, 4, 3], "layers": [], "norm": 1}                                                | head: unknown key 'norm' (known: input_shape, layers)
            {"input_shape": [4, 4, 3], "layers": [{"type": "flatten"}, 3]}                                     | head.layers[1]: must be a JSON object with a 'type'
            {"input_shape": [4, 4, 3], "layers": [{"in": 3}]}                                                  | head.layers[0]: 'type' is required (one of conv2d, relu, flatten, linear, channel_linear)
            {"input_shape": [4, 4, 3], "layers": [{"type": "maxpool"}]}                                        | head.layers[0]: unknown type 'maxpool' (known: conv2d, relu, flatten, linear, channel_linear)
            {"input_shape": [4, 4, 3], "layers": [{"type": "relu", "inplace": true}]}                          | head.layers[0] (relu): unknown key 'inplace' (known: type)
            {"input_shape": [4, 4, 3], "layers": [{"type": "conv2d", "in": 3, "out": 2, "kernel": 3, "dilation": 2}]} | head.layers[0] (conv2d): unknown key 'dilation' (known: type, in, out, kernel, stride, padding, weight, bias)
            {"input_shape": [4, 4, 3], "layers": [{"type": "conv2d", "in": 3, "out": 2}]}                      | head.layers[0] (conv2d): 'kernel' is required ([h, w] or one integer)
            {"input_shape": [4, 4, 3], "layers": [{"type": "conv2d", "out": 2, "kernel": 3}]}                  | head.layers[0] (conv2d): 'in' is required
            {"input_shape": [4, 4, 3], "layers": [{"type": "conv2d", "in": 3, "out": 0, "kernel": 3}]}         | head.layers[0] (conv2d): 'out' must be a positive integer, got 0
            {"input_shape": [4, 4, 3], "layers": [{"type": "conv2d", "in": 3, "out": 2, "kernel": [3, 3, 3]}]} | head.layers[0] (conv2d): 'kernel' must be a positive integer or a pair [h, w] of them, got [3,3,3]
            {"input_shape": [4, 4, 3], "layers": [{"type": "conv2d", "in": 3, "out": 2, "kernel": 3, "stride": 0}]} | head.layers[0] (conv2d): 'stride' must be a positive integer or a pair [h, w] of them, got 0
            {"input_shape": [4, 4, 3], "layers": [{"type": "conv2d", "in": 3, "out": 2, "kernel": 3, "padding": "same"}]} | head.layers[0] (conv2d): 'padding' must be an integer >= 0 or a pair [h, w] of them, got "same"
            {"input_shape": [4, 4, 3], "layers": [{"type": "conv2d", "in": 3, "out": 2, "kernel": 3, "padding": [1, -1]}]} | head.layers[0] (conv2d): 'padding' must be an integer >= 0 or a pair [h, w] of them, got [1,-1]
            {"input_shape": [4, 4, 3], "layers": [{"type": "conv2d", "in": 3, "out": 2, "kernel": 3, "weight": null}]} | head.layers[0] (conv2d): 'weight' cannot be null (only 'bias' may be)
            {"input_shape": [4, 4, 3], "layers": [{"type": "conv2d", "in": 3, "out": 2, "kernel": 3, "bias": 7}]} | head.layers[0] (conv2d): 'bias' must be a tensor name, got 7
            {"input_shape": [4, 4, 3], "layers": [{"type": "conv2d", "in": 1, "out": 2, "kernel": 3}]}         | head.layers[0] (conv2d): 'in' is 1 but the input has 3 channels (3x4x4 map)
            {"input_shape": [4, 4, 3], "layers": [{"type": "conv2d", "in": 3, "out": 2, "kernel": [5, 3]}]}    | head.layers[0] (conv2d): kernel [5, 3] with padding [0, 0] does not fit the 3x4x4 map input
            {"input_shape": [4, 4, 3], "layers": [{"type": "flatten"}, {"type": "conv2d", "in": 3, "out": 2, "kernel": 1}]} | head.layers[1] (conv2d): needs a (C, H, W) map but gets 48 features (a conv2d cannot follow flatten or linear)
            {"input_shape": [4, 4, 3], "layers": [{"type": "linear", "in": 48, "out": 2}]}                     | head.layers[0] (linear): needs flat features but gets a 3x4x4 map; put a flatten layer before it
            {"input_shape": [4, 4, 3], "layers": [{"type": "flatten"}, {"type": "linear", "in": 47, "out": 2}]} | head.layers[1] (linear): 'in' is 47 but the previous layer gives 48 features
            {"input_shape": [4, 4, 3], "layers": [{"type": "channel_linear", "channels": 2, "in": 16, "out": 2}]} | head.layers[0] (channel_linear): 'channels' is 2 but the input has 3 channels (3x4x4 map)
            {"input_shape": [4, 4, 3], "layers": [{"type": "channel_linear", "channels": 3, "in": 12, "out": 2}]} | head.layers[0] (channel_linear): 'in' is 12 but each channel of the 3x4x4 map input holds 16 values
            {"input_shape": [4, 4, 3], "layers": [{"type": "channel_linear", "channels": 3, "out": 2}]}        | head.layers[0] (channel_linear): 'in' is required
            {"input_shape": [4, 4, 3], "layers": [{"type": "relu"}]}                                           | head: the last layer gives a 3x4x4 map; a head must end with flat features (flatten, linear or channel_linear)
            {"input_shape": [4, 4, 3], "layers": [{"type": "flatten"}, {"type": "linear", "in": 48, "out": 2, "weight": "w"}, {"type": "linear", "in": 2, "out": 2, "weight": "w"}]} | head.layers[2] (linear): tensor 'w' is already used by head.layers[1]
            """)
    void rejectsBadHeadsNamingTheLayerAndKey(String text, String message) {
        assertThatThrownBy(() -> HeadSpec.fromJson(json(text)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void aHeadThatIsNotAnObjectIsRejected() {
        assertThatThrownBy(() -> HeadSpec.fromJson(json("[1, 2]")))
                .hasMessage("head must be a JSON object with 'input_shape' and 'layers' (or null)");
    }
}
