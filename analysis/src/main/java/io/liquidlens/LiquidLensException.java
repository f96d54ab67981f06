package io.liquidlens;

import java.nio.file.Path;

/**
 * A problem the user can fix: bad input, a missing file, a model that does not fit its data. The
 * message is one line that names the file (when there is one) and what is wrong with it; the command
 * line prints exactly that and exits with code 1.
 */
public class LiquidLensException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LiquidLensException(String message) {
        super(message);
    }

    public LiquidLensException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "FILE: problem". */
    public LiquidLensException(Path file, String problem) {
        super(file + ": " + problem);
    }

    /** "FILE: problem", keeping the cause for logs (never shown to the user). */
    public LiquidLensException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
