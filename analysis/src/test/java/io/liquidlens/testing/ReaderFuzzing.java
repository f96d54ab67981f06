package io.liquidlens.testing;

import io.liquidlens.LiquidLensException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The contract every fuzz test of a reader checks: whatever the bytes, the reader returns a value or
 * throws a {@link LiquidLensException} naming the file and what is wrong with it. Anything else escapes
 * to Jazzer as a finding: another exception, a reader's catch-all wrapping a runtime exception it did not
 * foresee ({@code IoProblems.unexpected}), an {@link OutOfMemoryError} under the fuzz profile's small
 * heap, or a {@link StackOverflowError}.
 *
 * <p>Readers take paths, so the bytes are written to a file first. One scratch folder serves the whole
 * JVM (a fuzzing run writes millions of files; a folder per input would cost more than the reading) and
 * is removed when the JVM exits.
 */
public final class ReaderFuzzing {
    private static final Path SCRATCH = createScratch();

    private ReaderFuzzing() {
    }

    /**
     * Writes {@code content} to a file called {@code fileName} in the scratch folder and reads it with
     * {@code reader}, checking the contract.
     *
     * @return what the reader returned, or null when it refused the file as it should
     */
    public static <T> T readFile(byte[] content, String fileName, Function<Path, T> reader) {
        return refusedOrRead(write(content, fileName), reader);
    }

    /** Writes {@code content} to a file called {@code fileName} in the scratch folder, replacing it. */
    public static Path write(byte[] content, String fileName) {
        Path file = SCRATCH.resolve(fileName);
        try {
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code reader} on an existing {@code file}, checking the contract. */
    public static <T> T refusedOrRead(Path file, Function<Path, T> reader) {
        try {
            return reader.apply(file);
        } catch (LiquidLensException e) {
            assertUserFacing(e, file.toString());
            return null;
        }
    }

    /** A folder in the scratch folder, created if missing, for readers that take a folder. */
    public static Path folder(String name) {
        Path folder = SCRATCH.resolve(name);
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails unless {@code e} is a problem the reader foresaw, told as a user sees it: the message starts
     * with {@code source} (the file at fault) and the exception does not wrap a runtime exception other
     * than the {@link IllegalArgumentException} parsers throw on purpose, which is how a reader's catch-all
     * passes on a failure it did not foresee. (The message may quote the file's own text, line breaks
     * included; the command line prints it on one line.)
     */
    public static void assertUserFacing(RuntimeException e, String source) {
        String message = e.getMessage();
        if (message == null || !message.startsWith(source + ": ")) {
            throw new AssertionError("the message does not name " + source + ": " + message, e);
        }
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException && !(cause instanceof LiquidLensException)
                && cause.getClass() != IllegalArgumentException.class) {
            throw new AssertionError("an unforeseen " + cause.getClass().getName() + " behind: " + message, e);
        }
    }

    private static Path createScratch() {
        try {
            Path dir = Files.createTempDirectory("liquidlens-fuzz");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover folder in the temporary directory is no reason to fail a test run
        }
    }
}
