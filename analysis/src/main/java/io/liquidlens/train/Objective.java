package io.liquidlens.train;

import java.util.List;

/** What training minimises: the mean loss over a batch of windows and its gradient. */
@FunctionalInterface
public interface Objective {

    /**
     * The mean loss over {@code batch} at the current parameter values, with its gradient with respect to
     * every parameter written (overwritten) into {@code grad} (the layout of the model's ParamSet).
     */
    double lossAndGradient(List<TrainingWindows.Window> batch, double[] grad);
}
