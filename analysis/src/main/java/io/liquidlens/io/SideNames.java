package io.liquidlens.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Names of the hidden files LiquidLens keeps beside an output while it writes it: temporaries, the old copy of
 * a folder being replaced, and the lock. Every such name starts with a dot, the output's name and {@code .ll-},
 * so a later run can recognise what an interrupted one left behind, and it stays within the 255 bytes a file
 * name may have on the usual file systems even when the output's own name is that long (a long name is cut and
 * its hash appended).
 */
final class SideNames {
    /** Names longer than this (in UTF-8 bytes) are cut to make room for the suffix. */
    private static final int MAX_BASE_BYTES = 200;
    private static final int CUT_BYTES = 180;
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();

    private SideNames() {
    }

    /** A fresh name for a temporary file or folder beside {@code target}. */
    static Path temporary(Path target) {
        return beside(target, "ll-tmp-" + PID + "-" + COUNTER.incrementAndGet());
    }

    /** A fresh name for the old copy of {@code target} while the new one takes its place. */
    static Path aside(Path target) {
        return beside(target, "ll-old-" + PID + "-" + COUNTER.incrementAndGet());
    }

    /** The lock file of {@code target}. */
    static Path lock(Path target) {
        return beside(target, "ll-lock");
    }

    /**
     * Whether {@code entry} (a file name in the output's folder) is a temporary or an old copy that a
     * LiquidLens run left beside the output named {@code outputName}: the names above, and those that builds
     * before these names used ({@code .NAME.DIGITS}, {@code .NAME.old.DIGITS}, {@code .NAME.DIGITS.tmp}, with the 15 to 20
     * digits of a random number, so a user's own hidden file is not mistaken for one).
     */
    static boolean isLeftover(String entry, String outputName) {
        return leftover(outputName).matcher(entry).matches();
    }

    /** Whether {@code entry} is an old copy of the output (worth putting back when the output is missing). */
    static boolean isOldCopy(String entry, String outputName) {
        var m = leftover(outputName).matcher(entry);
        return m.matches() && ("old".equals(m.group(1)) || m.group(2) != null);
    }

    private static Pattern leftover(String outputName) {
        return Pattern.compile("\\." + Pattern.quote(base(outputName)) + "\\.ll-(tmp|old)-\\d+-\\d+"
                + "|\\." + Pattern.quote(outputName) + "\\.(old\\.)?\\d{15,20}(\\.tmp)?");
    }

    private static Path beside(Path target, String suffix) {
        Path abs = target.toAbsolutePath().normalize();
        String name = abs.getFileName() == null ? "root" : abs.getFileName().toString();
        return abs.resolveSibling("." + base(name) + "." + suffix);
    }

    /** The output's name, or its first bytes and a hash of the whole when it is too long. */
    static String base(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BASE_BYTES) {
            return name;
        }
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + n > CUT_BYTES) {
                break;
            }
            cut.appendCodePoint(cp);
            used += n;
            i += Character.charCount(cp);
        }
        return cut + "~" + String.format(Locale.ROOT, "%08x", name.hashCode());
    }
}
