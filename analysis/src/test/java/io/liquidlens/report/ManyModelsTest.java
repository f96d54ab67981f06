package io.liquidlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.ConditionResult;
import io.liquidlens.causal.Evidence;
import io.liquidlens.causal.FrameMetrics;
import io.liquidlens.causal.ModelAudit;
import io.liquidlens.drawing.Svg;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/** A report of many checkpoints: the x axis, the line charts, the compact tables; few models keep their bars. */
class ManyModelsTest {
    private static final CausalAudit TWO = HandBuiltAudit.audit();

    /**
     * {@code n} copies of the hand-built audit's first model (driven, with labels and overlays), the SSIM of the
     * i-th lowered by 0.01 i, named and trained as the functions say.
     */
    static CausalAudit audit(int n, IntFunction<String> name, IntUnaryOperator epochs) {
        ModelAudit first = TWO.models().get(0);
        List<ModelAudit> models = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<ConditionResult> results = new ArrayList<>();
            for (ConditionResult r : first.conditions()) {
                FrameMetrics f = r.frames();
                int k = i;
                results.add(new ConditionResult(r.condition(), new FrameMetrics(f.steps(), f.episodes(),
                        f.ssim().stream().map(v -> v - 0.01 * k).toList(), f.deviation(), f.distractorShare(),
                        f.taskShare(), f.distractorArea(), f.taskArea()), r.closedLoop()));
            }
            models.add(new ModelAudit(name.apply(i), first.description(), results, first.interventions(),
                    first.overlays(), first.inputRoles(), null, epochs.applyAsInt(i)));
        }
        return new CausalAudit(TWO.method(), TWO.output(), TWO.outputName(), TWO.conditions(), models,
                Evidence.of(models, 5), TWO.provenance());
    }

    @Test
    void theAxisIsTheEpochWhenEveryModelJsonSaysIt() {
        // given out of order, as a folder listing sorts e10 before e2
        CausalAudit audit = audit(12, i -> "ckpt-" + (char) ('a' + i), i -> (i * 7) % 12 + 1);
        ModelAxis axis = ModelAxis.of(audit.models());
        assertThat(axis.kind()).isEqualTo(ModelAxis.Kind.EPOCH);
        assertThat(axis.values()).startsWith(1.0, 8.0, 3.0);
        assertThat(axis.order()).startsWith(0, 7, 2);
        assertThat(axis.kind().label()).contains("epoch", "epochs_done");
    }

    @Test
    void withoutEveryEpochTheAxisIsTheNumberEndingTheFolderNames() {
        CausalAudit audit = audit(10, i -> i % 2 == 0 ? "ncp-epoch-" + (i + 1) : String.format("e%04d", i + 1),
                i -> i == 3 ? -1 : i);
        ModelAxis axis = ModelAxis.of(audit.models());
        assertThat(axis.kind()).isEqualTo(ModelAxis.Kind.NAME_NUMBER);
        assertThat(axis.values()).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
        assertThat(ModelAxis.trailingNumber("run (2)")).isNaN();
        assertThat(ModelAxis.trailingNumber("e0012")).isEqualTo(12.0);
    }

    @Test
    void epochsThatRepeatOrNamesWithoutDistinctNumbersFallBackToTheOrderGiven() {
        CausalAudit sameEpoch = audit(9, i -> "seed" + i % 3 + "-best", i -> 15);
        ModelAxis axis = ModelAxis.of(sameEpoch.models());
        assertThat(axis.kind()).isEqualTo(ModelAxis.Kind.INDEX);
        assertThat(axis.values()).startsWith(1.0, 2.0).endsWith(9.0);
        assertThat(axis.kind().label()).contains("order given");
        CausalAudit repeatedNumbers = audit(9, i -> "run" + (char) ('a' + i % 2) + "-e" + i / 2, i -> -1);
        assertThat(ModelAxis.of(repeatedNumbers.models()).kind()).isEqualTo(ModelAxis.Kind.INDEX);
    }

    @Test
    void manyModelsGetALinePerConditionAndThreeModelsInTheOverlaysAndInterventions() {
        CausalAudit audit = audit(12, i -> String.format("e%04d", i + 1), i -> i + 1);
        assertThat(ManyModels.applies(audit)).isTrue();
        List<Figure> figures = Figures.of(audit);
        assertThat(figures).extracting(f -> f.getClass().getSimpleName()).containsExactly("LineChart", "LineChart",
                "LineChart", "LineChart", "OverlayFigure", "InterventionBars");
        assertThat(figures).extracting(Figure::title).startsWith("SSIM of clean and perturbed saliency maps by model",
                "Crashes in closed loop by model");
        assertThat(figures.get(4).note()).startsWith("3 of 12 models").contains("e0001 (epoch 1)",
                "e0006 (epoch 6)", "e0012 (epoch 12)");
        String svg = Svg.element(figures.get(0), "t-");
        assertThat(svg).contains("epoch (model.json: provenance.training.epochs_done)", "noise 0.1", "objects 8")
                .as("the intervals as translucent bands").contains("fill-opacity");
        for (Figure f : figures) {
            BufferedImage img = PaintedFigures.paint(f);
            assertThat(img.getRGB(0, 0)).as(f.title()).isEqualTo(0xffffffff);
        }
    }

    @Test
    void theNoteNamingTheModelsShownFitsTheFigureWhateverTheirNames() {
        CausalAudit audit = audit(9, i -> "a-rather-long-checkpoint-folder-name-from-a-training-script-" + i,
                i -> i);
        String note = Figures.of(audit).get(4).note();
        assertThat(note).startsWith("3 of 9 models shown").doesNotContain("(epoch");
        assertThat(io.liquidlens.drawing.Fonts.width(Figure.SMALL, note))
                .isLessThanOrEqualTo(LegendChart.WIDTH - Figure.LEFT - 10);
    }

    @Test
    void theLineOfAConditionFallsWithTheSsimOfTheCheckpoints() {
        CausalAudit audit = audit(12, i -> String.format("e%04d", i + 1), i -> i + 1);
        LineChart ssim = (LineChart) Figures.of(audit).get(0);
        BufferedImage img = PaintedFigures.paint(ssim);
        // the noise condition's line (the second colour) is higher at the left than at the right
        int colour = Figure.colour(1).getRGB();
        int leftmost = Integer.MAX_VALUE;
        int rightmost = -1;
        int yLeft = -1;
        int yRight = -1;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 80; y < img.getHeight() - 50; y++) {
                if (img.getRGB(x, y) == colour) {
                    if (x < leftmost) {
                        leftmost = x;
                        yLeft = y;
                    }
                    if (x > rightmost) {
                        rightmost = x;
                        yRight = y;
                    }
                }
            }
        }
        assertThat(rightmost - leftmost).as("the line spans the plot").isGreaterThan(400);
        assertThat(yRight).as("lower SSIM is lower on the page").isGreaterThan(yLeft);
    }

    @Test
    void theKeyFiguresAreOneCompactTablePerFigureWithARowPerModelInAxisOrder() {
        CausalAudit audit = audit(10, i -> String.format("e%04d", 10 - i), i -> -1);
        List<Table> tables = Tables.opening(audit);
        assertThat(tables).extracting(Table::title).allMatch(t -> t.contains("(number: the number each model folder's name ends in)"));
        assertThat(tables).hasSize(4);
        Table ssim = tables.get(0);
        assertThat(ssim.header()).containsExactly("number", "model", "clean", "noise 0.1", "objects 8");
        assertThat(ssim.rows()).hasSize(10);
        assertThat(ssim.rows().get(0)).startsWith("1", "e0001");
        assertThat(ssim.rows().get(9)).startsWith("10", "e0010");
        double noisy = Summary.of(audit.models().get(9).conditions().get(1).frames().ssim()).median();
        assertThat(ssim.rows().get(0).get(3)).isEqualTo(Tables.number(noisy));
    }

    @Test
    void theReadingSaysPerConditionHowManyModelsDifferFromTheReference() {
        CausalAudit audit = audit(12, i -> String.format("e%04d", i + 1), i -> i + 1);
        List<String> reading = Reading.paragraphs(audit);
        assertThat(reading.get(0)).contains("each model against the reference e0001");
        String ssim = reading.stream().filter(p -> p.startsWith("Median SSIM")).findFirst().orElseThrow();
        // every frame of checkpoint i lost 0.01 i of its SSIM: each difference is exact, each one significant
        assertThat(ssim).contains("each model minus e0001",
                "noise 0.1: 11 of 11 differ significantly, from -0.1100 (e0012) to -0.01000 (e0002)");
        assertThat(reading).hasSize(1 + (int) audit.evidence().comparisons().stream()
                .map(Evidence.Comparison::metric).distinct().count());
    }

    @Test
    void eightModelsKeepTheirBarsTheSummaryAndEveryPair() {
        CausalAudit audit = audit(8, i -> String.format("e%04d", i + 1), i -> i + 1);
        assertThat(ManyModels.applies(audit)).isFalse();
        assertThat(audit.evidence().byReference()).isFalse();
        assertThat(Figures.of(audit)).extracting(f -> f.getClass().getSimpleName()).containsExactly("SsimBoxPlot",
                "GroupedBars", "GroupedBars", "GroupedBars", "OverlayFigure", "InterventionBars");
        assertThat(Tables.opening(audit)).extracting(Table::title).containsExactly(Tables.keyFigures(audit).title());
        assertThat(CausalReportWriter.files(audit)).hasSize(4);
    }
}
