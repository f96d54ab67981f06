package io.liquidlens.io;

import io.liquidlens.LiquidLensException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Turns low-level failures into the one-line problems users see. */
final class IoProblems {
    private IoProblems() {
    }

    /** A one-line description of an I/O failure while reading. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "file not found";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof EOFException) {
            return "file ends early (truncated?)";
        }
        String message = e.getMessage();
        return "cannot read (" + (message == null ? e.getClass().getSimpleName() : firstLine(message)) + ")";
    }

    /**
     * The last line of defence: a runtime exception from parsing means a corrupt file we did not
     * foresee. The user still gets one line naming the file; the cause is kept for logs.
     */
    static LiquidLensException unexpected(Path file, String kind, RuntimeException e) {
        if (e instanceof LiquidLensException lle) {
            return lle;
        }
        return new LiquidLensException(file, "not a readable " + kind + " file (unforeseen "
                + e.getClass().getSimpleName() + ")", e);
    }

    /** A file-reading body that reports malformed content as {@link FormatException}. */
    @FunctionalInterface
    interface FileBody<T> {
        T apply() throws IOException, FormatException;
    }

    /**
     * Runs {@code body}, turning every failure into one {@link LiquidLensException} naming {@code file}:
     * malformed content as its own message, I/O failures as {@link #describe}, anything unforeseen as
     * {@link #unexpected}.
     */
    static <T> T reading(Path file, String kind, FileBody<T> body) {
        RegularFiles.require(file);
        try {
            return body.apply();
        } catch (FormatException e) {
            throw new LiquidLensException(file, e.getMessage(), e);
        } catch (IOException e) {
            throw new LiquidLensException(file, describe(e), e);
        } catch (RuntimeException e) {
            throw unexpected(file, kind, e);
        }
    }

    static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
