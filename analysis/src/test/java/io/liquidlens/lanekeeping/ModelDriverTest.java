package io.liquidlens.lanekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.LiquidLensException;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.Intervention;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Driving the camera sample with its own network and with a changed (clamped) copy of it. */
class ModelDriverTest {
    private static final int STEPS = 40;

    private static LoadedModel cameraSample() {
        Path folder = Stream.of(Path.of("../sample-models/ncp-lanekeeping"), Path.of("sample-models/ncp-lanekeeping"))
                .filter(p -> p.resolve("model.json").toFile().isFile()).findFirst().orElseThrow();
        return LoadedModel.load(folder);
    }

    private static float[] drive(LoadedModel model, ModelDriver driver) {
        Episode episode = new Episode(EpisodeOptions.defaults(STEPS), Sensors.camera(Distractors.none()));
        return episode.run(EpisodeSeeds.episodeSeed(0, 0, true), driver, true).rollout().position().toFloatArray();
    }

    @Test
    void theOwnNetworkGivenExplicitlyDrivesExactlyAsTheModel() {
        LoadedModel model = cameraSample();
        Sensor camera = Sensors.camera(Distractors.none());
        assertThat(drive(model, ModelDriver.of(model, model.network(), camera)))
                .isEqualTo(drive(model, ModelDriver.of(model, camera)));
    }

    @Test
    void aClampedMotorNeuronSteersConstantlyAndTheCarsPathChanges() {
        LoadedModel model = cameraSample();
        var wiring = model.network().connectivity().orElseThrow();
        int motor = java.util.stream.IntStream.range(0, wiring.units())
                .filter(id -> wiring.role(id) == io.liquidlens.wiring.NeuronRole.MOTOR).findFirst().orElseThrow();
        var clamped = Intervention.apply(model.network(), List.of(new Intervention.ClampNeuron(motor, 1.5f)));
        Sensor camera = Sensors.camera(Distractors.none());
        Episode episode = new Episode(EpisodeOptions.defaults(STEPS), camera);
        var result = episode.run(EpisodeSeeds.episodeSeed(0, 0, true), ModelDriver.of(model, clamped, camera), true);

        float[] actions = result.rollout().actions().toFloatArray();
        for (float a : actions) {
            assertThat(a).isEqualTo(actions[0]);
        }
        assertThat(result.rollout().position().toFloatArray()).isNotEqualTo(drive(model, ModelDriver.of(model, camera)));
    }

    @Test
    void aNetworkOfAnotherShapeIsRefusedNamingTheModel() {
        LoadedModel model = cameraSample();
        LoadedModel other = LoadedModel.load(model.folder().resolveSibling("vector-lanekeeping"));
        assertThatThrownBy(() -> ModelDriver.of(model, other.network(), Sensors.camera(Distractors.none())))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("ncp-lanekeeping");
    }
}
