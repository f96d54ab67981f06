package io.liquidlens.io;

/**
 * A problem with the bytes of a file, described in one line without the file name. The public entry
 * points turn it into a {@link io.liquidlens.LiquidLensException} that names the file; being checked,
 * the compiler makes sure none slips through.
 */
final class FormatException extends Exception {
    private static final long serialVersionUID = 1L;

    FormatException(String problem) {
        super(problem);
    }

    FormatException(String problem, Throwable cause) {
        super(problem, cause);
    }
}
