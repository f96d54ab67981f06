package io.liquidlens.train;

import java.util.List;

/**
 * What a training run did.
 *
 * @param epochLosses mean training loss of each completed epoch, in order
 * @param updates     optimizer updates made
 * @param cancelled   true when the listener stopped the run early
 */
public record TrainResult(List<Double> epochLosses, long updates, boolean cancelled) {
    public TrainResult {
        epochLosses = List.copyOf(epochLosses);
    }

    /** The last epoch's mean loss (NaN when no epoch completed). */
    public double finalLoss() {
        return epochLosses.isEmpty() ? Double.NaN : epochLosses.get(epochLosses.size() - 1);
    }
}
