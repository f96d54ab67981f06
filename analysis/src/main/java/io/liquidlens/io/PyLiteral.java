package io.liquidlens.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the small subset of Python literal syntax numpy writes in {@code .npy} headers: dicts, tuples,
 * lists, quoted strings, integers, {@code True}/{@code False}/{@code None}. Dicts become
 * {@link LinkedHashMap}, tuples and lists {@link List}, integers {@link Long}, {@code None} the string
 * "None". Nothing is evaluated.
 */
final class PyLiteral {
    private static final int MAX_DEPTH = 32;

    private final String text;
    private int pos;

    private PyLiteral(String text) {
        this.text = text;
    }

    /** The value of {@code text}, which must hold exactly one literal (whitespace around it allowed). */
    static Object parse(String text) throws FormatException {
        PyLiteral parser = new PyLiteral(text);
        Object value = parser.value(0);
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the header dict");
        }
        return value;
    }

    private Object value(int depth) throws FormatException {
        if (depth > MAX_DEPTH) {
            throw error("header nested too deeply");
        }
        skipSpace();
        if (pos >= text.length()) {
            throw error("header ends early");
        }
        char c = text.charAt(pos);
        if (c == '{') {
            return dict(depth);
        }
        if (c == '(' || c == '[') {
            return sequence(c == '(' ? ')' : ']', depth);
        }
        if (c == '\'' || c == '"') {
            return string(c);
        }
        if (c == '-' || Character.isDigit(c)) {
            return integer();
        }
        for (String word : new String[] {"True", "False", "None"}) {
            if (text.startsWith(word, pos)) {
                pos += word.length();
                return word.equals("None") ? "None" : Boolean.valueOf(word.equals("True"));
            }
        }
        throw error("unexpected character '" + c + "'");
    }

    private Map<Object, Object> dict(int depth) throws FormatException {
        Map<Object, Object> out = new LinkedHashMap<>();
        pos++; // '{'
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return out;
            }
            Object key = value(depth + 1);
            skipSpace();
            expect(':');
            out.put(key, value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != '}') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> sequence(char close, int depth) throws FormatException {
        List<Object> out = new ArrayList<>();
        pos++;
        while (true) {
            skipSpace();
            if (peek() == close) {
                pos++;
                return out;
            }
            out.add(value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != close) {
                throw error("expected ',' or '" + close + "'");
            }
        }
    }

    private String string(char quote) throws FormatException {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            out.append(c);
        }
        throw error("unterminated string");
    }

    private Long integer() throws FormatException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        String digits = text.substring(start, pos);
        if (peek() == 'L') { // Python 2 long suffix, seen in old files
            pos++;
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error("bad integer '" + digits + "'");
        }
    }

    private void expect(char c) throws FormatException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private FormatException error(String problem) {
        return new FormatException("bad .npy header: " + problem + " at character " + pos);
    }
}
