package io.liquidlens.app.workspace;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The one time cursor every view follows: the current step of the loaded rollout, always in
 * [0, steps - 1] (0 when nothing is loaded). Views listen to {@link #stepProperty()}; controls move it.
 */
public final class TimeCursor {
    private final ReadOnlyIntegerWrapper steps = new ReadOnlyIntegerWrapper(0);
    private final IntegerProperty step = new SimpleIntegerProperty(0) {
        @Override
        public void set(int value) {
            super.set(clamp(value));
        }
    };

    private int clamp(int value) {
        int last = Math.max(0, steps.get() - 1);
        return Math.max(0, Math.min(last, value));
    }

    /** The current step. Setting it clamps to the rollout. */
    public IntegerProperty stepProperty() {
        return step;
    }

    /** Number of steps of the loaded rollout (0 when none). */
    public ReadOnlyIntegerProperty stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    /** The current step. */
    public int step() {
        return step.get();
    }

    /** Number of steps. */
    public int steps() {
        return steps.get();
    }

    /** A new rollout of {@code count} steps: the cursor goes to its first step. */
    public void reset(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + count);
        }
        steps.set(count);
        step.set(0);
    }

    /** Moves to {@code value} (clamped). */
    public void moveTo(int value) {
        step.set(value);
    }

    /** Moves by {@code delta} steps (clamped). */
    public void moveBy(int delta) {
        step.set(step.get() + delta);
    }

    /** First step. */
    public void home() {
        step.set(0);
    }

    /** Last step. */
    public void end() {
        step.set(steps.get() - 1);
    }

    /** True at the last step. */
    public boolean atEnd() {
        return step.get() >= steps.get() - 1;
    }
}
