package io.liquidlens.io;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text stream, each bounded before it is built: unlike {@link java.io.BufferedReader#readLine}, a
 * file without line ends cannot make it hold the whole file in one string. A line ends at {@code \n}; a
 * {@code \r} before it is dropped.
 */
final class LineReader implements AutoCloseable {
    /** A line longer than the limit asked for; nothing more of it is kept. */
    static final class TooLong extends IOException {
        private static final long serialVersionUID = 1L;

        TooLong(int maxChars) {
            super("a line is longer than " + maxChars + " characters");
        }
    }

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int filled;

    LineReader(Reader in) {
        this.in = in;
    }

    /**
     * The next line without its end, or null at the end of the stream.
     *
     * @throws TooLong when the line has more than {@code maxChars} characters
     */
    String next(int maxChars) throws IOException {
        StringBuilder line = null;
        while (true) {
            if (position == filled && !fill()) {
                return line == null ? null : trimmed(line);
            }
            int start = position;
            while (position < filled && buffer[position] != '\n') {
                position++;
            }
            int length = position - start;
            if ((line == null ? 0 : line.length()) + length > maxChars) {
                throw new TooLong(maxChars);
            }
            if (position < filled) {
                position++; // the '\n'
                if (line == null) {
                    return trimmed(new String(buffer, start, length));
                }
                return trimmed(line.append(buffer, start, length));
            }
            line = line == null ? new StringBuilder(length * 2) : line;
            line.append(buffer, start, length);
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        filled = n;
        return true;
    }

    private static String trimmed(CharSequence line) {
        int end = line.length();
        return (end > 0 && line.charAt(end - 1) == '\r' ? line.subSequence(0, end - 1) : line).toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
