package io.liquidlens.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.io.NdArray;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.ReadoutSpec;
import io.liquidlens.spec.TorchRnnKind;
import io.liquidlens.spec.TorchRnnSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.train.NcpsInit;
import io.liquidlens.wiring.FullyConnectedSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The estimate that refuses a model before it is allocated is of the order of what loading really takes. */
class ModelMemoryTest {

    @Test
    void theEstimateOfAFullyConnectedLtcIsWithinAFactorOfThreeOfARealLoad() {
        ModelSpec spec = new ModelSpec(10, new UnitsSpec.Wired(new FullyConnectedSpec(800)), LtcSpec.defaults());
        long before = usedAfterGc();
        Map<String, NdArray> weights = NcpsInit.initialStateDict(spec, 1);
        LiquidModel model = LiquidModel.fromStateDict(spec, weights);
        long used = usedAfterGc() - before;
        long estimate = ModelMemory.bytes(spec, null);

        assertThat(model.stateSize()).isEqualTo(800);
        assertThat(weights).isNotEmpty();
        assertThat(used).as("a real load takes tens of MB").isGreaterThan(5_000_000L);
        assertThat((double) estimate / used).as("estimate %d against %d bytes used", estimate, used)
                .isBetween(1 / 3.0, 3.0);
    }

    @Test
    void theEstimateOfAnLstmBaselineIsWithinAFactorOfThreeOfARealLoad() {
        ModelSpec spec = new ModelSpec(10, new UnitsSpec.Dense(1000), new TorchRnnSpec(TorchRnnKind.LSTM, 1, true,
                true, 0.0, new ReadoutSpec(2, true)));
        long before = usedAfterGc();
        Map<String, NdArray> weights = new LinkedHashMap<>();
        for (Tensor t : StateDictLayout.of(spec)) {
            weights.put(t.name(), NdArray.ofFloats(t.shape(), new float[t.size()]));
        }
        LiquidModel model = LiquidModel.fromStateDict(spec, weights);
        long used = usedAfterGc() - before;
        long estimate = ModelMemory.bytes(spec, null);

        assertThat(model.stateSize()).isEqualTo(1000);
        assertThat(used).as("a real load takes tens of MB").isGreaterThan(5_000_000L);
        assertThat((double) estimate / used).as("estimate %d against %d bytes used", estimate, used)
                .isBetween(1 / 3.0, 3.0);
    }

    @Test
    void theEstimateGrowsWithTheSquareOfTheUnits() {
        long small = ModelMemory.bytes(fullyConnected(1000), null);
        long large = ModelMemory.bytes(fullyConnected(10_000), null);
        assertThat((double) large / small).isBetween(90.0, 110.0);
    }

    @Test
    void aWiringOfTheLargestAcceptedSizeNeedsGigabytes() {
        assertThat(ModelMemory.bytes(fullyConnected(10_000), null)).isBetween(1_000_000_000L, 20_000_000_000L);
        assertThat(ModelMemory.trainingBytes(fullyConnected(10_000), null))
                .isGreaterThan(ModelMemory.bytes(fullyConnected(10_000), null));
    }

    private static ModelSpec fullyConnected(int units) {
        return new ModelSpec(6, new UnitsSpec.Wired(new FullyConnectedSpec(units)), LtcSpec.defaults());
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
