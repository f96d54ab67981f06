package io.liquidlens.lanekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.LiquidLensException;
import org.junit.jupiter.api.Test;

class DistractorsTest {

    @Test
    void parsesTheIssuesExampleWithDefaultsForNamesWithoutValues() {
        Distractors d = Distractors.parse("objects,shadows,noise=0.2,brightness,occlusion");
        assertThat(d).isEqualTo(new Distractors(8, 0.5, 0.2, 0.3, 2, false, 0));
        assertThat(d.any()).isTrue();
        assertThat(d.hasScreenEffects()).isTrue();
    }

    @Test
    void parsesValuesSpacesCaseAndTheClipFlag() {
        Distractors d = Distractors.parse(" Noise = 0.3 , clip, occlusion=4,objects=20 ");
        assertThat(d).isEqualTo(new Distractors(20, 0, 0.3, 0, 4, true, 0));
    }

    @Test
    void emptyAndNoneMeanACleanWorld() {
        assertThat(Distractors.parse("")).isEqualTo(Distractors.none());
        assertThat(Distractors.parse("none")).isEqualTo(Distractors.none());
        assertThat(Distractors.parse(null)).isEqualTo(Distractors.none());
        assertThat(Distractors.none().any()).isFalse();
    }

    @Test
    void describeReadsBackToTheSameDistractors() {
        Distractors d = new Distractors(12.5, 0.4, 0.1, 0.2, 3, true, 77);
        assertThat(Distractors.parse(d.describe()).withSeed(77)).isEqualTo(d);
        assertThat(Distractors.none().describe()).isEqualTo("none");
        assertThat(Distractors.all().describe()).isEqualTo("objects=8.0,shadows=0.5,noise=0.1,brightness=0.3,occlusion=2");
    }

    @Test
    void anUnknownNameIsRejectedWithTheAcceptedNames() {
        assertThatThrownBy(() -> Distractors.parse("objects,fog"))
                .isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("unknown kind 'fog'")
                .hasMessageContaining("objects").hasMessageContaining("shadows").hasMessageContaining("noise")
                .hasMessageContaining("brightness").hasMessageContaining("occlusion").hasMessageContaining("clip")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Distractors.parse("objects,,noise")).hasMessageContaining("unknown kind ''");
    }

    @Test
    void badValuesAreRejectedNamingTheKind() {
        assertThatThrownBy(() -> Distractors.parse("noise=-0.1")).isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("'noise'").hasMessageContaining("[0.0, 1.0]").hasMessageContaining("-0.1");
        assertThatThrownBy(() -> Distractors.parse("noise=lots")).hasMessageContaining("'noise' needs a number");
        assertThatThrownBy(() -> Distractors.parse("noise=NaN")).hasMessageContaining("'noise' needs a number");
        assertThatThrownBy(() -> Distractors.parse("occlusion=1.5")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> Distractors.parse("occlusion=17")).hasMessageContaining("'occlusion'");
        assertThatThrownBy(() -> Distractors.parse("clip=1")).hasMessageContaining("takes no value");
        assertThatThrownBy(() -> Distractors.parse("noise,noise=0.2")).hasMessageContaining("given twice");
    }

    @Test
    void everyIntensityIsCheckedAtItsBoundaries() {
        assertThat(new Distractors(50, 0.95, 1, 0.9, 16, true, 1).any()).isTrue();
        assertThatThrownBy(() -> new Distractors(50.1, 0, 0, 0, 0, false, 0)).hasMessageContaining("'objects'");
        assertThatThrownBy(() -> new Distractors(-1, 0, 0, 0, 0, false, 0)).hasMessageContaining("'objects'");
        assertThatThrownBy(() -> new Distractors(0, 0.96, 0, 0, 0, false, 0)).hasMessageContaining("'shadows'");
        assertThatThrownBy(() -> new Distractors(0, -0.1, 0, 0, 0, false, 0)).hasMessageContaining("'shadows'");
        assertThatThrownBy(() -> new Distractors(0, 0, 1.01, 0, 0, false, 0)).hasMessageContaining("'noise'");
        assertThatThrownBy(() -> new Distractors(0, 0, Double.NaN, 0, 0, false, 0)).hasMessageContaining("'noise'");
        assertThatThrownBy(() -> new Distractors(0, 0, 0, 0.91, 0, false, 0)).hasMessageContaining("'brightness'");
        assertThatThrownBy(() -> new Distractors(0, 0, 0, -0.1, 0, false, 0)).hasMessageContaining("'brightness'");
        assertThatThrownBy(() -> new Distractors(0, 0, 0, 0, -1, false, 0)).hasMessageContaining("'occlusion'");
    }
}
