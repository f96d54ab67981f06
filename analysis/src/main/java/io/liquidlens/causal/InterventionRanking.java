package io.liquidlens.causal;

import io.liquidlens.io.Rollout;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.NeuronNames;
import io.liquidlens.sim.Intervention;
import io.liquidlens.wiring.NeuronRole;
import io.liquidlens.wiring.Wiring;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The causal effect of each decision neuron on the output (docs/ANALYSES.md#interventions): replay the rollouts with
 * the neuron clamped to the lowest and to the highest state it reached on them, and with each of its synapses onto a
 * motor neuron cut, and measure how far the output moves. Decision neurons are the command neurons of an NCP; a wiring
 * without a command layer offers its inter neurons, and one with neither (a dense CfC) every unit that is not an
 * output.
 */
public final class InterventionRanking {

    private InterventionRanking() {
    }

    /**
     * The effects of clamping every decision neuron to its min and to its max, and of cutting each of its
     * synapses onto a motor neuron, largest mean effect first.
     *
     * @param output the output measured
     * @throws IllegalArgumentException when there are no rollouts or the output is not the model's
     */
    public static List<InterventionEffect> rank(LiquidModel model, List<Rollout> rollouts, int output) {
        return rankReplays(model, rollouts.stream().map(r -> Replay.of(model, r)).toList(), output);
    }

    /** As {@link #rank} on rollouts prepared for replay. */
    static List<InterventionEffect> rankReplays(LiquidModel model, List<Replay> replays, int output) {
        if (replays.isEmpty()) {
            throw new IllegalArgumentException("interventions need at least one rollout");
        }
        int n = model.stateSize();
        int m = model.outputSize();
        if (output < 0 || output >= m) {
            throw new IllegalArgumentException("output " + output + " is not one of the model's " + m + " outputs");
        }
        List<float[]> baseline = new ArrayList<>();
        float[] lo = new float[n];
        float[] hi = new float[n];
        java.util.Arrays.fill(lo, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Float.NEGATIVE_INFINITY);
        for (Replay r : replays) {
            float[] states = new float[r.steps() * n];
            baseline.add(r.run(model, states));
            for (int i = 0; i < states.length; i++) {
                lo[i % n] = Math.min(lo[i % n], states[i]);
                hi[i % n] = Math.max(hi[i % n], states[i]);
            }
        }
        int[] ids = model.stateNeuronIds();
        List<Variant> variants = new ArrayList<>();
        for (int p : decisionPositions(model)) {
            for (boolean max : new boolean[] {false, true}) {
                float value = max ? hi[p] : lo[p];
                variants.add(new Variant(label(model, ids[p]), String.format(Locale.ROOT, "clamp to %s (%.4g)",
                        max ? "max" : "min", value), value, new Intervention.ClampNeuron(ids[p], value)));
            }
        }
        variants.addAll(cutsIntoMotor(model));
        List<InterventionEffect> effects = variants.parallelStream().map(v -> {
            LiquidModel changed = Intervention.apply(model, List.of(v.intervention()));
            double sum = 0;
            double worst = 0;
            long count = 0;
            for (int r = 0; r < replays.size(); r++) {
                float[] y = replays.get(r).run(changed, null);
                float[] y0 = baseline.get(r);
                for (int t = 0; t < replays.get(r).steps(); t++) {
                    double d = Math.abs((double) y[t * m + output] - y0[t * m + output]);
                    sum += d;
                    worst = Math.max(worst, d);
                    count++;
                }
            }
            return new InterventionEffect(v.target(), v.action(), v.value(), sum / count, worst);
        }).sorted(Comparator.comparingDouble(InterventionEffect::meanAbsChange).reversed()).toList();
        return List.copyOf(effects);
    }

    private record Variant(String target, String action, double value, Intervention intervention) {
    }

    /** A cut of every synapse the model computes from a decision neuron onto a motor neuron. */
    private static List<Variant> cutsIntoMotor(LiquidModel model) {
        List<Variant> out = new ArrayList<>();
        Wiring computed = model.connectivity().orElse(null);
        if (computed == null) {
            return out;
        }
        int[] ids = model.stateNeuronIds();
        for (int p : decisionPositions(model)) {
            for (int to = 0; to < computed.units(); to++) {
                if (computed.role(to) == NeuronRole.MOTOR && computed.polarity(ids[p], to) != 0) {
                    out.add(new Variant(label(model, ids[p]) + " -> " + label(model, to), "cut", Double.NaN,
                            new Intervention.CutSynapse(ids[p], to, false)));
                }
            }
        }
        return out;
    }

    /** State positions of the neurons whose effect is ranked. */
    static List<Integer> decisionPositions(LiquidModel model) {
        for (NeuronRole role : new NeuronRole[] {NeuronRole.COMMAND, NeuronRole.INTER}) {
            List<Integer> found = new ArrayList<>();
            for (int p = 0; p < model.stateSize(); p++) {
                if (model.stateRole(p) == role) {
                    found.add(p);
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
        }
        // a dense CfC: every unit is an output (ncps makes them all motor); rank them all
        return IntStream.range(0, model.stateSize()).boxed().toList();
    }

    private static String label(LiquidModel model, int id) {
        // a dense CfC's units keep the name its reports have always given them
        NeuronNames names = NeuronNames.of(model);
        return model.wiring().isPresent() || names.isBaseline() ? names.label(id) : "unit " + id;
    }
}
