package io.liquidlens.train;

/**
 * Adam (Kingma and Ba, 2015) over a flat parameter vector, as torch.optim.Adam with default betas: bias-
 * corrected first and second moments, step = lr * m_hat / (sqrt(v_hat) + eps). Entries that are not
 * trained (sparsity masks) are never touched; each entry's step may be scaled (torch's parameter groups
 * with their own lr). The moments are part of the state a resumed run needs.
 */
public final class Adam {
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final boolean[] trainable;
    private final double[] rateScale;
    private final double[] m;
    private final double[] v;
    private long steps;

    /**
     * @param trainable which entries of the flat vector are trained
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon, boolean[] trainable) {
        this(learningRate, beta1, beta2, epsilon, trainable, null);
    }

    /**
     * @param trainable which entries of the flat vector are trained
     * @param rateScale each entry's multiple of the learning rate (null: 1 for all)
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon, boolean[] trainable,
                double[] rateScale) {
        if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("Adam needs lr > 0, betas in [0, 1) and eps > 0; got lr=" + learningRate
                    + ", betas=(" + beta1 + ", " + beta2 + "), eps=" + epsilon);
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.trainable = trainable.clone();
        if (rateScale != null && rateScale.length != trainable.length) {
            throw new IllegalArgumentException("rate scale has " + rateScale.length + " entries for " + trainable.length
                    + " parameters");
        }
        this.rateScale = rateScale == null ? null : rateScale.clone();
        this.m = new double[trainable.length];
        this.v = new double[trainable.length];
    }

    /** torch's defaults: betas (0.9, 0.999), eps 1e-8. */
    public static Adam withDefaults(double learningRate, boolean[] trainable) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8, trainable);
    }

    /** torch's defaults, with a multiple of the learning rate per entry. */
    public static Adam withDefaults(double learningRate, boolean[] trainable, double[] rateScale) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8, trainable, rateScale);
    }

    /** One update of {@code values} in place from {@code grad}, at the constructor's learning rate. */
    public void step(double[] values, double[] grad) {
        step(values, grad, learningRate);
    }

    /** One update of {@code values} in place from {@code grad}, at the learning rate {@code lr} (a schedule's). */
    public void step(double[] values, double[] grad, double lr) {
        steps++;
        double c1 = 1 - Math.pow(beta1, steps);
        double c2 = 1 - Math.pow(beta2, steps);
        for (int i = 0; i < values.length; i++) {
            if (!trainable[i]) {
                continue;
            }
            double g = grad[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            double rate = rateScale == null ? lr : lr * rateScale[i];
            values[i] -= rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
        }
    }

    /** Number of updates made. */
    public long steps() {
        return steps;
    }

    /** A copy of the moments and the update count, for a checkpoint a run can be resumed from exactly. */
    public State state() {
        return new State(m.clone(), v.clone(), steps);
    }

    /**
     * Continues from a saved state (the moments of a previous run), as if the updates that made it had been
     * made by this instance.
     *
     * @throws IllegalArgumentException when the state was saved for a parameter vector of another size
     */
    public void restore(State state) {
        if (state.m().length != m.length || state.v().length != v.length) {
            throw new IllegalArgumentException("optimizer state holds " + state.m().length + " moments but the model has "
                    + m.length + " parameters");
        }
        System.arraycopy(state.m(), 0, m, 0, m.length);
        System.arraycopy(state.v(), 0, v, 0, v.length);
        steps = state.steps();
    }

    /**
     * Adam's running state.
     *
     * @param m     first moments, one per entry of the flat vector
     * @param v     second moments
     * @param steps updates made (for the bias correction)
     */
    public record State(double[] m, double[] v, long steps) {
        public State {
            m = m.clone();
            v = v.clone();
            if (steps < 0) {
                throw new IllegalArgumentException("steps must be >= 0, got " + steps);
            }
        }
    }
}
