package io.liquidlens.train;

import io.liquidlens.Limits;

/**
 * How to train: the NCP paper's recipe by default (truncated backpropagation through time on 16-step
 * subsequences, Adam, curve-weighted squared error, gradient clipping).
 *
 * @param epochs         passes over all subsequences
 * @param batchSize      subsequences per update (spread over every core)
 * @param windowLength   steps per subsequence (truncated BPTT length)
 * @param learningRate   Adam's step size
 * @param alpha          curve weighting: weight exp(|y| alpha) per target; 0 is plain squared error
 * @param clipNorm       maximum global L2 norm of a gradient
 * @param seed           seeds initialisation and the order of subsequences
 * @param finalLearningRate the learning rate of the last update: the rate follows a half cosine from
 *                       {@code learningRate} at the first update of epoch 1 down to this at the last update of
 *                       epoch {@code epochs}; equal to {@code learningRate}, it stays constant. Annealing lets
 *                       small noisy batches settle instead of hovering around the minimum.
 * @param cellRateFactor the recurrent cell's parameters ({@code rnn_cell.*}) learn at this multiple of the
 *                       rate, everything else (a conv head, the projection) at the rate itself. A conv head
 *                       whose ReLUs die at a rate the small cell needs (all features zero, a constant output)
 *                       can keep a safe rate while the cell's few hundred parameters move far enough.
 */
public record TrainOptions(int epochs, int batchSize, int windowLength, double learningRate, double alpha,
                           double clipNorm, long seed, double finalLearningRate, double cellRateFactor) {

    /** One rate for every parameter. */
    public TrainOptions(int epochs, int batchSize, int windowLength, double learningRate, double alpha,
                        double clipNorm, long seed, double finalLearningRate) {
        this(epochs, batchSize, windowLength, learningRate, alpha, clipNorm, seed, finalLearningRate, 1.0);
    }

    /** A constant learning rate. */
    public TrainOptions(int epochs, int batchSize, int windowLength, double learningRate, double alpha,
                        double clipNorm, long seed) {
        this(epochs, batchSize, windowLength, learningRate, alpha, clipNorm, seed, learningRate, 1.0);
    }

    public TrainOptions {
        require(epochs >= 1, "epochs", ">= 1", epochs);
        require(batchSize >= 1, "batch size", ">= 1", batchSize);
        require(windowLength >= 1, "window length", ">= 1", windowLength);
        Limits.atMost("epochs", epochs, Limits.EPOCHS);
        Limits.atMost("batch size", batchSize, Limits.BATCH);
        Limits.atMost("window length", windowLength, Limits.BATCH);
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate", "> 0", learningRate);
        require(alpha >= 0 && Double.isFinite(alpha), "alpha", ">= 0", alpha);
        require(clipNorm > 0, "clip norm", "> 0", clipNorm);
        require(finalLearningRate > 0 && finalLearningRate <= learningRate, "final learning rate",
                "> 0 and <= the learning rate " + learningRate, finalLearningRate);
        require(cellRateFactor > 0 && Double.isFinite(cellRateFactor), "cell rate factor", "> 0", cellRateFactor);
    }

    /** 10 epochs, batches of 32 subsequences of 16 steps, lr 0.005, alpha 0, clip 1.0, seed 0. */
    public static TrainOptions defaults() {
        return new TrainOptions(10, 32, 16, 0.005, 0.0, 1.0, 0);
    }

    /**
     * The learning rate of update {@code update} of {@code updates} (both counted from the first update of
     * epoch 1, so a resumed run continues the same schedule).
     */
    public double learningRateAt(long update, long updates) {
        if (finalLearningRate == learningRate || updates <= 1) {
            return learningRate;
        }
        double progress = Math.min(1.0, (double) update / (updates - 1));
        return finalLearningRate + (learningRate - finalLearningRate) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    /** The same options with another number of epochs (the schedule stretches with them). */
    public TrainOptions withEpochs(int newEpochs) {
        return new TrainOptions(newEpochs, batchSize, windowLength, learningRate, alpha, clipNorm, seed,
                finalLearningRate, cellRateFactor);
    }

    /** The same options with the cell's parameters at {@code factor} times the rate. */
    public TrainOptions withCellRateFactor(double factor) {
        return new TrainOptions(epochs, batchSize, windowLength, learningRate, alpha, clipNorm, seed,
                finalLearningRate, factor);
    }

    /** The same options with another seed. */
    public TrainOptions withSeed(long newSeed) {
        return new TrainOptions(epochs, batchSize, windowLength, learningRate, alpha, clipNorm, newSeed,
                finalLearningRate, cellRateFactor);
    }

    private static void require(boolean ok, String what, String range, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(what + " must be " + range + ", got " + value);
        }
    }
}
