package io.liquidlens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.liquidlens.LiquidLensException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A small fuzzer: truncates a good file at many lengths and flips bytes at many positions. Every
 * attempt must either read (a flip in bytes nobody checks, e.g. a zip timestamp) or fail with a
 * one-line {@link LiquidLensException} naming the file that was foreseen by the reader (not the
 * catch-all for unforeseen runtime exceptions).
 */
final class Corruption {
    private Corruption() {
    }

    static void assertEveryCorruptionFailsCleanly(Path dir, byte[] good, String fileName, Consumer<Path> reader) {
        Path file = dir.resolve(fileName);
        int step = Math.max(1, good.length / 400);
        int attempts = 0;
        for (int length = 0; length < good.length; length += (length < 64 ? 1 : step)) {
            attempt(file, ZipFiles.prefix(good, length), reader, "truncated to " + length, true);
            attempts++;
        }
        for (int at = 0; at < good.length; at += (at < 64 || at > good.length - 64 ? 1 : step)) {
            byte[] flipped = good.clone();
            flipped[at] ^= (byte) 0xff;
            attempt(file, flipped, reader, "byte " + at + " flipped", false);
            attempts++;
        }
        assertThat(attempts).isGreaterThan(100);
    }

    private static void attempt(Path file, byte[] content, Consumer<Path> reader, String what, boolean mustFail) {
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            reader.accept(file);
            if (mustFail) {
                fail(what + ": read without complaint");
            }
        } catch (LiquidLensException e) {
            assertThat(e.getMessage()).as(what).startsWith(file + ": ").doesNotContain("\n")
                    .doesNotContain("unforeseen");
        } catch (RuntimeException | Error e) {
            throw new AssertionError(what + ": escaped as " + e, e);
        }
    }
}
