package io.liquidlens.dynamics;

import java.util.Arrays;

/**
 * Eigenvalues and eigenvectors of a symmetric matrix: Householder reflections bring it to tridiagonal form, then
 * implicit QR steps with Wilkinson's shift (Givens rotations chasing the bulge) diagonalise that, both accumulated
 * into the eigenvectors. Backward stable, so every eigenvalue is exact to about 1e-16 of the largest, and
 * O(n^3) once rather than per sweep (cyclic Jacobi took 17 s for 400 neurons; this takes well under a second).
 */
final class SymmetricEigen {
    private static final double EPS = Math.ulp(1.0);
    /** QR steps allowed per eigenvalue before giving up; convergence is cubic, a handful is the rule. */
    private static final int MAX_STEPS_PER_VALUE = 60;

    /** Eigenvalues, largest first. */
    final double[] values;
    /** {@code vectors[k]} is the unit eigenvector of {@code values[k]}. */
    final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** Decomposes {@code a} (n x n, symmetric; not changed). */
    static SymmetricEigen of(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        // rows of v are the columns of the accumulated orthogonal transform
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        double[] diag = new double[n];
        double[] off = new double[n];
        tridiagonalise(m, v, diag, off);
        diagonalise(diag, off, v);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(diag[j], diag[i]));
        double[] values = new double[n];
        double[][] vectors = new double[n][];
        for (int k = 0; k < n; k++) {
            values[k] = diag[order[k]];
            vectors[k] = v[order[k]];
        }
        return new SymmetricEigen(values, vectors);
    }

    /**
     * Householder reduction: for each column k, the reflection I - 2 u u^T that maps the part below the diagonal
     * onto its first entry, applied to both sides of the trailing block and to v from the right.
     */
    private static void tridiagonalise(double[][] m, double[][] v, double[] diag, double[] off) {
        int n = m.length;
        double[] u = new double[n];
        double[] p = new double[n];
        double[] vu = new double[n];
        for (int k = 0; k < n - 2; k++) {
            double norm = 0;
            for (int i = k + 1; i < n; i++) {
                norm += m[i][k] * m[i][k];
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                off[k] = 0;
                continue;
            }
            // reflect onto -sign(x0) |x| so that u's first entry does not cancel
            double alpha = m[k + 1][k] > 0 ? -norm : norm;
            Arrays.fill(u, 0);
            double length = 0;
            for (int i = k + 1; i < n; i++) {
                u[i] = m[i][k];
            }
            u[k + 1] -= alpha;
            for (int i = k + 1; i < n; i++) {
                length += u[i] * u[i];
            }
            length = Math.sqrt(length);
            for (int i = k + 1; i < n; i++) {
                u[i] /= length;
            }
            // H B H = B - 2 u w^T - 2 w u^T with p = B u, w = p - (u^T p) u, for the trailing block B
            double up = 0;
            for (int i = k + 1; i < n; i++) {
                double s = 0;
                double[] row = m[i];
                for (int j = k + 1; j < n; j++) {
                    s += row[j] * u[j];
                }
                p[i] = s;
                up += u[i] * s;
            }
            for (int i = k + 1; i < n; i++) {
                p[i] -= up * u[i];
            }
            for (int i = k + 1; i < n; i++) {
                double[] row = m[i];
                double ui = 2 * u[i];
                double wi = 2 * p[i];
                for (int j = k + 1; j < n; j++) {
                    row[j] -= ui * p[j] + wi * u[j];
                }
            }
            off[k] = alpha;
            // v <- v H: each accumulated column j loses 2 u_j (V u)
            Arrays.fill(vu, 0);
            for (int j = k + 1; j < n; j++) {
                double uj = u[j];
                double[] col = v[j];
                for (int i = 0; i < n; i++) {
                    vu[i] += uj * col[i];
                }
            }
            for (int j = k + 1; j < n; j++) {
                double f = 2 * u[j];
                double[] col = v[j];
                for (int i = 0; i < n; i++) {
                    col[i] -= f * vu[i];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            diag[i] = m[i][i];
        }
        if (n >= 2) {
            off[n - 2] = m[n - 1][n - 2];
        }
        if (n >= 1) {
            off[n - 1] = 0;
        }
    }

    /** Implicit shifted QR on the tridiagonal (diag, off), deflating from the bottom; rotations go into v. */
    private static void diagonalise(double[] diag, double[] off, double[][] v) {
        int n = diag.length;
        int hi = n - 1;
        int steps = 0;
        while (hi > 0) {
            if (negligible(off[hi - 1], diag[hi - 1], diag[hi])) {
                off[hi - 1] = 0;
                hi--;
                steps = 0;
                continue;
            }
            int lo = hi - 1;
            while (lo > 0 && !negligible(off[lo - 1], diag[lo - 1], diag[lo])) {
                lo--;
            }
            if (lo > 0) {
                off[lo - 1] = 0;
            }
            if (++steps > MAX_STEPS_PER_VALUE) {
                throw new ArithmeticException("the eigenvalues did not converge (a matrix with NaN or infinite"
                        + " entries?)");
            }
            qrStep(diag, off, v, lo, hi);
        }
    }

    private static boolean negligible(double off, double a, double b) {
        return Math.abs(off) <= EPS * (Math.abs(a) + Math.abs(b)) || Math.abs(off) < Double.MIN_NORMAL;
    }

    /**
     * One implicit QR step on the unreduced block lo..hi, shifted by Wilkinson's shift: the eigenvalue of the
     * block's last 2 x 2 nearer its last diagonal entry.
     */
    private static void qrStep(double[] diag, double[] off, double[][] v, int lo, int hi) {
        double d = (diag[hi - 1] - diag[hi]) / 2;
        double b = off[hi - 1];
        double shift = diag[hi] - b * b / (d + Math.copySign(Math.hypot(d, b), d));
        double x = diag[lo] - shift;
        double z = off[lo];
        for (int k = lo; k < hi; k++) {
            double r = Math.hypot(x, z);
            double c = r == 0 ? 1 : x / r;
            double s = r == 0 ? 0 : -z / r;
            if (k > lo) {
                off[k - 1] = r;
            }
            double p = diag[k];
            double q = diag[k + 1];
            double e = off[k];
            diag[k] = c * c * p - 2 * c * s * e + s * s * q;
            diag[k + 1] = s * s * p + 2 * c * s * e + c * c * q;
            off[k] = c * s * (p - q) + (c * c - s * s) * e;
            if (k < hi - 1) {
                z = -s * off[k + 1];
                off[k + 1] *= c;
                x = off[k];
            }
            double[] vk = v[k];
            double[] vk1 = v[k + 1];
            for (int i = 0; i < vk.length; i++) {
                double a = vk[i];
                double a1 = vk1[i];
                vk[i] = c * a - s * a1;
                vk1[i] = s * a + c * a1;
            }
        }
    }
}
