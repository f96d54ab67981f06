package io.liquidlens.train;

import io.liquidlens.LiquidLensException;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A data set of rollouts ({@code inputs} (T, S) -> {@code actions} (T, M'), optional {@code timespans}),
 * checked once against the model it will train and held as doubles. Every problem is one line naming the
 * rollout it was found in.
 */
public final class TrainingData {
    private final List<Episode> episodes;
    private final int inputSize;
    private final int outputSize;

    /**
     * One episode, row-major.
     *
     * @param source    where it came from (the rollout file), for messages and provenance
     * @param steps     T
     * @param inputs    (T, S)
     * @param targets   (T, M')
     * @param timespans (T), or null for 1.0 each
     */
    public record Episode(String source, int steps, double[] inputs, double[] targets, double[] timespans) {
    }

    private TrainingData(List<Episode> episodes, int inputSize, int outputSize) {
        this.episodes = List.copyOf(episodes);
        this.inputSize = inputSize;
        this.outputSize = outputSize;
    }

    /**
     * Reads and checks the rollout files of a data set.
     *
     * @param inputSize         the model's input features S
     * @param outputSize        the model's outputs per step M'
     * @param positiveTimespans true for an LTC, whose solver divides by the elapsed time
     * @throws LiquidLensException naming the first file that does not fit
     */
    public static TrainingData read(List<Path> files, int inputSize, int outputSize, boolean positiveTimespans) {
        if (files.isEmpty()) {
            throw new LiquidLensException("no training data: give rollout files or folders with --data");
        }
        List<Episode> out = new ArrayList<>();
        for (Path f : files) {
            out.add(check(f.toString(), Rollouts.read(f), inputSize, outputSize, positiveTimespans));
        }
        return new TrainingData(out, inputSize, outputSize);
    }

    /** Checks rollouts held in memory, each named by {@code sources} (same order) in messages. */
    public static TrainingData of(List<Rollout> rollouts, List<String> sources, int inputSize, int outputSize,
                                  boolean positiveTimespans) {
        if (rollouts.size() != sources.size()) {
            throw new IllegalArgumentException(rollouts.size() + " rollouts but " + sources.size() + " names");
        }
        if (rollouts.isEmpty()) {
            throw new LiquidLensException("no training data: the data set holds no rollouts");
        }
        List<Episode> out = new ArrayList<>();
        for (int i = 0; i < rollouts.size(); i++) {
            out.add(check(sources.get(i), rollouts.get(i), inputSize, outputSize, positiveTimespans));
        }
        return new TrainingData(out, inputSize, outputSize);
    }

    private static Episode check(String source, Rollout r, int inputSize, int outputSize, boolean positiveTimespans) {
        if (r.isImage()) {
            throw problem(source, "holds image inputs " + shape(r.inputs()) + "; training on images needs a perception"
                    + " head, which this version does not support yet");
        }
        int t = r.steps();
        if (t < 1) {
            throw problem(source, "holds no steps");
        }
        if (r.inputs().dim(1) != inputSize) {
            throw problem(source, "\"inputs\" has " + r.inputs().dim(1) + " features per step but the model takes "
                    + inputSize + " (ncps input_size)");
        }
        if (r.actions() == null) {
            throw problem(source, "has no \"actions\" array; training needs the target outputs (T, " + outputSize
                    + ") beside \"inputs\"");
        }
        if (r.actions().dim(1) != outputSize) {
            throw problem(source, "\"actions\" has " + r.actions().dim(1) + " columns but the model has " + outputSize
                    + " output" + (outputSize == 1 ? "" : "s") + " per step");
        }
        double[] x = finite(source, "inputs", r.inputs());
        double[] y = finite(source, "actions", r.actions());
        double[] dt = r.timespans() == null ? null : finite(source, "timespans", r.timespans());
        if (dt != null && positiveTimespans) {
            for (int i = 0; i < dt.length; i++) {
                if (!(dt[i] > 0)) {
                    throw problem(source, "\"timespans\" must be > 0 for an LTC, but step " + i + " has " + dt[i]);
                }
            }
        }
        return new Episode(source, t, x, y, dt);
    }

    private static double[] finite(String source, String name, NdArray a) {
        double[] v = a.toDoubleArray();
        int cols = a.rank() > 1 ? a.size() / a.dim(0) : 1;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw problem(source, "\"" + name + "\" holds " + v[i] + " at step " + i / cols
                        + (cols > 1 ? ", column " + i % cols : ""));
            }
        }
        return v;
    }

    private static LiquidLensException problem(String source, String what) {
        return new LiquidLensException(source + ": " + what);
    }

    private static String shape(NdArray a) {
        return java.util.Arrays.toString(a.shape()).replace('[', '(').replace(']', ')');
    }

    /** The episodes, in the order given. */
    public List<Episode> episodes() {
        return episodes;
    }

    /** Episode i. */
    public Episode episode(int i) {
        return episodes.get(i);
    }

    /** Steps of each episode, for {@link TrainingWindows#of}. */
    public int[] episodeLengths() {
        return episodes.stream().mapToInt(Episode::steps).toArray();
    }

    /** Total steps over all episodes. */
    public long totalSteps() {
        return episodes.stream().mapToLong(Episode::steps).sum();
    }

    /** Input features per step S. */
    public int inputSize() {
        return inputSize;
    }

    /** Target outputs per step M'. */
    public int outputSize() {
        return outputSize;
    }
}
