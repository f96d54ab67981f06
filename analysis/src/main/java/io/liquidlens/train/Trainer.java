package io.liquidlens.train;

import io.liquidlens.LiquidLensException;
import io.liquidlens.grad.Param;
import io.liquidlens.grad.ParamSet;
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
    private final TrainOptions options;

    public Trainer(TrainOptions options) {
        this.options = options;
    }

    /**
     * Trains {@code params} in place.
     *
     * @param constraint applied to the values after every update (may do nothing)
     * @param onEpoch    called after every completed epoch (checkpointing)
     * @throws LiquidLensException when the loss diverges (values are restored to the last good epoch)
     */
    public TrainResult train(ParamSet params, Objective objective, List<TrainingWindows.Window> windows,
                             Consumer<double[]> constraint, TrainListener listener, EpochHook onEpoch) {
        if (windows.isEmpty()) {
            throw new LiquidLensException("no training windows: the data set has no steps");
        }
        double[] values = params.values();
        Adam adam = Adam.withDefaults(options.learningRate(), trainableMask(params));
        double[] grad = params.newGradient();
        double[] lastGood = values.clone();
        List<Double> losses = new ArrayList<>();
        long perEpoch = (windows.size() + options.batchSize() - 1) / options.batchSize();
        long total = perEpoch * options.epochs();
        long update = 0;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
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
                    throw new LiquidLensException("training diverged in epoch " + epoch + " (loss " + loss
                            + ", gradient norm " + norm + "); the parameters of epoch " + (epoch - 1)
                            + " are kept. Try a smaller learning rate or clip norm.");
                }
                adam.step(values, grad);
                constraint.accept(values);
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
