package io.liquidlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.Evidence;
import io.liquidlens.causal.ModelAudit;
import io.liquidlens.causal.ModelGroup;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report of two groups of two hand-built networks each: tables, reading and figures speak of groups. */
class GroupReportTest {
    private static final CausalAudit HAND = HandBuiltAudit.audit();
    private static final List<ModelAudit> MEMBERS = members();
    private static final List<ModelGroup> GROUPS = List.of(new ModelGroup("ncp", List.of("ncp/1", "ncp/2")),
            new ModelGroup("odd", List.of("odd/1", "odd/2")));
    private static final CausalAudit GROUPED = audit(Evidence.of(MEMBERS, GROUPS, 5));

    private static List<ModelAudit> members() {
        List<ModelAudit> out = new ArrayList<>();
        for (String g : List.of("ncp", "odd")) {
            for (int i = 1; i <= 2; i++) {
                ModelAudit m = HAND.models().get(g.equals("ncp") ? 0 : 1);
                out.add(new ModelAudit(g + "/" + i, m.description(), m.conditions(), m.interventions(),
                        m.overlays()));
            }
        }
        return out;
    }

    private static CausalAudit audit(Evidence evidence) {
        return new CausalAudit(HAND.method(), HAND.output(), HAND.outputName(), HAND.conditions(), MEMBERS, evidence,
                HAND.provenance());
    }

    @Test
    void theMembersRowsAreAsWithoutGroupsAndTheGroupsRowsFollow() {
        List<MetricRow> alone = MetricsTable.rows(audit(Evidence.of(MEMBERS, 5)));
        List<MetricRow> grouped = MetricsTable.rows(GROUPED);
        assertThat(grouped.subList(0, alone.size())).isEqualTo(alone);
        List<MetricRow> groupRows = grouped.subList(alone.size(), grouped.size());
        assertThat(groupRows).extracting(MetricRow::section).containsOnly("group");
        assertThat(groupRows).extracting(MetricRow::model).containsOnly("ncp", "odd");
        MetricRow median = groupRows.stream().filter(r -> r.model().equals("ncp") && r.condition().equals("noise 0.1")
                && r.metric().equals("ssim_median")).findFirst().orElseThrow();
        assertThat(median.ciLow()).isLessThanOrEqualTo(median.value());
        assertThat(median.ciHigh()).isGreaterThanOrEqualTo(median.value());
        assertThat(groupRows).anyMatch(r -> r.model().equals("ncp") && r.metric().equals(Evidence.CRASH_RATE))
                .noneMatch(r -> r.model().equals("odd") && r.metric().equals(Evidence.CRASH_RATE));
    }

    @Test
    void theReadingAndTheKeyFiguresAreByGroup() {
        List<String> reading = Reading.paragraphs(GROUPED);
        assertThat(reading.get(0)).contains("group comparisons (every two groups");
        assertThat(String.join(" ", reading)).contains("ncp (2 seeds) vs odd (2 seeds)").containsPattern(
                "adjusted p [0-9.]+ \\(bootstrap p [0-9.]+\\)");
        Table key = Tables.keyFigures(GROUPED);
        assertThat(key.rows()).extracting(r -> r.get(0)).containsOnly("ncp (2 seeds)", "odd (2 seeds)");
        assertThat(Tables.comparisons(GROUPED).header()).contains("group a", "group b");
        assertThat(GroupTables.spread(GROUPED).rows()).isNotEmpty();
    }

    @Test
    void barsAreDrawnPerGroupWithTheMembersAsDots() {
        List<Figure> figures = Figures.of(GROUPED);
        assertThat(figures.subList(1, 4)).extracting(Figure::title).allMatch(t -> t.endsWith("by group"));
        for (Figure f : figures) {
            BufferedImage img = PaintedFigures.paint(f);
            assertThat(img.getRGB(0, 0)).as(f.title()).isEqualTo(0xffffffff);
        }
        assertThat(Figures.of(audit(Evidence.of(MEMBERS, 5)))).extracting(Figure::title)
                .noneMatch(t -> t.endsWith("by group"));
    }
}
