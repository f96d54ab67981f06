package io.liquidlens.lanekeeping;

import java.util.List;

/** What the network sees at each step: a feature vector or a camera frame (with per-pixel labels). */
public interface Sensor {

    /** The sensor's name as the command line gives it ({@code vector}, {@code camera}). */
    String name();

    /** Shape of one observation: {@code [S]} for vectors, {@code [H, W, C]} for frames. */
    int[] shape();

    /** Values per observation (the product of {@link #shape()}). */
    default int size() {
        int n = 1;
        for (int d : shape()) {
            n *= d;
        }
        return n;
    }

    /** Names of the S features of a vector sensor; empty for frames. */
    List<String> featureNames();

    /** True when a model whose vector inputs are named {@code inputNames} reads this sensor's features. */
    default boolean readsAsNamed(List<String> inputNames) {
        return inputNames.equals(featureNames());
    }

    /** True when the sensor labels every pixel (H * W labels per observation). */
    boolean labelsPixels();

    /**
     * Writes one observation into {@code frame[offset .. offset + size())} and, for a sensor that labels
     * pixels, H * W labels into {@code labels[labelOffset ..]} (otherwise {@code labels} may be null).
     */
    void observe(SensorContext context, float[] frame, int offset, byte[] labels, int labelOffset);
}
