package io.liquidlens.dynamics.service;

import io.liquidlens.sim.ProgressListener;

/** Progress of a dynamics run: which model is being measured, then that model's share done. */
public interface DynamicsProgress extends ProgressListener {

    /**
     * Model {@code index} (from 0) of {@code count} starts; {@link #progress} then counts its work.
     *
     * @param label the model as results name it
     */
    default void model(int index, int count, String label) {
    }
}
