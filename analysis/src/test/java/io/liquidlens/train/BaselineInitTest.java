package io.liquidlens.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.io.NdArray;
import io.liquidlens.model.BaselineLayout;
import io.liquidlens.model.FastMath;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.TorchRnnKind;
import io.liquidlens.testing.BaselineWeights;
import io.liquidlens.testing.CtrnnWeights;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fresh baseline weights follow torch's defaults: every tensor of an LSTM and its readout uniform within
 * +-1/sqrt(H) and filling that range, the CT-RNN's time constants all 1; the seed alone decides them.
 */
class BaselineInitTest {

    @Test
    void anLstmsTensorsAreUniformWithinOneOverTheRootOfItsHiddenUnits() {
        ModelSpec spec = BaselineWeights.torch(TorchRnnKind.LSTM, 5, 64, 2, 1, true);
        Map<String, NdArray> w = BaselineInit.initialStateDict(spec, 7);

        assertThat(w.keySet()).containsExactlyElementsOf(BaselineLayout.of(spec).stream().map(t -> t.name()).toList());
        double bound = 1 / Math.sqrt(64);
        for (Map.Entry<String, NdArray> e : w.entrySet()) {
            float[] v = e.getValue().toFloatArray();
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            double sum = 0;
            for (float f : v) {
                lo = Math.min(lo, f);
                hi = Math.max(hi, f);
                sum += f;
            }
            assertThat(lo).as(e.getKey()).isGreaterThanOrEqualTo(-bound);
            assertThat(hi).as(e.getKey()).isLessThanOrEqualTo(bound);
            if (v.length >= 256) { // wide enough to fill the range: the ends within 2% and a mean near 0
                assertThat(lo).as(e.getKey()).isLessThan(-0.98 * bound);
                assertThat(hi).as(e.getKey()).isGreaterThan(0.98 * bound);
                assertThat(Math.abs(sum / v.length)).as(e.getKey()).isLessThan(0.1 * bound);
            }
        }
        LiquidModel.fromStateDict(spec, w); // a complete, loadable state dict
    }

    @Test
    void aCtrnnStartsWithEveryTimeConstantAtOne() {
        ModelSpec spec = CtrnnWeights.spec(3, 10, 2, 6);
        float[] tauRaw = BaselineInit.initialStateDict(spec, 1).get(BaselineLayout.Ctrnn.TAU_RAW.key()).toFloatArray();

        for (float raw : tauRaw) {
            assertThat(FastMath.softplus(raw)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
        }
    }

    @Test
    void theSeedAloneDecidesTheWeights() {
        ModelSpec spec = BaselineWeights.torch(TorchRnnKind.GRU, 3, 8, 1, 1, true);
        String key = BaselineLayout.weightHh(0);

        float[] a = BaselineInit.initialStateDict(spec, 4).get(key).toFloatArray();
        float[] b = BaselineInit.initialStateDict(spec, 4).get(key).toFloatArray();
        float[] c = BaselineInit.initialStateDict(spec, 5).get(key).toFloatArray();

        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }
}
