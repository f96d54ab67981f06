package io.liquidlens.causal;

import io.liquidlens.head.PerceptionHead;
import io.liquidlens.io.Rollout;
import io.liquidlens.model.LoadedModel;

/**
 * One saliency method on one model, asked for the map of any recorded step. VisualBackProp looks at the step's
 * frame through the head alone, so it skips the run of the earlier steps every other method needs.
 */
final class FrameSaliency {
    private final SaliencyMethod method;
    private final int output;
    private final VisualBackProp vbp;
    private final SaliencyModel model;
    private final int frameSize;
    private final ThreadLocal<PerceptionHead.Workspace> workspace;

    private FrameSaliency(SaliencyMethod method, int output, PerceptionHead head, SaliencyModel model, int frameSize) {
        this.method = method;
        this.output = output;
        this.vbp = head == null ? null : new VisualBackProp(head);
        this.workspace = head == null ? null : ThreadLocal.withInitial(head::newWorkspace);
        this.model = model;
        this.frameSize = frameSize;
    }

    static FrameSaliency of(LoadedModel loaded, SaliencyMethod method, int output) {
        var head = loaded.network().head();
        if (method instanceof VisualBackPropMethod) {
            if (head.isEmpty()) {
                throw new IllegalArgumentException(loaded.folder().getFileName() + ": VisualBackProp needs a camera"
                        + " model with a conv head; use another --method (e.g. gradient) for vector models");
            }
            return new FrameSaliency(method, output, head.get(), null, loaded.network().frameSize());
        }
        return new FrameSaliency(method, output, null, SaliencyModel.load(loaded), loaded.network().frameSize());
    }

    SaliencyMap map(Rollout rollout, int step) {
        if (vbp != null) {
            return vbp.mask(rollout.inputs().floatsView(), step * frameSize, workspace.get());
        }
        return method.map(model.at(rollout, step), output);
    }
}
