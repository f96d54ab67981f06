package io.liquidlens.app.traces;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.TestModels;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.spec.CtrnnSpec;
import io.liquidlens.spec.ReadoutSpec;
import io.liquidlens.spec.TorchRnnKind;
import io.liquidlens.spec.TorchRnnSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The middle chart per kind of cell: liquid taus as before, a CT-RNN's constant ones, a note for torch layers. */
class TauChartTest {
    private static final ReadoutSpec READOUT = new ReadoutSpec(1, true);

    @TempDir
    Path tmp;

    @Test
    void aLiquidModelKeepsItsChart() throws Exception {
        LoadedModel ltc = LoadedModel.load(TestModels.ltcFixture(tmp.resolve("m")));
        assertThat(TauChart.of(ltc)).isEqualTo(TauChart.LIQUID);
        assertThat(TauChart.LIQUID.title()).isEqualTo("Liquid time constant");
        assertThat(TauChart.of((LoadedModel) null).drawn()).isTrue();
    }

    @Test
    void aCtrnnsTauIsAConstantPerUnit() {
        TauChart chart = TauChart.of(new CtrnnSpec(6, true, READOUT));
        assertThat(chart.title()).isEqualTo("Time constant");
        assertThat(chart.drawn()).isTrue();
    }

    @Test
    void torchLayersHaveNoneAndTheNoteNamesTheLayer() {
        assertThat(TauChart.of(torch(TorchRnnKind.LSTM)).absent()).isEqualTo("no time constants: an LSTM's layers have none");
        assertThat(TauChart.of(torch(TorchRnnKind.GRU)).absent()).isEqualTo("no time constants: a GRU's layers have none");
        assertThat(TauChart.of(torch(TorchRnnKind.RNN_RELU)).absent()).isEqualTo("no time constants: an RNN's layers have none");
        assertThat(TauChart.of(torch(TorchRnnKind.LSTM)).drawn()).isFalse();
    }

    private static TorchRnnSpec torch(TorchRnnKind kind) {
        return new TorchRnnSpec(kind, 1, true, true, 0, READOUT);
    }
}
