package io.liquidlens.tree;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.provenance.Provenance;
import io.liquidlens.stats.BlockBootstrap;
import io.liquidlens.stats.Blocks;
import io.liquidlens.stats.Interval;
import io.liquidlens.stats.Statistic;
import io.liquidlens.tree.weka.J48Learner;
import java.util.List;
import org.junit.jupiter.api.Test;

class FidelityIntervalTest {
    private static final Provenance PROVENANCE = Provenance.of("test").build();

    @Test
    void theReportedIntervalIsTheBlockBootstrapOfTheHeldOutStepsAgreement() {
        TreeDataset data = SyntheticData.rule(8, 150, 0.2, 6);
        TreeOptions o = TreeOptions.defaults();
        TreeResult r = new TreeExtraction(new J48Learner()).run(data, o, PROVENANCE, TreeProgress.NONE);
        int[] held = r.split().rows(true);
        double[] agree = new double[held.length];
        int[] episode = new int[held.length];
        for (int i = 0; i < held.length; i++) {
            agree[i] = r.tree().classify(data.row(held[i])) == data.labels()[held[i]] ? 1 : 0;
            episode[i] = data.episodes()[held[i]];
        }
        Blocks blocks = Blocks.of(episode);
        Interval direct = BlockBootstrap.of(blocks, o.seed()).interval(agree, Statistic.MEAN, 0.95);

        assertThat(r.fidelityInterval().interval()).isEqualTo(direct);
        assertThat(r.fidelityInterval().resampled()).isEqualTo(blocks.describe()).startsWith("contiguous blocks");
        assertThat(direct.low()).isLessThan(r.fidelity()).isGreaterThan(0.5);
        assertThat(direct.high()).isGreaterThan(r.fidelity()).isLessThan(1.0);
        assertThat(TreeCaption.fidelity(r)).isEqualTo(String.format(java.util.Locale.ROOT,
                "fidelity %.4f [%.4f, %.4f]", r.fidelity(), direct.low(), direct.high()));
    }

    @Test
    void eightOrMoreHeldOutEpisodesAreResampledWhole() {
        TreeDataset data = SyntheticData.rule(40, 30, 0.2, 7);
        TreeResult r = new TreeExtraction(new J48Learner()).run(data, TreeOptions.defaults(), PROVENANCE,
                TreeProgress.NONE);
        assertThat(r.split().heldOut()).hasSize(10);
        assertThat(r.fidelityInterval().resampled()).isEqualTo("whole episodes (10 blocks)");
        assertThat(r.fidelityInterval().interval().contains(r.fidelity())).isTrue();
    }

    @Test
    void theHeldOutBlocksOfOneEpisodeAreNeverJoinedAcrossTheStepsBetweenThem() {
        // one episode cut into 5 groups, some held out: the bootstrap's blocks stay inside a held-out group
        TreeDataset data = SyntheticData.rule(1, 1000, 0.2, 8);
        EpisodeSplit split = EpisodeSplit.of(data, TreeOptions.defaults());
        int[] held = split.rows(true);
        int[] groups = split.groupsOf(held);
        for (int i = 0; i < held.length; i++) {
            assertThat(groups[i]).isEqualTo(split.groupOf()[held[i]]);
        }
        double[] agree = new double[held.length];
        java.util.Arrays.fill(agree, 1);
        FidelityInterval all = FidelityInterval.of(agree, groups, 3);
        assertThat(all.interval().low()).isEqualTo(1.0);
        assertThat(all.resampled()).isEqualTo(Blocks.of(groups).describe());
    }

    @Test
    void everySweepPointCarriesItsOwnInterval() {
        TreeDataset data = SyntheticData.rule(8, 200, 0.15, 4);
        TreeOptions d = TreeOptions.defaults();
        TreeOptions o = new TreeOptions(d.features(), d.label(), d.j48(), d.heldOut(), d.folds(), d.seed(),
                List.of(2, 500));
        TreeResult r = new TreeExtraction(new J48Learner()).run(data, o, PROVENANCE, TreeProgress.NONE);
        // the sweep's tree of min leaf 2 is the reported one (same options, same rows), so their intervals agree
        assertThat(r.sweep().get(0).fidelityInterval()).isEqualTo(r.fidelityInterval().interval());
        assertThat(r.sweep().get(1).fidelityInterval().contains(r.sweep().get(1).fidelity())).isTrue();
    }
}
