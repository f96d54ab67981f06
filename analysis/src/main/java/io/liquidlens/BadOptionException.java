package io.liquidlens;

/**
 * A value the user gave for an option is out of range or malformed (the command line's exit code 2, bad
 * usage). The message starts with the option as the user wrote it, e.g. {@code "--episodes 0: must be
 * ..."}, and says what is accepted.
 */
public class BadOptionException extends LiquidLensException {
    private static final long serialVersionUID = 1L;

    /** "message" as it stands; it should start with the option. */
    public BadOptionException(String message) {
        super(message);
    }

    /** "message", keeping the cause for logs (never shown to the user). */
    public BadOptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
