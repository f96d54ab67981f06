package io.liquidlens.causal;

import io.liquidlens.head.PerceptionHead;
import io.liquidlens.io.Rollout;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.LoadedModel;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One saliency method on one model, asked for the map of any recorded step: the one way the report and the
 * workbench make a map. VisualBackProp looks at the step's frame through the head alone, so it skips the run of
 * the earlier steps every other method needs.
 */
public final class FrameSaliency {
    private static final String NEEDS_HEAD = "VisualBackProp needs a camera model with a conv head; use another"
            + " --method (e.g. gradient) for vector models";

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

    /**
     * {@code spec} on {@code loaded}, explaining output {@code output}; {@code seed} seeds SmoothGrad's noise.
     * VisualBackProp reads the float32 head only, so the double-precision model is read for the other methods
     * alone.
     *
     * @throws IllegalArgumentException naming the model's folder when the method does not apply to it
     */
    public static FrameSaliency of(LoadedModel loaded, SaliencySpec spec, int output, long seed) {
        LiquidModel net = loaded.network();
        if (spec.choice() == SaliencyChoice.VBP) {
            PerceptionHead head = net.head().orElseThrow(() -> new IllegalArgumentException(
                    loaded.folder().getFileName() + ": " + NEEDS_HEAD));
            return new FrameSaliency(new VisualBackPropMethod(), output, head, null, net.frameSize());
        }
        return of(SaliencyModel.load(loaded), spec, output, seed);
    }

    /**
     * As {@link #of(LoadedModel, SaliencySpec, int, long)} on a double-precision model already read, so that
     * trying one method after another does not read the weights again.
     *
     * @throws IllegalArgumentException when the method does not apply to the model
     */
    public static FrameSaliency of(SaliencyModel model, SaliencySpec spec, int output, long seed) {
        SaliencyMethod method = spec.create(model.isImage(), model.stepSize(), seed);
        if (method instanceof VisualBackPropMethod) {
            PerceptionHead head = model.perceptionHead().orElseThrow(() -> new IllegalArgumentException(NEEDS_HEAD));
            return new FrameSaliency(method, output, head, null, model.stepSize());
        }
        return new FrameSaliency(method, output, null, model, model.stepSize());
    }

    /**
     * Runs each rollout once to the steps that will be asked for ({@code frames}: rollout index, step), so that
     * {@link #map} does not run the earlier steps again for each (200 maps of a million-step rollout ran 100
     * million steps); VisualBackProp needs no earlier step. Call before the maps, not while they are made; it
     * forgets what the previous call prepared.
     *
     * @param frames pairs (index into {@code rollouts}, step)
     */
    public void prepare(List<Rollout> rollouts, List<int[]> frames) {
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

    /**
     * The map of step {@code step} of {@code rollout}; from the state {@link #prepare} kept when it ran to that
     * step of that rollout (the same object), else after running the steps before it.
     *
     * @throws IllegalArgumentException when the rollout does not fit the model or the step is outside it
     */
    public SaliencyMap map(Rollout rollout, int step) {
        if (vbp != null) {
            return vbp.mask(rollout.inputs().floatsView(), step * frameSize, workspace.get());
        }
        Map<Integer, double[][]> states = prepared.get(rollout);
        double[][] before = states == null ? null : states.get(step);
        return method.map(before == null ? model.at(rollout, step) : model.at(rollout, step, before), output);
    }
}
