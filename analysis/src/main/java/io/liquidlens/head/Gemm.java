package io.liquidlens.head;

/**
 * C += A B^T for row-major A (m x k) and B (n x k), C (m x n): every element of C is a dot product of
 * two contiguous rows. Done in 4 x 4 tiles with sixteen scalar accumulators, so each pair of loaded values
 * feeds four multiply-adds; this runs about twice as fast as axpy loops over rows of one flat array, which
 * the JIT leaves scalar.
 *
 * <p>Double precision, for reverse mode; the float32 forward uses {@link RowGemm}, whose rows in arrays of
 * their own the JIT vectorises (about three times these tiles' speed).
 */
final class Gemm {

    private Gemm() {
    }

    static void addNt(double[] a, int ao, int m, double[] b, int bo, int n, int k, double[] c, int co) {
        int m4 = m - m % 4;
        int n4 = n - n % 4;
        for (int i = 0; i < m4; i += 4) {
            int a0 = ao + i * k;
            int a1 = a0 + k;
            int a2 = a1 + k;
            int a3 = a2 + k;
            for (int j = 0; j < n4; j += 4) {
                int b0 = bo + j * k;
                int b1 = b0 + k;
                int b2 = b1 + k;
                int b3 = b2 + k;
                double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                double s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
                for (int t = 0; t < k; t++) {
                    double x0 = b[b0 + t];
                    double x1 = b[b1 + t];
                    double x2 = b[b2 + t];
                    double x3 = b[b3 + t];
                    double v = a[a0 + t];
                    s00 += v * x0;
                    s01 += v * x1;
                    s02 += v * x2;
                    s03 += v * x3;
                    v = a[a1 + t];
                    s10 += v * x0;
                    s11 += v * x1;
                    s12 += v * x2;
                    s13 += v * x3;
                    v = a[a2 + t];
                    s20 += v * x0;
                    s21 += v * x1;
                    s22 += v * x2;
                    s23 += v * x3;
                    v = a[a3 + t];
                    s30 += v * x0;
                    s31 += v * x1;
                    s32 += v * x2;
                    s33 += v * x3;
                }
                int r = co + i * n + j;
                c[r] += s00;
                c[r + 1] += s01;
                c[r + 2] += s02;
                c[r + 3] += s03;
                r += n;
                c[r] += s10;
                c[r + 1] += s11;
                c[r + 2] += s12;
                c[r + 3] += s13;
                r += n;
                c[r] += s20;
                c[r + 1] += s21;
                c[r + 2] += s22;
                c[r + 3] += s23;
                r += n;
                c[r] += s30;
                c[r + 1] += s31;
                c[r + 2] += s32;
                c[r + 3] += s33;
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = i < m4 ? n4 : 0; j < n; j++) {
                int ar = ao + i * k;
                int br = bo + j * k;
                double s = 0;
                for (int t = 0; t < k; t++) {
                    s += a[ar + t] * b[br + t];
                }
                c[co + i * n + j] += s;
            }
        }
    }
}
