package io.liquidlens.dynamics.figures;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.drawing.Fonts;
import io.liquidlens.dynamics.Correlation;
import io.liquidlens.dynamics.NeuronDynamics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules the dynamics figures draw by: steering classes, axes, colour ranges, which neurons are drawn. */
class DynamicsFiguresTest {

    private static NeuronDynamics neuron(int id, double lmax, double tauMedian) {
        return new NeuronDynamics(id, "inter " + id + " (id " + id + ")", "I" + id, new Correlation(0.5, 0.4),
                Map.of(), lmax, tauMedian / 2, tauMedian, tauMedian * 2);
    }

    @Test
    void theStraightBandIsTheThirdQuantileOfTheOutputsSize() {
        // |v| sorted: 0 1 1 2 2 3 3; the 1/3 quantile sits at position 2 of 0..6
        SteeringClasses c = new SteeringClasses(new float[] {-3, -2, -1, 0, 1, 2, 3});
        assertThat(c.band).isEqualTo(1.0);
        assertThat(List.of(c.of(0), c.of(2), c.of(3), c.of(4), c.of(5)))
                .containsExactly(SteeringClasses.RIGHT, SteeringClasses.STRAIGHT, SteeringClasses.STRAIGHT,
                        SteeringClasses.STRAIGHT, SteeringClasses.LEFT);
        assertThat(c.rule()).contains("b = 1 (the 1/3 quantile of |v|)");
    }

    @Test
    void aLogAxisSpansWholeDecadesWithATickEach() {
        Axis a = Axis.log(0.012, 0.62);
        assertThat(a.min).isEqualTo(0.01);
        assertThat(a.max).isEqualTo(1.0);
        assertThat(a.ticks()).containsExactly(0.01, 0.1, 1.0);
        assertThat(a.ticks().stream().map(a::label).toList()).containsExactly("0.01", "0.1", "1");
        assertThat(a.fraction(0.1)).isEqualTo(0.5);
        Axis tiny = Axis.log(1.5e-5, 2e-5);
        assertThat(tiny.ticks().stream().map(tiny::label).toList()).containsExactly("1e-5", "1e-4");
    }

    @Test
    void aLinearAxisWidensToRoundTicks() {
        Axis a = Axis.linear(0.13, 0.87);
        assertThat(a.min).isEqualTo(0.0);
        assertThat(a.max).isEqualTo(1.0);
        assertThat(a.ticks()).hasSize(6);
        assertThat(a.label(0.2)).isEqualTo("0.2");
        Axis flat = Axis.linear(3, 3);
        assertThat(flat.min).isLessThan(3);
        assertThat(flat.max).isGreaterThan(3);
    }

    @Test
    void theMapsColourScaleIsClampedAtThe1stAnd99thPercentiles() {
        float[] v = new float[101];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        v[100] = 1e6f;
        assertThat(DriveMap.range(List.of(v))).containsExactly(1.0, 99.0);
        assertThat(ColourRamp.level(-5, 1, 99)).isZero();
        assertThat(ColourRamp.level(1e6, 1, 99)).isEqualTo(ColourRamp.LEVELS - 1);
    }

    @Test
    void lmaxDrawsTheNeuronsThatMoveRoughestFirst() {
        List<NeuronDynamics> drawn = LmaxChart.drawn(List.of(neuron(0, 0.5, 1), neuron(1, 0, 1),
                neuron(2, Double.NaN, 1), neuron(3, 2, 1)));
        assertThat(drawn).extracting(NeuronDynamics::neuron).containsExactly(3, 0);
    }

    @Test
    void textIsWrappedToThePageWithoutLosingAWord() {
        String text = "the quick brown fox jumps over the lazy dog ".repeat(20).trim();
        List<String> lines = TextPage.wrap(text, 200);
        assertThat(lines).hasSizeGreaterThan(5);
        assertThat(lines).allMatch(l -> Fonts.width(Chart.TEXT, l) <= 200);
        assertThat(String.join(" ", lines)).isEqualTo(text);
    }
}
