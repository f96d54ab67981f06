package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.LiquidLensException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    @Test
    void theDefaultIsThePapersNoiseLevelsWithTheCleanRunFirst() {
        List<Condition> c = Conditions.parse(Conditions.DEFAULT, 3);
        assertThat(c).extracting(Condition::name).containsExactly("clean", "noise 0.1", "noise 0.2", "noise 0.3");
        assertThat(c).extracting(Condition::level).containsExactly(0.0, 0.1, 0.2, 0.3);
        assertThat(c.get(0).isClean()).isTrue();
        assertThat(c.get(2).distractors().noise()).isEqualTo(0.2);
        assertThat(c).allMatch(x -> x.distractors().seed() == 3);
        assertThat(c.get(1).perturbation()).isEqualTo(new Perturbation.PixelNoise(0.1, false, 3));
    }

    @Test
    void vectorModelsDefaultToChannelNoiseOnTheChosenInputs() {
        assertThat(Conditions.defaultFor(true)).isEqualTo(Conditions.DEFAULT);
        List<String> inputs = List.of("a", "b", "n1", "s");

        List<Condition> c = Conditions.parse(Conditions.defaultFor(false), 5, inputs, List.of("n1", "s"));

        assertThat(c).extracting(Condition::name).containsExactly("clean", "channels 0.1", "channels 0.2",
                "channels 0.3");
        assertThat(c.get(3).perturbation()).isEqualTo(new Perturbation.ChannelNoise(List.of(2, 3), 0.3, 5));
    }

    @Test
    void kindsWithoutLevelsTakeTheSampleWorldsDefaults() {
        List<Condition> c = Conditions.parse("objects; shadows=0.3,0.6 ;occlusion", 0);
        assertThat(c).extracting(Condition::name).containsExactly("objects 8", "shadows 0.3", "shadows 0.6",
                "occlusion 2");
        assertThat(c.get(0).perturbation()).isInstanceOf(Perturbation.SampleWorld.class);
        assertThat(c.get(2).distractors().shadows()).isEqualTo(0.6);
    }

    @Test
    void badSpecsAreNamedWithWhatIsAccepted() {
        assertThatThrownBy(() -> Conditions.parse("fog=1", 0)).isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("unknown kind 'fog=1'").hasMessageContaining("noise, objects, shadows");
        assertThatThrownBy(() -> Conditions.parse("noise=0.1,0.1", 0)).hasMessageContaining("'noise 0.1' is given twice");
        assertThatThrownBy(() -> Conditions.parse("noise=lots", 0)).hasMessageContaining("'noise' needs a number");
        assertThatThrownBy(() -> Conditions.parse("shadows=2", 0)).hasMessageContaining("must be in [0.0, 0.95]");
        assertThatThrownBy(() -> Conditions.parse(" ", 0)).hasMessageContaining("--perturbations is empty");
    }

    @Test
    void vectorKindsResolveChannelsByName() {
        List<String> inputs = List.of("d", "mu", "kappa", "noise_1", "noise_2", "spurious_1");
        List<Condition> c = Conditions.parse("channels=0,0.2;spurious", 5, inputs, List.of("d", "kappa"));
        assertThat(c).extracting(Condition::name).containsExactly("clean", "channels 0.2", "spurious cue");
        assertThat(c.get(1).perturbation()).isEqualTo(new Perturbation.ChannelNoise(List.of(0, 2), 0.2, 5));
        assertThat(c.get(2).perturbation()).isEqualTo(new Perturbation.SpuriousCue(List.of(5), 0.1, 5));
        assertThat(c).noneMatch(Condition::drivable);
        assertThat(c.get(0).isClean()).isTrue();
        assertThat(c.get(2).isClean()).isFalse();
    }

    @Test
    void vectorKindsNeedVectorInputsThatExist() {
        assertThatThrownBy(() -> Conditions.parse("spurious", 0)).hasMessageContaining("is for vector models");
        assertThatThrownBy(() -> Conditions.parse("spurious", 0, List.of("d", "mu"), List.of()))
                .hasMessageContaining("needs inputs named spurious_*");
        assertThatThrownBy(() -> Conditions.parse("channels=0.1", 0, List.of("d", "mu"), List.of("speed")))
                .hasMessage("--channels: 'speed' is not one of the models' inputs [d, mu]");
    }
}
