package io.liquidlens.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.io.NdArray;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.sim.SimulationInput;
import io.liquidlens.sim.Simulator;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import io.liquidlens.wiring.AutoNcpSpec;
import io.liquidlens.wiring.Wiring;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Fresh weights have ncps's tensors and distributions, and a seed always gives the same model. */
class NcpsInitTest {

    static Stream<JsonNode> cases() {
        return Stream.concat(Fixtures.cases("ltc.json").stream(), Fixtures.cases("cfc.json").stream());
    }

    static Stream<JsonNode> cfcCases() {
        return Fixtures.cases("cfc.json").stream();
    }

    /**
     * The fixture checkpoints were saved from an AutoNCP that ncps had built twice
     * (docs/NCPS.md#building-a-wiring-twice; see ReusedWiringTest), so their masks are those of the twice-built
     * wiring.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cfcCases")
    void wiredCfcMasksAreTheOnesNcpsBuiltFromTheWiring(JsonNode c) {
        JsonNode w = c.get("wiring");
        if (w == null || w.isNull()) {
            return; // dense: no masks
        }
        JsonNode args = w.get("args");
        Wiring wiring = new AutoNcpSpec(args.get("units").asInt(), args.get("output_size").asInt(),
                args.get("sparsity_level").asDouble(), args.get("seed").asLong()).buildTwice(args.get("input_dim").asInt());
        Map<String, NdArray> sd = FixtureModels.stateDict(c);
        Map<String, NdArray> fresh = NcpsInit.initialStateDict(FixtureModels.spec(c), wiring, 7);
        for (int l = 0; l < wiring.layerCount(); l++) {
            String mask = "rnn_cell.layer_" + l + ".sparsity_mask";
            assertThat(fresh.get(mask).toFloatArray()).as(mask).containsExactly(sd.get(mask).toFloatArray());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void initialWeightsLoadAndRunForEveryFixtureArchitecture(JsonNode c) {
        var spec = FixtureModels.spec(c);
        var wiring = FixtureModels.wiring(c);
        Map<String, NdArray> sd = NcpsInit.initialStateDict(spec, wiring, 7);
        assertThat(sd.keySet()).containsExactlyElementsOf(() -> c.get("state_dict").fieldNames());
        LiquidModel model = LiquidModel.fromStateDict(spec, wiring, sd);
        NdArray x = FixtureModels.tensor(c.get("input"));
        var result = new Simulator(model).run(SimulationInput.of(x));
        assertThat(result.states().allFinite()).isTrue();
        assertThat(NcpsInit.initialStateDict(spec, wiring, 7)).isEqualTo(sd);
        assertThat(NcpsInit.initialStateDict(spec, wiring, 8)).isNotEqualTo(sd);
    }

    @Test
    void ltcValuesFollowNcpsRangesAndTheWiring() {
        JsonNode c = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_default");
        var wiring = FixtureModels.wiring(c);
        Map<String, NdArray> sd = NcpsInit.initialStateDict(FixtureModels.spec(c), wiring, 1);
        assertRange(sd.get("rnn_cell.gleak"), 0.001, 1.0);
        assertRange(sd.get("rnn_cell.vleak"), -0.2, 0.2);
        assertRange(sd.get("rnn_cell.cm"), 0.4, 0.6);
        assertRange(sd.get("rnn_cell.sigma"), 3, 8);
        assertRange(sd.get("rnn_cell.sensory_mu"), 0.3, 0.8);
        assertRange(sd.get("rnn_cell.w"), 0.001, 1.0);
        float[] erev = sd.get("rnn_cell.erev").toFloatArray();
        float[] mask = sd.get("rnn_cell.sparsity_mask").toFloatArray();
        int n = wiring.units();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(erev[i * n + j]).isEqualTo((float) wiring.polarity(i, j));
                assertThat(mask[i * n + j]).isEqualTo((float) Math.abs(wiring.polarity(i, j)));
            }
        }
        assertThat(sd.get("rnn_cell.input_w").toFloatArray()).containsOnly(1f);
        assertThat(sd.get("rnn_cell.output_b").toFloatArray()).containsOnly(0f);
    }

    @Test
    void cfcWeightsAreXavierAndBiasesTorchDefault() {
        JsonNode c = Fixtures.caseNamed("cfc.json", "cfc_dense16_default_lecun_tanh_bl1");
        Map<String, NdArray> sd = NcpsInit.initialStateDict(FixtureModels.spec(c), null, 3);
        double xavier = Math.sqrt(6.0 / (128 + 24));
        assertRange(sd.get("rnn_cell.backbone.0.weight"), -xavier, xavier);
        assertRange(sd.get("rnn_cell.ff1.bias"), -1 / Math.sqrt(128), 1 / Math.sqrt(128));
        // spread: a uniform sample of 3,072 values reaches close to both bounds
        float[] w = sd.get("rnn_cell.backbone.0.weight").toFloatArray();
        double max = 0;
        for (float v : w) {
            max = Math.max(max, Math.abs(v));
        }
        assertThat(max).isGreaterThan(0.95 * xavier);
    }

    @Test
    void recurrentLstmMapIsOrthogonal() {
        float[] q = NcpsInit.orthogonal(12, 3, new SplittableRandom(5));
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double dot = 0;
                for (int r = 0; r < 12; r++) {
                    dot += q[r * 3 + a] * q[r * 3 + b];
                }
                assertThat(dot).isCloseTo(a == b ? 1.0 : 0.0, org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    private static void assertRange(NdArray a, double lo, double hi) {
        for (float v : a.toFloatArray()) {
            assertThat((double) v).isBetween(lo, hi);
        }
    }
}
