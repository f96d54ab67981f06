package io.liquidlens.causal;

import io.liquidlens.head.PerceptionHead;
import io.liquidlens.io.Rollout;
import io.liquidlens.model.LoadedModel;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
    /** The states before the steps {@link #prepare} ran to, per rollout (by identity); read-only while maps are made. */
    private final Map<Rollout, Map<Integer, double[][]>> prepared = Collections.synchronizedMap(new IdentityHashMap<>());

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

    /**
     * Runs each rollout once to the steps that will be asked for ({@code frames}: rollout index, step), so that
     * {@link #map} does not run the earlier steps again for each (200 maps of a million-step rollout ran 100
     * million steps); VisualBackProp needs no earlier step. Call before the maps, not while they are made; it
     * forgets what the previous call prepared.
     */
    void prepare(List<Rollout> rollouts, List<int[]> frames) {
        prepared.clear();
        if (model == null) {
            return;
        }
        for (int r = 0; r < rollouts.size(); r++) {
            int index = r;
            int[] steps = frames.stream().filter(f -> f[0] == index).mapToInt(f -> f[1]).distinct().sorted().toArray();
            double[][][] states = model.statesBefore(rollouts.get(r), steps);
            Map<Integer, double[][]> byStep = new HashMap<>();
            for (int k = 0; k < steps.length; k++) {
                byStep.put(steps[k], states[k]);
            }
            prepared.put(rollouts.get(r), byStep);
        }
    }

    SaliencyMap map(Rollout rollout, int step) {
        if (vbp != null) {
            return vbp.mask(rollout.inputs().floatsView(), step * frameSize, workspace.get());
        }
        Map<Integer, double[][]> states = prepared.get(rollout);
        double[][] before = states == null ? null : states.get(step);
        return method.map(before == null ? model.at(rollout, step) : model.at(rollout, step, before), output);
    }
}
