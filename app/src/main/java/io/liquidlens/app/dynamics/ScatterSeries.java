package io.liquidlens.app.dynamics;

import io.liquidlens.tree.LabelBins;
import io.liquidlens.tree.LabelSpec;

/**
 * A neuron's state (or PC1) against the network's output, each step put in its steering class by the rule the
 * Tree tab labels steps with ({@link LabelBins#choose}: left / straight / right by the output's sign, straight
 * being a dead band around zero), so a neuron that decides the turn shows as classes apart along its axis.
 *
 * @param xLabel  what the horizontal axis is
 * @param x       one value per step
 * @param output  the network's first output per step
 * @param classes each step's class in {@code bins} (0 = right, 1 = straight, 2 = left)
 * @param bins    the classes and the rule, in words, that chose them
 */
public record ScatterSeries(String xLabel, float[] x, float[] output, int[] classes, LabelBins bins) {

    /** {@code x} against {@code output}, each step in its class of {@code steering} (made from that output). */
    static ScatterSeries of(String xLabel, float[] x, float[] output, Steering steering) {
        return new ScatterSeries(xLabel, x, output, steering.classes(), steering.bins());
    }

    /**
     * The network's decision at every step: the classes and each step's class.
     *
     * @param bins    left / straight / right and the rule that chose them
     * @param classes each step's class
     */
    record Steering(LabelBins bins, int[] classes) {

        /** The classes of {@code output}, chosen from it. */
        static Steering of(float[] output) {
            double[] v = new double[output.length];
            for (int t = 0; t < v.length; t++) {
                v[t] = output[t];
            }
            LabelBins bins = LabelBins.choose(LabelSpec.defaults(), v);
            int[] classes = new int[v.length];
            for (int t = 0; t < v.length; t++) {
                classes[t] = bins.classOf(v[t]);
            }
            return new Steering(bins, classes);
        }
    }

    /** How the steering classes were chosen, in words (the scatter's tooltip). */
    public String rule() {
        return bins.rule() + ". " + String.join("; ", bins.ranges());
    }
}
