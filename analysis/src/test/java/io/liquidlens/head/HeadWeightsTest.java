package io.liquidlens.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.io.DType;
import io.liquidlens.io.NdArray;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fresh weights (torch's default ranges, from a seed) and weights read from a state dict. */
class HeadWeightsTest {
    private static final HeadSpec NCP = HeadSpec.fromJson(HeadSpecJsonTest.json(HeadSpecJsonTest.NCP_HEAD));

    @Test
    void initialWeightsFillTorchsRangeOneOverSqrtFanIn() {
        Map<String, NdArray> w = HeadInit.torchDefaults(NCP, 1234);
        assertThat(w.keySet()).containsExactlyElementsOf(NCP.tensorShapes().keySet());
        // fan_in: conv 3*5*5 = 75, conv 24*5*5 = 600, channel_linear 48 (per-channel nn.Linear(48, 4))
        assertFillsRange(w.get("head.0.weight"), 1 / Math.sqrt(75));
        assertFillsRange(w.get("head.0.bias"), 1 / Math.sqrt(75));
        assertFillsRange(w.get("head.2.weight"), 1 / Math.sqrt(600));
        assertFillsRange(w.get("head.10.weight"), 1 / Math.sqrt(48));
        assertThat(w.get("head.10.bias").shape()).containsExactly(8, 4);
        assertThat(w.get("head.0.weight").dtype()).isEqualTo(DType.FLOAT32);
    }

    private static void assertFillsRange(NdArray t, double bound) {
        double[] v = t.toDoubleArray();
        double max = 0;
        double mean = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
            mean += x / v.length;
        }
        assertThat(max).isLessThanOrEqualTo(bound);
        if (v.length >= 24) { // large tensors reach close to the bound and centre on 0
            assertThat(max).isGreaterThan(0.8 * bound);
            assertThat(Math.abs(mean)).isLessThan(0.5 * bound);
        }
    }

    @Test
    void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers() {
        Map<String, NdArray> a = HeadInit.torchDefaults(NCP, 7);
        Map<String, NdArray> b = HeadInit.torchDefaults(NCP, 7);
        Map<String, NdArray> c = HeadInit.torchDefaults(NCP, 8);
        assertThat(a).isEqualTo(b);
        assertThat(a.get("head.0.weight")).isNotEqualTo(c.get("head.0.weight"));
    }

    @Test
    void stateDictProblemsNameTheTensor() {
        Map<String, NdArray> sd = new HashMap<>(HeadInit.torchDefaults(NCP, 1));
        sd.put("rnn_cell.w", NdArray.ofFloats(new int[] {2}, new float[] {1, 2})); // the cell's tensors are ignored
        assertThat(PerceptionHead.fromStateDict(NCP, sd).outputSize()).isEqualTo(32);

        Map<String, NdArray> missing = new HashMap<>(sd);
        missing.remove("head.4.bias");
        assertThatThrownBy(() -> PerceptionHead.fromStateDict(NCP, missing))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("missing head tensor head.4.bias [48]");

        Map<String, NdArray> shape = new HashMap<>(sd);
        shape.put("head.0.weight", NdArray.ofFloats(new int[] {24, 5, 5, 3}, new float[24 * 75]));
        assertThatThrownBy(() -> PerceptionHead.fromStateDict(NCP, shape))
                .hasMessage("head tensor head.0.weight has shape [24, 5, 5, 3], expected [24, 3, 5, 5]");

        Map<String, NdArray> nan = new HashMap<>(sd);
        float[] bias = new float[8];
        bias[3] = Float.NaN;
        nan.put("head.8.bias", NdArray.ofFloats(new int[] {8}, bias));
        assertThatThrownBy(() -> PerceptionHead.fromStateDict(NCP, nan))
                .hasMessage("head tensor head.8.bias holds NaN at flat index 3; every value must be finite");

        Map<String, NdArray> ints = new HashMap<>(sd);
        ints.put("head.8.bias", NdArray.ofLongs(DType.INT64, new int[] {8}, new long[8]));
        assertThatThrownBy(() -> PerceptionHead.fromStateDict(NCP, ints))
                .hasMessageStartingWith("head tensor head.8.bias holds ").hasMessageEndingWith("expected floating-point numbers");
    }

    @Test
    void aWorkspaceServesOnlyItsOwnHead() {
        Map<String, NdArray> sd = HeadInit.torchDefaults(NCP, 1);
        PerceptionHead one = PerceptionHead.fromStateDict(NCP, sd);
        PerceptionHead other = PerceptionHead.fromStateDict(NCP, sd);
        assertThatThrownBy(() -> one.forward(new float[NCP.input().size()], 0, other.newWorkspace(), new float[32], 0))
                .hasMessageContaining("workspace belongs to another head");
    }
}
