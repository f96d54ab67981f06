package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.io.Rollout;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.provenance.Provenance;
import io.liquidlens.sim.ProgressListener;
import io.liquidlens.testing.RolloutSlices;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit of two camera samples on the recorded clean trace, with few frames and short drives. */
class CausalAuditorTest {
    private static final AuditOptions OPTIONS = new AuditOptions(SaliencySpec.of(SaliencyChoice.VBP), 0, 6, 1, 1, 40, 7, true);
    private static List<CausalAuditor.Subject> models;
    private static Rollout clean;
    private static List<Condition> conditions;
    private static CausalAudit audit;

    @BeforeAll
    static void measure() {
        models = List.of(subject("ncp-lanekeeping"), subject("fullyconnected-lanekeeping"));
        // the first 150 steps: the left bend, two roadside objects, and quick to re-render
        clean = RolloutSlices.head(RecordedEpisodeTest.trace("clean"), 150);
        conditions = Conditions.parse("noise=0,0.2;objects", 7);
        audit = run(ProgressListener.NONE);
    }

    private static CausalAuditor.Subject subject(String name) {
        return new CausalAuditor.Subject(name, LoadedModel.load(RecordedEpisodeTest.ROOT.resolve("sample-models/" + name)));
    }

    private static CausalAudit run(ProgressListener listener) {
        return CausalAuditor.run(models, List.of(clean), conditions, OPTIONS,
                Provenance.of("test").option("seed", 7).build(), listener);
    }

    @Test
    void everyModelCarriesTheDynamicsOfItsCleanReplayWithIntervals() {
        for (int i = 0; i < models.size(); i++) {
            var d = audit.models().get(i).dynamics();
            var net = models.get(i).model().network();
            var direct = io.liquidlens.dynamics.Dynamics.analyse(net, "m",
                    List.of(new io.liquidlens.dynamics.LabelledRollout("clean", clean)),
                    new io.liquidlens.dynamics.DynamicsOptions(false, 0.01, 0, 0), ProgressListener.NONE);
            assertThat(d.steps()).isEqualTo(150);
            assertThat(d.pc1Share()).as(models.get(i).name()).isCloseTo(direct.pca().pc1Share(),
                    org.assertj.core.api.Assertions.within(1e-9));
            assertThat(d.pc1ShareCi().contains(d.pc1Share())).isTrue();
            assertThat(d.lmaxMax()).isCloseTo(direct.neurons().stream()
                    .mapToDouble(io.liquidlens.dynamics.NeuronDynamics::lmax).max().orElseThrow(),
                    org.assertj.core.api.Assertions.within(1e-9));
            assertThat(d.resampling()).contains("blocks");
        }
    }

    @Test
    void theCleanConditionLeavesMapsAndOutputsAsTheyWere() {
        for (ModelAudit m : audit.models()) {
            FrameMetrics f = m.conditions().get(0).frames();
            assertThat(m.conditions().get(0).condition().isClean()).isTrue();
            assertThat(f.ssim()).as(m.name()).allMatch(s -> s == 1.0);
            assertThat(f.deviation()).as(m.name()).allMatch(d -> d == 0.0);
        }
    }

    @Test
    void noiseMovesTheMapsAndTheOutput() {
        for (ModelAudit m : audit.models()) {
            FrameMetrics f = m.conditions().get(1).frames();
            assertThat(f.ssim()).as(m.name()).allMatch(s -> s < 1 && s > -1);
            assertThat(f.deviation().stream().mapToDouble(Double::doubleValue).max().orElseThrow()).isPositive();
        }
    }

    @Test
    void objectsDrawSaliencyOnlyWhereTheLabelsSayDistractor() {
        for (ModelAudit m : audit.models()) {
            FrameMetrics clean = m.conditions().get(0).frames();
            FrameMetrics objects = m.conditions().get(2).frames();
            assertThat(clean.distractorShare()).as("the clean trace has no distractor pixels").allMatch(s -> s == 0.0);
            assertThat(objects.distractorShare()).anyMatch(s -> s > 0);
            for (int k = 0; k < objects.steps().size(); k++) {
                assertThat(objects.distractorShare().get(k) + objects.taskShare().get(k)).isBetween(0.0, 1.0 + 1e-12);
            }
        }
    }

    @Test
    void everyModelAndConditionIsMeasuredOnTheSameSteps() {
        List<Integer> steps = audit.models().get(0).conditions().get(0).frames().steps();
        assertThat(steps).hasSize(6).doesNotHaveDuplicates().allMatch(s -> s >= 0 && s < clean.steps());
        for (ModelAudit m : audit.models()) {
            for (ConditionResult c : m.conditions()) {
                assertThat(c.frames().steps()).isEqualTo(steps);
            }
        }
    }

    @Test
    void eachConditionIsDrivenClosedLoopAndEachModelKeepsOverlays() {
        for (ModelAudit m : audit.models()) {
            for (ConditionResult c : m.conditions()) {
                ClosedLoopResult d = c.drive().orElseThrow();
                assertThat(d.episodes()).isEqualTo(1);
                assertThat(d.steps()).isEqualTo(40);
                assertThat(d.meanAbsD()).isFinite();
            }
            assertThat(m.overlays()).hasSize(conditions.size());
            assertThat(m.overlays().get(0).cleanFrame().shape()).containsExactly(32, 96, 3);
        }
    }

    @Test
    void decisionNeuronsAreRankedByTheirClampEffect() {
        ModelAudit ncp = audit.models().get(0);
        var wiring = models.get(0).model().network().connectivity().orElseThrow();
        long intoMotor = wiring.synapses().stream().filter(s -> wiring.role(s[0]) == io.liquidlens.wiring.NeuronRole.COMMAND
                && wiring.role(s[1]) == io.liquidlens.wiring.NeuronRole.MOTOR).count();
        assertThat(intoMotor).isPositive();
        assertThat(ncp.interventions()).filteredOn(e -> e.action().startsWith("clamp")).hasSize(2 * 6)
                .extracting(InterventionEffect::target).allMatch(t -> t.matches("C\\d"));
        assertThat(ncp.interventions()).filteredOn(e -> e.action().equals("cut")).hasSize((int) intoMotor)
                .extracting(InterventionEffect::target).allMatch(t -> t.matches("C\\d -> M0"));
        for (int i = 1; i < ncp.interventions().size(); i++) {
            assertThat(ncp.interventions().get(i).meanAbsChange())
                    .isLessThanOrEqualTo(ncp.interventions().get(i - 1).meanAbsChange());
        }
        assertThat(ncp.interventions().get(0).meanAbsChange()).isPositive();
        assertThat(audit.models().get(1).interventions()).as("FC: every inter neuron, clamped and cut from M0")
                .hasSize(2 * 18 + 18);
    }

    @Test
    void aRerunGivesIdenticalNumbersAndProgressReachesTheTotal() {
        List<long[]> seen = new ArrayList<>();
        CausalAudit again = run((done, total) -> {
            synchronized (seen) {
                seen.add(new long[] {done, total});
            }
        });
        long[] last = seen.get(seen.size() - 1);
        assertThat(last[0]).isEqualTo(last[1]).isPositive();
        for (int m = 0; m < audit.models().size(); m++) {
            ModelAudit a = audit.models().get(m);
            ModelAudit b = again.models().get(m);
            assertThat(b.conditions()).isEqualTo(a.conditions());
            assertThat(b.interventions()).isEqualTo(a.interventions());
        }
    }

    @Test
    void cancelStopsBeforeAnyWork() {
        assertThatThrownBy(() -> run(new ProgressListener() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        })).isInstanceOf(CancellationException.class);
    }

    @Test
    void vectorModelsNeedAnotherMethodThanVisualBackProp() {
        var vector = new CausalAuditor.Subject("vector", LoadedModel.load(RecordedEpisodeTest.ROOT.resolve(
                "sample-models/vector-lanekeeping")));
        assertThatThrownBy(() -> CausalAuditor.run(List.of(vector), List.of(clean), conditions, OPTIONS,
                Provenance.of("test").build(), ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VisualBackProp needs a camera");
    }
}
