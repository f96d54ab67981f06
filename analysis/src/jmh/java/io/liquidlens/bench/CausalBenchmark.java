package io.liquidlens.bench;

import io.liquidlens.causal.AuditOptions;
import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.CausalAuditor;
import io.liquidlens.causal.ClosedLoop;
import io.liquidlens.causal.ClosedLoopResult;
import io.liquidlens.causal.Condition;
import io.liquidlens.causal.Conditions;
import io.liquidlens.causal.InterventionEffect;
import io.liquidlens.causal.InterventionRanking;
import io.liquidlens.causal.SaliencyChoice;
import io.liquidlens.causal.SaliencyMap;
import io.liquidlens.causal.Ssim;
import io.liquidlens.causal.VisualBackProp;
import io.liquidlens.head.PerceptionHead;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.provenance.Provenance;
import io.liquidlens.sim.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The parts of a causality report on the camera NCP sample and its recorded clean trace (600 steps), each in
 * milliseconds per operation: one frame's VisualBackProp maps clean and noisy with their SSIM; one model under
 * one condition over 200 frames (perturbation, maps, SSIM, deviation, shares; no driving, no interventions); one
 * closed-loop held-out episode of 500 steps under noise 0.2 (one thread); and the ranking of the decision
 * neurons by clamping and cutting over the trace. The sample report (4 models x 4 conditions) is about
 * 16 x condition + 160 x episode / cores + 4 x ranking.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class CausalBenchmark {
    private LoadedModel ncp;
    private Rollout clean;
    private Rollout noisy;
    private VisualBackProp vbp;
    private PerceptionHead.Workspace workspace;
    private List<Condition> noise;
    private int frame;

    @Setup
    public void setUp() {
        Path root = Stream.of(Path.of(".."), Path.of(".")).filter(p -> Files.isDirectory(p.resolve("sample-models")))
                .findFirst().orElseThrow();
        ncp = LoadedModel.load(root.resolve("sample-models/ncp-lanekeeping"));
        clean = Rollouts.read(root.resolve("sample-traces/ncp-lanekeeping/clean/episode-0000.npz"));
        noise = Conditions.parse("noise=0.2", 0);
        noisy = noise.get(0).perturbation().apply(clean).rollout();
        PerceptionHead head = ncp.network().head().orElseThrow();
        vbp = new VisualBackProp(head);
        workspace = head.newWorkspace();
        frame = ncp.network().frameSize();
    }

    /** Two VisualBackProp maps (step 300 clean and under noise 0.2) and their SSIM. */
    @Benchmark
    public double framePair() {
        SaliencyMap a = vbp.mask(clean.inputs().floatsView(), 300 * frame, workspace);
        SaliencyMap b = vbp.mask(noisy.inputs().floatsView(), 300 * frame, workspace);
        return Ssim.between(a, b);
    }

    /** One model under noise 0.2 on 200 frames, open loop only. */
    @Benchmark
    public CausalAudit oneModelOneCondition() {
        AuditOptions o = new AuditOptions(io.liquidlens.causal.SaliencySpec.of(SaliencyChoice.VBP), 0, 200, 0, 0, 1, 0, false);
        return CausalAuditor.run(List.of(new CausalAuditor.Subject("ncp", ncp)), List.of(clean), noise, o,
                Provenance.of("bench").build(), ProgressListener.NONE);
    }

    /** One held-out episode of 500 steps driven under noise 0.2. */
    @Benchmark
    public ClosedLoopResult closedLoopEpisode() {
        return ClosedLoop.drive(ncp, noise.get(0), 1, 500, 0);
    }

    /** The decision neurons of the NCP clamped to their min and max, and their synapses onto the motor cut. */
    @Benchmark
    public List<InterventionEffect> interventionRanking() {
        return InterventionRanking.rank(ncp.network(), List.of(clean), 0);
    }
}
