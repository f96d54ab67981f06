package io.liquidlens.head;

/** Between a frame as rollouts hold it, (H, W, C), and torch's (C, H, W). */
final class Layouts {

    private Layouts() {
    }

    static void hwcToChw(float[] src, int so, ImageShape s, float[] dst, int dO) {
        int h = s.height();
        int w = s.width();
        int c = s.channels();
        int plane = h * w;
        for (int p = 0; p < plane; p++) {
            int from = so + p * c;
            for (int k = 0; k < c; k++) {
                dst[dO + k * plane + p] = src[from + k];
            }
        }
    }

    static void hwcToChw(float[] src, int so, ImageShape s, double[] dst, int dO) {
        int c = s.channels();
        int plane = s.height() * s.width();
        for (int p = 0; p < plane; p++) {
            int from = so + p * c;
            for (int k = 0; k < c; k++) {
                dst[dO + k * plane + p] = src[from + k];
            }
        }
    }

    static void hwcToChw(double[] src, int so, ImageShape s, double[] dst, int dO) {
        int c = s.channels();
        int plane = s.height() * s.width();
        for (int p = 0; p < plane; p++) {
            int from = so + p * c;
            for (int k = 0; k < c; k++) {
                dst[dO + k * plane + p] = src[from + k];
            }
        }
    }

    static void hwcToChw(double[] src, int so, ImageShape s, float[] dst, int dO) {
        int c = s.channels();
        int plane = s.height() * s.width();
        for (int p = 0; p < plane; p++) {
            int from = so + p * c;
            for (int k = 0; k < c; k++) {
                dst[dO + k * plane + p] = (float) src[from + k];
            }
        }
    }

    static void chwToHwc(float[] src, int so, ImageShape s, double[] dst, int dO) {
        int c = s.channels();
        int plane = s.height() * s.width();
        for (int p = 0; p < plane; p++) {
            int to = dO + p * c;
            for (int k = 0; k < c; k++) {
                dst[to + k] = src[so + k * plane + p];
            }
        }
    }

    static void chwToHwc(double[] src, int so, ImageShape s, double[] dst, int dO) {
        int c = s.channels();
        int plane = s.height() * s.width();
        for (int p = 0; p < plane; p++) {
            int to = dO + p * c;
            for (int k = 0; k < c; k++) {
                dst[to + k] = src[so + k * plane + p];
            }
        }
    }
}
