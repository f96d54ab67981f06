package io.liquidlens.train;

import io.liquidlens.LiquidLensException;

/**
 * The loss, its gradient or a weight stopped being finite, or the loss exploded. The parameters have been put back to those of the last
 * completed epoch ({@link #epoch()} - 1), so whatever was saved then is still the last good state.
 */
public final class TrainingDivergedException extends LiquidLensException {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final double loss;
    private final double gradientNorm;
    private final String reason;

    public TrainingDivergedException(int epoch, double loss, double gradientNorm) {
        this(epoch, loss, gradientNorm, "loss " + loss + ", gradient norm " + gradientNorm);
    }

    /** Divergence for the reason given ("loss ... is more than ...", "weight ... became NaN"). */
    public TrainingDivergedException(int epoch, double loss, double gradientNorm, String reason) {
        super("training diverged in epoch " + epoch + " (" + reason + "); the parameters of epoch " + (epoch - 1)
                + " are kept. Try a smaller learning rate or clip norm.");
        this.epoch = epoch;
        this.loss = loss;
        this.gradientNorm = gradientNorm;
        this.reason = reason;
    }

    /** What diverged, in words. */
    public String reason() {
        return reason;
    }

    /** The epoch in which the loss diverged (from 1). */
    public int epoch() {
        return epoch;
    }

    /** The batch loss that was not finite (or the finite loss whose gradient was not). */
    public double loss() {
        return loss;
    }

    /** The gradient's L2 norm before clipping. */
    public double gradientNorm() {
        return gradientNorm;
    }
}
