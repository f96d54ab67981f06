package io.liquidlens.tree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict parser for the subset of the DOT language our exports write: {@code digraph ID { stmt* }} with
 * statements {@code graph|node|edge [attrs];}, {@code ID [attrs];} and {@code ID -> ID [attrs];}, attributes
 * {@code ID=ID|"quoted"} separated by commas. Anything else (an unbalanced quote, a bad escape, a missing
 * semicolon, an undefined node in an edge) fails.
 */
final class StrictDot {
    record Graph(String graphLabel, Map<String, Map<String, String>> nodes, List<Map<String, String>> edges) {
    }

    private final String s;
    private int i;

    private StrictDot(String s) {
        this.s = s;
    }

    static Graph parse(String text) {
        return new StrictDot(text).graph();
    }

    private Graph graph() {
        expectWord("digraph");
        id();
        expect('{');
        Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
        List<Map<String, String>> edges = new ArrayList<>();
        String label = null;
        while (true) {
            skipSpace();
            if (peek() == '}') {
                i++;
                break;
            }
            String first = id();
            skipSpace();
            if (s.startsWith("->", i)) {
                i += 2;
                String to = id();
                Map<String, String> a = attrs();
                if (!nodes.containsKey(first) || !nodes.containsKey(to)) {
                    throw fail("edge " + first + " -> " + to + " before its nodes");
                }
                a.put("from", first);
                a.put("to", to);
                edges.add(a);
            } else {
                Map<String, String> a = attrs();
                if (first.equals("graph")) {
                    label = a.get("label");
                } else if (!first.equals("node") && !first.equals("edge")) {
                    if (nodes.put(first, a) != null) {
                        throw fail("node " + first + " twice");
                    }
                }
            }
            skipSpace();
            expect(';');
        }
        skipSpace();
        if (i != s.length()) {
            throw fail("text after the graph");
        }
        return new Graph(label, nodes, edges);
    }

    private Map<String, String> attrs() {
        Map<String, String> a = new LinkedHashMap<>();
        skipSpace();
        expect('[');
        while (true) {
            skipSpace();
            String k = id();
            skipSpace();
            expect('=');
            String v = id();
            a.put(k, v);
            skipSpace();
            if (peek() == ',') {
                i++;
                continue;
            }
            expect(']');
            return a;
        }
    }

    private String id() {
        skipSpace();
        if (peek() == '"') {
            i++;
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw fail("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\n') {
                    throw fail("raw line break in a string");
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case '"' -> b.append('"');
                        case '\\' -> b.append('\\');
                        case 'n' -> b.append('\n');
                        default -> throw fail("escape \\" + e);
                    }
                } else {
                    b.append(c);
                }
            }
        }
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        if (start == i) {
            throw fail("an identifier or string expected");
        }
        return s.substring(start, i);
    }

    private void expectWord(String w) {
        skipSpace();
        if (!s.startsWith(w, i)) {
            throw fail("'" + w + "' expected");
        }
        i += w.length();
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw fail("'" + c + "' expected");
        }
        i++;
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private void skipSpace() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private IllegalArgumentException fail(String what) {
        int line = 1;
        for (int k = 0; k < Math.min(i, s.length()); k++) {
            if (s.charAt(k) == '\n') {
                line++;
            }
        }
        return new IllegalArgumentException("DOT line " + line + ": " + what);
    }
}
