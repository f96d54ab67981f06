package io.liquidlens.train;

/** Clipping of a flat gradient by its global L2 norm, as torch.nn.utils.clip_grad_norm_. */
public final class GradientClipping {
    private GradientClipping() {
    }

    /**
     * Scales {@code grad} in place so its L2 norm is at most {@code maxNorm}; returns the norm before
     * clipping (NaN or infinite when the gradient is, which the caller treats as divergence).
     */
    public static double clipByNorm(double[] grad, double maxNorm) {
        double sum = 0;
        for (double g : grad) {
            sum += g * g;
        }
        double norm = Math.sqrt(sum);
        if (Double.isFinite(norm) && norm > maxNorm) {
            double scale = maxNorm / (norm + 1e-6);
            for (int i = 0; i < grad.length; i++) {
                grad[i] *= scale;
            }
        }
        return norm;
    }
}
