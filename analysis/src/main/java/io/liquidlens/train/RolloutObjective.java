package io.liquidlens.train;

import io.liquidlens.grad.ReverseModel;
import io.liquidlens.grad.SequenceGradient;
import io.liquidlens.grad.StepLoss;
import io.liquidlens.io.NdArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imitation of recorded actions over windows of a data set: each window is simulated from a zero state
 * (truncated backpropagation through time, as the NCP paper trains), and the loss is the curve-weighted
 * squared error between the model's outputs and the rollout's {@code actions}, averaged over every
 * (step, output) pair of the batch. Windows run in parallel on every core through
 * {@link ReverseModel#lossAndGradient}, whose sums do not depend on the number of cores.
 *
 * <p>The model takes feature vectors ({@link SequenceGradient}) or image frames through a perception head
 * ({@link io.liquidlens.grad.FrameSequenceGradient}); the data's steps must have the model's step shape.
 */
public final class RolloutObjective implements Objective {
    private final ReverseModel gradient;
    private final TrainingData data;
    private final CurveWeightedLoss loss;

    /**
     * @param gradient the model (its parameters are what the trainer updates)
     * @param data     checked against the model ({@link TrainingData#read})
     * @throws IllegalArgumentException when the data's step shape or outputs do not fit the model
     */
    public RolloutObjective(ReverseModel gradient, TrainingData data, CurveWeightedLoss loss) {
        if (!Arrays.equals(data.stepShape(), gradient.stepShape()) || data.outputSize() != gradient.outputSize()) {
            throw new IllegalArgumentException("data of steps " + Arrays.toString(data.stepShape()) + " and "
                    + data.outputSize() + " outputs do not fit a model of " + Arrays.toString(gradient.stepShape())
                    + " and " + gradient.outputSize());
        }
        this.gradient = gradient;
        this.data = data;
        this.loss = loss;
    }

    @Override
    public double lossAndGradient(List<TrainingWindows.Window> batch, double[] grad) {
        // the trainer changed the values since the last call: re-derive the cells' cached values first
        gradient.prepare();
        Arrays.fill(grad, 0);
        int m = gradient.outputSize();
        long pairs = 0;
        for (TrainingWindows.Window w : batch) {
            pairs += (long) w.length() * m;
        }
        double scale = 1.0 / pairs;
        double sum = 0;
        // the driver takes sequences of one length; windows are all of one length except in short episodes
        for (List<TrainingWindows.Window> group : byLength(batch)) {
            sum += group(group, scale, grad);
        }
        return sum * scale;
    }

    private double group(List<TrainingWindows.Window> windows, double scale, double[] grad) {
        int b = windows.size();
        int l = windows.get(0).length();
        int s = data.inputSize();
        int m = gradient.outputSize();
        boolean frames = data.frameShape() != null;
        // frames stay float32, as the data set holds them; vectors are doubles
        float[] xf = frames ? new float[b * l * s] : null;
        double[] x = frames ? null : new double[b * l * s];
        double[] dt = null;
        for (int i = 0; i < b; i++) {
            TrainingWindows.Window w = windows.get(i);
            TrainingData.Episode e = data.episode(w.episode());
            if (frames) {
                System.arraycopy(e.frames(), w.start() * s, xf, i * l * s, l * s);
            } else {
                System.arraycopy(e.inputs(), w.start() * s, x, i * l * s, l * s);
            }
            if (e.timespans() != null) {
                if (dt == null) {
                    dt = new double[b * l];
                    Arrays.fill(dt, 1.0);
                }
                System.arraycopy(e.timespans(), w.start(), dt, i * l, l);
            }
        }
        int[] shape = new int[2 + data.stepShape().length];
        shape[0] = b;
        shape[1] = l;
        System.arraycopy(data.stepShape(), 0, shape, 2, data.stepShape().length);
        NdArray inputs = frames ? NdArray.ofFloats(shape, xf) : NdArray.ofDoubles(shape, x);
        StepLoss stepLoss = (sample, step, y, yo, dy, dyo) -> {
            TrainingWindows.Window w = windows.get(sample);
            double[] target = data.episode(w.episode()).targets();
            double value = loss.sumAndGradient(y, yo, target, (w.start() + step) * m, m, dy, dyo);
            for (int k = 0; k < m; k++) {
                dy[dyo + k] *= scale;
            }
            return value;
        };
        return gradient.lossAndGradient(inputs,
                dt == null ? null : NdArray.ofDoubles(new int[] {b, l}, dt), null, stepLoss, grad);
    }

    private static List<List<TrainingWindows.Window>> byLength(List<TrainingWindows.Window> batch) {
        Map<Integer, List<TrainingWindows.Window>> groups = new LinkedHashMap<>();
        for (TrainingWindows.Window w : batch) {
            groups.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w);
        }
        return new ArrayList<>(groups.values());
    }
}
