package io.liquidlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.Evidence;
import io.liquidlens.causal.ModelAudit;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures' geometry: legends wrap instead of running off the page, and every figure paints. */
class FiguresTest {

    @Test
    void aLegendTooLongForOneRowWrapsAndTheFigureGrows() {
        CausalAudit two = HandBuiltAudit.audit();
        List<ModelAudit> many = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ModelAudit m = two.models().get(i % 2);
            many.add(new ModelAudit("fullyconnected-lanekeeping-" + i, m.description(), m.conditions(),
                    m.interventions(), m.overlays()));
        }
        CausalAudit four = new CausalAudit(two.method(), two.output(), two.outputName(), two.conditions(), many,
                Evidence.of(many, 0), two.provenance());
        GroupedBars wide = Figures.shares(four);
        assertThat(Figure.legendRows(List.of("x"), Figure.LEFT, 620)).isEqualTo(1);
        assertThat(wide.height()).isGreaterThan(Figures.shares(two).height());
        for (Figure f : Figures.of(four)) {
            BufferedImage img = PaintedFigures.paint(f);
            assertThat(img.getRGB(0, 0)).as(f.title()).isEqualTo(0xffffffff);
        }
    }

    @Test
    void quartilesInterpolateAndWhiskersStopAtOneAndAHalfIqr() {
        Summary s = Summary.of(List.of(1.0, 2.0, 3.0, 4.0, 100.0, Double.NaN));
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.median()).isEqualTo(3.0);
        assertThat(s.q1()).isEqualTo(2.0);
        assertThat(s.q3()).isEqualTo(4.0);
        assertThat(s.high()).isEqualTo(4.0);
        assertThat(s.low()).isEqualTo(1.0);
        assertThat(s.outliers(List.of(1.0, 2.0, 3.0, 4.0, 100.0))).containsExactly(100.0);
        assertThat(Summary.of(List.of(Double.NaN)).mean()).isNaN();
    }
}
