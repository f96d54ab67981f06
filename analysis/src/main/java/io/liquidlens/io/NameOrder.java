package io.liquidlens.io;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Names in the order a person reads numbered ones: runs of digits compare as numbers, so {@code epoch-2} comes
 * before {@code epoch-10} (plain text order puts it after). Checkpoints are named this way by training scripts that
 * do not pad their epoch numbers, and a folder of them is a report's models in this order, its first the reference.
 * Names equal as numbers ({@code e02}, {@code e2}) fall back to text order, so the order is total.
 */
public final class NameOrder implements Comparator<String> {
    /** The one instance; it holds no state. */
    public static final NameOrder NATURAL = new NameOrder();

    private NameOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (isDigit(x) && isDigit(y)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int c = new BigInteger(a.substring(i, endA)).compareTo(new BigInteger(b.substring(j, endB)));
                if (c != 0) {
                    return c;
                }
                i = endA;
                j = endB;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }
}
