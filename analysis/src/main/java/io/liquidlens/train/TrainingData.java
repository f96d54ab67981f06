package io.liquidlens.train;

import io.liquidlens.LiquidLensException;
import io.liquidlens.head.ImageShape;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A data set of rollouts ({@code inputs} (T, S) -> {@code actions} (T, M'), optional {@code timespans}),
 * checked once against the model it will train. Vector inputs are held as doubles; image inputs
 * (T, H, W, C), for a model with a perception head, as float32 (frames are large, and the head widens each
 * value as it reads it). Every problem is one line naming the rollout it was found in.
 */
public final class TrainingData {
    private final List<Episode> episodes;
    private final int inputSize;
    private final ImageShape frameShape;
    private final int outputSize;

    /**
     * One episode, row-major.
     *
     * @param source    where it came from (the rollout file), for messages and provenance
     * @param steps     T
     * @param inputs    (T, S) vector inputs, or null for image inputs
     * @param targets   (T, M')
     * @param timespans (T), or null for 1.0 each
     * @param frames    (T, H, W, C) image inputs, or null for vector inputs
     */
    public record Episode(String source, int steps, double[] inputs, double[] targets, double[] timespans,
                          float[] frames) {
    }

    /** What the model takes per step: a vector of {@code inputSize} features, or frames of {@code frameShape}. */
    private record Expected(int inputSize, ImageShape frameShape, int outputSize, boolean positiveTimespans) {
    }

    private TrainingData(List<Episode> episodes, Expected expected) {
        this.episodes = List.copyOf(episodes);
        this.inputSize = expected.frameShape() != null ? expected.frameShape().size() : expected.inputSize();
        this.frameShape = expected.frameShape();
        this.outputSize = expected.outputSize();
    }

    /**
     * Reads and checks the rollout files of a data set for a model taking feature vectors.
     *
     * @param inputSize         the model's input features S
     * @param outputSize        the model's outputs per step M'
     * @param positiveTimespans true for an LTC, whose solver divides by the elapsed time
     * @throws LiquidLensException naming the first file that does not fit
     */
    public static TrainingData read(List<Path> files, int inputSize, int outputSize, boolean positiveTimespans) {
        return read(files, new Expected(inputSize, null, outputSize, positiveTimespans));
    }

    /**
     * Reads and checks the rollout files of a data set for a model with a perception head: every rollout
     * must hold image inputs (T, H, W, C) of the head's input shape.
     *
     * @param frameShape        the head's input (H, W, C)
     * @param outputSize        the model's outputs per step M'
     * @param positiveTimespans true for an LTC, whose solver divides by the elapsed time
     * @throws LiquidLensException naming the first file that does not fit
     */
    public static TrainingData readFrames(List<Path> files, ImageShape frameShape, int outputSize,
                                          boolean positiveTimespans) {
        return read(files, new Expected(0, frameShape, outputSize, positiveTimespans));
    }

    private static TrainingData read(List<Path> files, Expected expected) {
        if (files.isEmpty()) {
            throw new LiquidLensException("no training data: give rollout files or folders with --data");
        }
        List<Episode> out = new ArrayList<>();
        for (Path f : files) {
            out.add(check(f.toString(), Rollouts.read(f), expected));
        }
        return new TrainingData(out, expected);
    }

    /** Checks rollouts held in memory, each named by {@code sources} (same order) in messages; vector inputs. */
    public static TrainingData of(List<Rollout> rollouts, List<String> sources, int inputSize, int outputSize,
                                  boolean positiveTimespans) {
        return of(rollouts, sources, new Expected(inputSize, null, outputSize, positiveTimespans));
    }

    /** Checks rollouts of image inputs held in memory, for a model whose head takes {@code frameShape}. */
    public static TrainingData ofFrames(List<Rollout> rollouts, List<String> sources, ImageShape frameShape,
                                        int outputSize, boolean positiveTimespans) {
        return of(rollouts, sources, new Expected(0, frameShape, outputSize, positiveTimespans));
    }

    private static TrainingData of(List<Rollout> rollouts, List<String> sources, Expected expected) {
        if (rollouts.size() != sources.size()) {
            throw new IllegalArgumentException(rollouts.size() + " rollouts but " + sources.size() + " names");
        }
        if (rollouts.isEmpty()) {
            throw new LiquidLensException("no training data: the data set holds no rollouts");
        }
        List<Episode> out = new ArrayList<>();
        for (int i = 0; i < rollouts.size(); i++) {
            out.add(check(sources.get(i), rollouts.get(i), expected));
        }
        return new TrainingData(out, expected);
    }

    private static Episode check(String source, Rollout r, Expected expected) {
        int outputSize = expected.outputSize();
        checkInputKind(source, r, expected);
        int t = r.steps();
        if (t < 1) {
            throw problem(source, "holds no steps");
        }
        if (r.actions() == null) {
            throw problem(source, "has no \"actions\" array; training needs the target outputs (T, " + outputSize
                    + ") beside \"inputs\"");
        }
        if (r.actions().dim(1) != outputSize) {
            throw problem(source, "\"actions\" has " + r.actions().dim(1) + " columns but the model has " + outputSize
                    + " output" + (outputSize == 1 ? "" : "s") + " per step");
        }
        double[] x = null;
        float[] frames = null;
        if (expected.frameShape() == null) {
            x = finite(source, "inputs", r.inputs());
        } else {
            frames = finiteFrames(source, r.inputs());
        }
        double[] y = finite(source, "actions", r.actions());
        double[] dt = r.timespans() == null ? null : finite(source, "timespans", r.timespans());
        if (dt != null && expected.positiveTimespans()) {
            for (int i = 0; i < dt.length; i++) {
                if (!(dt[i] > 0)) {
                    throw problem(source, "\"timespans\" must be > 0 for an LTC, but step " + i + " has " + dt[i]);
                }
            }
        }
        return new Episode(source, t, x, y, dt, frames);
    }

    /** Vector data for a vector model, frames of the head's shape for a model with a head. */
    private static void checkInputKind(String source, Rollout r, Expected expected) {
        ImageShape frame = expected.frameShape();
        if (frame == null) {
            if (r.isImage()) {
                throw problem(source, "holds image inputs " + shape(r.inputs()) + " but the model has no perception"
                        + " head: it takes vectors of " + expected.inputSize() + " features (T, " + expected.inputSize()
                        + ")");
            }
            if (r.inputs().dim(1) != expected.inputSize()) {
                throw problem(source, "\"inputs\" has " + r.inputs().dim(1) + " features per step but the model takes "
                        + expected.inputSize() + " (ncps input_size)");
            }
            return;
        }
        String wanted = "(T, " + frame.height() + ", " + frame.width() + ", " + frame.channels() + ")";
        if (!r.isImage()) {
            throw problem(source, "holds vector inputs " + shape(r.inputs()) + " but the model's perception head takes"
                    + " image frames " + wanted);
        }
        NdArray in = r.inputs();
        if (in.dim(1) != frame.height() || in.dim(2) != frame.width() || in.dim(3) != frame.channels()) {
            throw problem(source, "holds frames " + shape(in) + " but the model's perception head takes " + wanted
                    + " (head.input_shape " + frame + ")");
        }
    }

    /** The frames as float32 (what the head reads), each checked finite. */
    private static float[] finiteFrames(String source, NdArray frames) {
        float[] v = frames.dtype() == io.liquidlens.io.DType.FLOAT32 ? frames.floatsView() : frames.toFloatArray();
        int h = frames.dim(1);
        int w = frames.dim(2);
        int c = frames.dim(3);
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                int pixel = i % (h * w * c);
                throw problem(source, "\"inputs\" holds " + v[i] + " at step " + i / (h * w * c) + ", pixel (row "
                        + pixel / (w * c) + ", column " + pixel / c % w + ", channel " + pixel % c + ")");
            }
        }
        return v;
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

    /** Values per step: the input features S, or H * W * C for image inputs. */
    public int inputSize() {
        return inputSize;
    }

    /** The frames' (H, W, C) for image inputs, or null for vector inputs. */
    public ImageShape frameShape() {
        return frameShape;
    }

    /** The shape of one step's input: (S), or (H, W, C) for image inputs. */
    public int[] stepShape() {
        return frameShape != null ? frameShape.toArray() : new int[] {inputSize};
    }

    /** Target outputs per step M'. */
    public int outputSize() {
        return outputSize;
    }
}
