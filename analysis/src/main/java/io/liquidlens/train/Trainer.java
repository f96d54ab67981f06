package io.liquidlens.train;

import io.liquidlens.LiquidLensException;
import io.liquidlens.grad.Param;
import io.liquidlens.grad.ParamSet;
import io.liquidlens.model.StateDictLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The training loop: per epoch, the windows in a seeded order, batch by batch: loss and gradient, global
 * norm clipping, an Adam update, then the model's constraint (e.g. the LTC's explicit clip). A loss or
 * gradient that is not finite stops the run with the parameters of the last completed epoch restored, so
 * a diverging run never leaves a broken checkpoint. {@code onEpoch} is called after every epoch with the
 * epoch number, to save a checkpoint.
 */
public final class Trainer {
    /** A batch loss this many times the reference loss (see {@link #train}) means the run has diverged. */
    public static final double DIVERGENCE_FACTOR = 1e6;

    private final TrainOptions options;

    public Trainer(TrainOptions options) {
        this.options = options;
    }

    /**
     * Trains {@code params} in place from epoch 1, with a fresh optimizer.
     *
     * @param constraint applied to the values after every update (may do nothing)
     * @param onEpoch    called after every completed epoch (checkpointing)
     * @throws TrainingDivergedException when the loss diverges (values are restored to the last good epoch)
     */
    public TrainResult train(ParamSet params, Objective objective, List<TrainingWindows.Window> windows,
                             Consumer<double[]> constraint, TrainListener listener, EpochHook onEpoch) {
        return train(params, objective, windows, constraint, listener, onEpoch, 0, newOptimizer(params));
    }

    /**
     * Continues a run that has completed {@code epochsDone} epochs: trains epochs {@code epochsDone + 1} to
     * {@code options.epochs()} with {@code adam} (fresh, or restored from a checkpoint). Epochs keep their
     * numbers, so each one sees the same seeded order of windows as in a run that was never interrupted.
     *
     * @throws TrainingDivergedException when the loss diverges (values are restored to the last good epoch)
     */
    public TrainResult train(ParamSet params, Objective objective, List<TrainingWindows.Window> windows,
                             Consumer<double[]> constraint, TrainListener listener, EpochHook onEpoch, int epochsDone,
                             Adam adam) {
        return train(params, objective, windows, constraint, listener, onEpoch, epochsDone, adam, Double.NaN);
    }

    /**
     * As {@link #train(ParamSet, Objective, List, Consumer, TrainListener, EpochHook, int, Adam)}, knowing the best
     * epoch loss of the earlier run (NaN when there is none): a loss more than {@value #DIVERGENCE_FACTOR} times
     * the larger of that and this run's first batch loss counts as divergence, as do weights that are not finite.
     *
     * @throws TrainingDivergedException when the loss diverges (values are restored to the last good epoch)
     */
    public TrainResult train(ParamSet params, Objective objective, List<TrainingWindows.Window> windows,
                             Consumer<double[]> constraint, TrainListener listener, EpochHook onEpoch, int epochsDone,
                             Adam adam, double bestEarlierLoss) {
        if (windows.isEmpty()) {
            throw new LiquidLensException("no training windows: the data set has no steps");
        }
        if (epochsDone < 0 || epochsDone >= options.epochs()) {
            throw new IllegalArgumentException("epochs done must be in [0, " + options.epochs() + "), got " + epochsDone);
        }
        double[] values = params.values();
        double[] grad = params.newGradient();
        double[] lastGood = values.clone();
        List<Double> losses = new ArrayList<>();
        long perEpoch = (windows.size() + options.batchSize() - 1) / options.batchSize();
        long total = perEpoch * (options.epochs() - epochsDone);
        long scheduled = perEpoch * options.epochs();
        long update = 0;
        double reference = Double.isFinite(bestEarlierLoss) ? bestEarlierLoss : Double.NaN;
        for (int epoch = epochsDone + 1; epoch <= options.epochs(); epoch++) {
            double sum = 0;
            int batches = 0;
            for (List<TrainingWindows.Window> batch : TrainingWindows.batches(windows, options.batchSize(),
                    options.seed(), epoch)) {
                if (listener.isCancelled()) {
                    return new TrainResult(losses, update, true);
                }
                double loss = objective.lossAndGradient(batch, grad);
                double norm = GradientClipping.clipByNorm(grad, options.clipNorm());
                if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
                    System.arraycopy(lastGood, 0, values, 0, values.length);
                    throw new TrainingDivergedException(epoch, loss, norm);
                }
                if (update == 0) {
                    // the first batch's loss, from weights that are still good, anchors what "exploded" means
                    reference = Double.isNaN(reference) ? loss : Math.max(reference, loss);
                }
                if (loss > DIVERGENCE_FACTOR * reference) {
                    System.arraycopy(lastGood, 0, values, 0, values.length);
                    throw new TrainingDivergedException(epoch, loss, norm, "loss " + loss + " is more than "
                            + DIVERGENCE_FACTOR + " times " + reference + " (the best epoch's or the first batch's)");
                }
                long sinceStart = (epoch - 1) * perEpoch + batches;
                adam.step(values, grad, options.learningRateAt(sinceStart, scheduled));
                constraint.accept(values);
                int bad = firstNonFinite(values);
                if (bad >= 0) {
                    double value = values[bad];
                    System.arraycopy(lastGood, 0, values, 0, values.length);
                    throw new TrainingDivergedException(epoch, loss, norm, "weight " + nameAt(params, bad) + " became "
                            + value);
                }
                update++;
                sum += loss;
                batches++;
                listener.step(epoch, update, total, loss);
            }
            double mean = sum / batches;
            losses.add(mean);
            System.arraycopy(values, 0, lastGood, 0, values.length);
            listener.epoch(epoch, mean);
            onEpoch.completed(epoch, mean);
        }
        return new TrainResult(losses, update, false);
    }

    /**
     * A fresh Adam with this run's learning rate over the trainable entries of {@code params}, the cell's
     * entries at the options' cell rate factor.
     */
    public Adam newOptimizer(ParamSet params) {
        if (options.cellRateFactor() == 1.0) {
            return Adam.withDefaults(options.learningRate(), trainableMask(params));
        }
        double[] scale = new double[params.size()];
        java.util.Arrays.fill(scale, 1.0);
        for (Param p : params.params()) {
            if (p.name().startsWith(StateDictLayout.CELL_PREFIX)) {
                java.util.Arrays.fill(scale, p.offset(), p.offset() + p.size(), options.cellRateFactor());
            }
        }
        return Adam.withDefaults(options.learningRate(), trainableMask(params), scale);
    }

    private static String nameAt(ParamSet params, int index) {
        for (Param p : params.params()) {
            if (index >= p.offset() && index < p.offset() + p.size()) {
                return p.name() + "[" + (index - p.offset()) + "]";
            }
        }
        return "#" + index;
    }

    private static int firstNonFinite(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Called after each completed epoch. */
    @FunctionalInterface
    public interface EpochHook {
        void completed(int epoch, double meanLoss);
    }

    private static boolean[] trainableMask(ParamSet params) {
        boolean[] mask = new boolean[params.size()];
        for (Param p : params.params()) {
            if (p.trainable()) {
                java.util.Arrays.fill(mask, p.offset(), p.offset() + p.size(), true);
            }
        }
        return mask;
    }
}
