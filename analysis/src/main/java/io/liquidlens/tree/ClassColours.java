package io.liquidlens.tree;

import java.util.Locale;

/**
 * The one palette of the tree exports (DOT, PDF, the app): a class's fill colour by its index. Three classes are
 * left / straight / right style (blue, grey, orange, low values first); more are interpolated from blue to orange.
 */
public final class ClassColours {
    private static final int[] THREE = {0x9ecae1, 0xe0e0e0, 0xfdae6b};
    private static final int LOW = 0x9ecae1;
    private static final int HIGH = 0xfdae6b;

    private ClassColours() {
    }

    /** The fill of class {@code k} of {@code classes} as 0xRRGGBB. */
    public static int rgb(int k, int classes) {
        if (classes == THREE.length) {
            return THREE[k];
        }
        double f = classes == 1 ? 0 : (double) k / (classes - 1);
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int lo = (LOW >> shift) & 0xff;
            int hi = (HIGH >> shift) & 0xff;
            out |= (int) Math.round(lo + f * (hi - lo)) << shift;
        }
        return out;
    }

    /** The same as {@code #rrggbb}. */
    public static String hex(int k, int classes) {
        return String.format(Locale.ROOT, "#%06x", rgb(k, classes));
    }
}
