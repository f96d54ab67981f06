package io.liquidlens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.LiquidLensException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The workbench command line and its start-up defaults. */
class LaunchOptionsTest {
    @Test
    void modelRolloutAndProbe() {
        LaunchOptions o = LaunchOptions.parse(List.of("m", "r.npz", "--probe", "10", "--speed", "8"));
        assertThat(o).isEqualTo(new LaunchOptions(Path.of("m"), Path.of("r.npz"), 10, 8));
        assertThat(LaunchOptions.parse(o.toArgs())).isEqualTo(o);
    }

    @Test
    void nothingGivenTakesTheDefaultsButAGivenModelWins() {
        LaunchOptions none = LaunchOptions.parse(List.of("--probe", "3"));
        assertThat(none.orElse(Path.of("sample"), Path.of("s.npz")))
                .isEqualTo(new LaunchOptions(Path.of("sample"), Path.of("s.npz"), 3, 1));
        assertThat(LaunchOptions.parse(List.of("mine")).orElse(Path.of("sample"), Path.of("s.npz")).rollout()).isNull();
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--speed", "16")))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("--speed").hasMessageContaining("16");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--probe")))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--fast")))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("unknown option --fast");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("a", "b", "c")))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("too many");
    }

    @Test
    void aCheckpointGivenAsTheModelIsOneLinePointingToImport() {
        for (String file : List.of("weights.pt", "run/Model.PTH", "w.safetensors")) {
            assertThatThrownBy(() -> LaunchOptions.parse(List.of(file)))
                    .isInstanceOf(LiquidLensException.class)
                    .hasMessage(Path.of(file) + " is a checkpoint, not a model folder (model.json + weights); make one"
                            + " with: liquidlens import " + Path.of(file) + " --out DIR");
        }
        assertThat(LaunchOptions.parse(List.of("model-dir/model.json")).model()).hasToString("model-dir/model.json");
    }

    @Test
    void theSampleModelIsFoundFromTheBuildFolder() {
        // tests run in app/, where sample-models is not: it is found next to target/classes, two levels up
        LaunchOptions defaults = Launcher.defaults();
        assertThat(defaults.model()).isNotNull();
        assertThat(defaults.model().resolve("model.json")).exists();
        assertThat(defaults.model().getFileName()).hasToString("ncp-lanekeeping");
    }
}
