package io.liquidlens.io;

import java.io.IOException;

/**
 * A consumer that may throw {@link IOException}, for code that writes to a stream.
 *
 * @param <T> what it consumes
 */
@FunctionalInterface
public interface IOConsumer<T> {
    /**
     * Consumes {@code value}.
     *
     * @param value the value
     * @throws IOException when writing fails
     */
    void accept(T value) throws IOException;
}
