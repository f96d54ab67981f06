package io.liquidlens.train;

/** Progress of a training run (plain Java, for the terminal or a GUI task). */
public interface TrainListener {
    /** Does nothing, never cancels. */
    TrainListener NONE = new TrainListener() { };

    /** After every update: epoch (from 1), update within the run (from 1), total updates, batch loss. */
    default void step(int epoch, long update, long totalUpdates, double loss) {
    }

    /** After every epoch, with the mean training loss of the epoch. */
    default void epoch(int epoch, double meanLoss) {
    }

    /** Polled between updates; true stops the run after saving what it has. */
    default boolean isCancelled() {
        return false;
    }
}
