package io.liquidlens.report;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.ClosedLoopResult;
import io.liquidlens.causal.Condition;
import io.liquidlens.causal.ConditionResult;
import io.liquidlens.causal.Evidence;
import io.liquidlens.causal.FrameMetrics;
import io.liquidlens.causal.InterventionEffect;
import io.liquidlens.causal.ModelAudit;
import io.liquidlens.causal.SaliencyMap;
import io.liquidlens.causal.SaliencyOverlay;
import io.liquidlens.io.NdArray;
import io.liquidlens.lanekeeping.Distractors;
import io.liquidlens.provenance.Provenance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A causality audit built by hand, every number chosen: 2 models x 3 conditions x 5 steps; the second model (whose
 * name needs escaping in CSV, HTML and XML) was not driven in closed loop and has no labels (NaN shares).
 */
final class HandBuiltAudit {
    static final String AWKWARD = "a,b \"c\" <d>";
    static final List<String> MODELS = List.of("ncp-lanekeeping", AWKWARD);
    static final List<String> CONDITIONS = List.of("clean", "noise 0.1", "objects 8");
    static final List<Integer> STEPS = List.of(3, 10, 17, 24, 31);
    static final List<Integer> EPISODES = List.of(0, 0, 0, 1, 1);

    private HandBuiltAudit() {
    }

    static List<Condition> conditions() {
        Distractors none = Distractors.none();
        return List.of(new Condition("clean", "noise", 0, none),
                new Condition("noise 0.1", "noise", 0.1, new Distractors(0, 0, 0.1, 0, 0, false, 7)),
                new Condition("objects 8", "objects", 8, new Distractors(8, 0, 0, 0, 0, false, 11)));
    }

    static CausalAudit audit() {
        List<Condition> conditions = conditions();
        List<ModelAudit> models = new ArrayList<>();
        for (int m = 0; m < 2; m++) {
            List<ConditionResult> results = new ArrayList<>();
            List<SaliencyOverlay> overlays = new ArrayList<>();
            for (int k = 0; k < conditions.size(); k++) {
                results.add(new ConditionResult(conditions.get(k), frames(m, k),
                        m == 0 ? new ClosedLoopResult(4, 200, 99, 3 * k, 0.125 + 0.1 * k, 0.5 + 0.25 * k) : null));
                overlays.add(overlay(conditions.get(k).name(), STEPS.get(k), k));
            }
            List<InterventionEffect> effects = m == 0
                    ? List.of(new InterventionEffect("command 3 (id 4)", "clamp to max (0.153)", 0.153, 0.25, 0.75),
                    new InterventionEffect("sensory 1 -> inter 2", "cut", Double.NaN, 0.0625, 0.1))
                    : List.of(new InterventionEffect("unit <7> & co", "clamp to 0", 0, 1.0E-5, 3.0E-5));
            models.add(new ModelAudit(MODELS.get(m), m == 0 ? "LTC, NCP wiring, 19 neurons, conv head"
                    : "fully connected, 12 units, \"odd\" <name>", results, effects, overlays));
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("method", "VisualBackProp");
        options.put("steps", "5");
        Provenance provenance = new Provenance("liquidlens report", "test",
                List.of(new Provenance.InputFile("model", "sample-models/ncp-lanekeeping", "ab".repeat(32), 1234),
                        new Provenance.InputFile("input", "sample-traces/clean/ep0.npz", "cd".repeat(32), 5678)),
                options, "Java test, TestOS");
        return new CausalAudit("VisualBackProp[]", 0, "steering", conditions, models, Evidence.of(models, 5),
                provenance);
    }

    /** Values spread so that quartiles interpolate and model 0's SSIM has an outlier under noise. */
    private static FrameMetrics frames(int m, int k) {
        List<Double> ssim = new ArrayList<>();
        List<Double> deviation = new ArrayList<>();
        List<Double> distractor = new ArrayList<>();
        List<Double> task = new ArrayList<>();
        List<Double> distractorArea = new ArrayList<>();
        List<Double> taskArea = new ArrayList<>();
        for (int s = 0; s < STEPS.size(); s++) {
            ssim.add(k == 0 ? 1.0 : 0.9 - 0.1 * k - 0.03 * s - 0.05 * m - (m == 0 && k == 1 && s == 4 ? 0.5 : 0));
            deviation.add(k == 0 ? 0.0 : 0.01 * k * (s + 1) + 0.001 * m);
            distractor.add(m == 1 ? Double.NaN : (k == 0 ? 0.0 : 0.1 * k + 0.01 * s));
            task.add(m == 1 ? Double.NaN : 0.8 - 0.1 * k - 0.01 * s);
            distractorArea.add(m == 1 ? Double.NaN : (k == 0 ? 0.0 : 0.05 * k));
            taskArea.add(m == 1 ? Double.NaN : 0.4);
        }
        return new FrameMetrics(STEPS, EPISODES, ssim, deviation, distractor, task, distractorArea, taskArea);
    }

    /** A 4 x 6 RGB frame, the perturbed one leaving [0, 1], with maps peaking at different pixels. */
    private static SaliencyOverlay overlay(String condition, int step, int k) {
        float[] clean = new float[4 * 6 * 3];
        float[] perturbed = new float[clean.length];
        double[] map = new double[24];
        double[] moved = new double[24];
        for (int i = 0; i < clean.length; i++) {
            clean[i] = (i % 7) / 7f;
            perturbed[i] = clean[i] + (i % 3 - 1) * 0.6f * k;
        }
        for (int i = 0; i < 24; i++) {
            map[i] = i;
            moved[i] = 24 - i + k;
        }
        return new SaliencyOverlay(condition, step, NdArray.ofFloats(new int[] {4, 6, 3}, clean),
                new SaliencyMap(4, 6, map), NdArray.ofFloats(new int[] {4, 6, 3}, perturbed),
                new SaliencyMap(4, 6, moved));
    }
}
