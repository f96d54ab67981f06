package io.liquidlens.causal;

import io.liquidlens.LiquidLensException;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.LoadedModel;
import java.util.ArrayList;
import java.util.List;

/**
 * What the work units of one {@link FramePlan} share in one process: its rollouts, conditions and frames, and,
 * made once when first asked for, each model, its clean outputs, a condition's perturbed rollouts and a model's
 * outputs on them. Kept per process for the next units of the same plan; bounded, so that a long-lived executor
 * does not hold every report it ever measured.
 */
final class FrameWorkspace {
    private static final Memo<FramePlan, FrameWorkspace> OPEN = new Memo<>(2);
    /** One condition's perturbed rollouts are a copy of every frame: two, for two tasks on two conditions. */
    private static final int DISTURBED = 2;
    private static final int MODELS = 256;

    private final FramePlan plan;
    private final List<Rollout> rollouts;
    private final List<Condition> conditions;
    private final List<int[]> frames;
    private final SaliencySpec method;
    private final Memo<Integer, LoadedModel> models = new Memo<>(MODELS);
    private final Memo<Integer, SaliencyModel> saliencyModels = new Memo<>(MODELS);
    private final Memo<Integer, List<float[]>> cleanOutputs = new Memo<>(MODELS);
    private final Memo<Integer, CausalAuditor.Disturbed> disturbed = new Memo<>(DISTURBED);
    private final Memo<List<Integer>, List<float[]>> outputs = new Memo<>(MODELS);

    private FrameWorkspace(FramePlan plan) {
        this.plan = plan;
        List<Rollout> read = new ArrayList<>();
        for (WorkInputs.DataFile f : plan.rollouts()) {
            read.add(Rollouts.read(plan.files().file(f)));
        }
        this.rollouts = List.copyOf(read);
        this.conditions = Conditions.parse(plan.perturbations(), plan.seed(), plan.inputs(), plan.channels());
        this.frames = FrameSelection.evenly(rollouts, plan.frames());
        this.method = SaliencySpec.parse(plan.method());
    }

    /**
     * The workspace of {@code plan} in this process, reading its rollouts the first time.
     *
     * @throws LiquidLensException naming a file that cannot be read or differs from the driver's (as
     *                             {@link WorkInputs} finds them)
     */
    static FrameWorkspace of(FramePlan plan) {
        return OPEN.get(plan, () -> new FrameWorkspace(plan));
    }

    List<Rollout> rollouts() {
        return rollouts;
    }

    List<Condition> conditions() {
        return conditions;
    }

    List<int[]> frames() {
        return frames;
    }

    LoadedModel model(int m) {
        return models.get(m, () -> AuditRequest.withRoles(LoadedModel.load(plan.files().model(plan.models().get(m))),
                plan.inputRoles()));
    }

    /** A new saliency of model {@code m} (its own prepared states), on the double-precision model read once. */
    FrameSaliency saliency(int m) {
        LoadedModel loaded = model(m);
        if (method.choice() == SaliencyChoice.VBP) {
            return FrameSaliency.of(loaded, method, plan.output(), plan.seed());
        }
        return FrameSaliency.of(saliencyModels.get(m, () -> SaliencyModel.load(loaded)), method, plan.output(),
                plan.seed());
    }

    List<float[]> cleanOutputs(int m) {
        return cleanOutputs.get(m, () -> run(model(m).network(), rollouts));
    }

    CausalAuditor.Disturbed disturbed(int c) {
        return disturbed.get(c, () -> CausalAuditor.Disturbed.of(conditions.get(c), rollouts));
    }

    List<float[]> outputs(int m, int c) {
        return outputs.get(List.of(m, c), () -> run(model(m).network(),
                disturbed(c).rollouts().stream().map(PerturbedRollout::rollout).toList()));
    }

    private static List<float[]> run(LiquidModel net, List<Rollout> rollouts) {
        return rollouts.stream().map(r -> Replay.of(net, r).run(net, null)).toList();
    }
}
