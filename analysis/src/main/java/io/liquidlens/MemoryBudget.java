package io.liquidlens;

import java.util.Locale;

/**
 * Refuses work that cannot fit in the Java heap before it is allocated: the caller estimates the bytes
 * from the sizes it was given and gets one line naming both numbers and the {@code -Xmx} that would do,
 * instead of an {@code OutOfMemoryError} minutes later.
 */
public final class MemoryBudget {
    private static final double GB = 1e9;

    private MemoryBudget() {
    }

    /** The most heap Java may use in this run ({@code -Xmx}, or its default share of the machine). */
    public static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * Returns quietly when {@code bytes} fits in {@link #maxHeap()}.
     *
     * @param what  the culprit and the work, e.g. "model.json: this network" (the message starts with it)
     * @param bytes the estimated need
     * @throws LiquidLensException "WHAT needs about X GB, Java may use Y GB; run java -XmxZg ..." otherwise
     */
    public static void require(String what, long bytes) {
        require(what, bytes, maxHeap());
    }

    /** {@link #require(String, long)} against a given heap size (for tests). */
    static void require(String what, long bytes, long heap) {
        if (bytes > heap) {
            throw new LiquidLensException(what + " needs about " + gigabytes(bytes) + ", Java may use "
                    + gigabytes(heap) + "; run java -Xmx" + suggestedGigabytes(bytes)
                    + "g -jar liquidlens.jar ... if the machine has that much memory, or give smaller sizes");
        }
    }

    /** {@code bytes} as "6.2 GB" (one decimal; two significant digits below 1 GB). */
    static String gigabytes(long bytes) {
        double g = bytes / GB;
        return String.format(Locale.ROOT, g >= 1 ? "%.1f GB" : "%.2g GB", g);
    }

    /** A heap in whole gigabytes with room for the rest of the run beside the estimate. */
    static long suggestedGigabytes(long bytes) {
        return (long) Math.ceil(bytes * 1.5 / (1L << 30)) + 1;
    }

    /** {@code a * b * ...} without overflow: saturates at {@link Long#MAX_VALUE}. */
    public static long product(long... factors) {
        long p = 1;
        for (long f : factors) {
            if (f < 0) {
                throw new IllegalArgumentException("negative size " + f);
            }
            if (f != 0 && p > Long.MAX_VALUE / f) {
                return Long.MAX_VALUE;
            }
            p *= f;
        }
        return p;
    }

    /** {@code a + b} without overflow: saturates at {@link Long#MAX_VALUE}. */
    public static long sum(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }
}
