package io.liquidlens.io;

import io.liquidlens.LiquidLensException;
import io.liquidlens.Limits;
import io.liquidlens.MemoryBudget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads chosen columns of a CSV file (a header row naming the columns, then one row per step) as float32
 * (T, k) arrays, one per group of column names. The file is streamed line by line; its size, its header's
 * width, each line's length and the row count are bounded before anything grows. Fields are separated by
 * commas, or by {@code ;} or a tab when the header holds no comma; fields are not quoted (a header name may
 * be). Every problem is one {@link LiquidLensException} naming the file, the row (1-based, the header is
 * row 1) and the column.
 */
public final class CsvColumns {
    private static final Pattern NOT_A_NUMBER = Pattern.compile("[+-]?nan", Pattern.CASE_INSENSITIVE);
    private static final Pattern INFINITE = Pattern.compile("[+-]?(inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final int LISTED_NAMES = 20;

    private final Path file;

    private CsvColumns(Path file) {
        this.file = file;
    }

    /**
     * What was read: one (T, k) float32 array per group of names asked for, in the order asked.
     *
     * @param arrays    the arrays, one per group
     * @param separator the separator the header used
     */
    public record Table(List<NdArray> arrays, CsvSeparator separator) {
        public Table {
            arrays = List.copyOf(arrays);
        }
    }

    /**
     * Reads the columns named in {@code groups} (e.g. the inputs, then the actions) from {@code file}.
     *
     * @param groups each group's column names with the option that named them ({@code "--inputs"}), in order
     * @throws LiquidLensException one line naming the file, the row and the column of the first problem
     */
    public static Table read(Path file, Map<String, List<String>> groups) {
        return new CsvColumns(file).readGroups(groups);
    }

    private Table readGroups(Map<String, List<String>> groups) {
        RegularFiles.require(file);
        long bytes = size();
        try (LineReader in = new LineReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            String header = nextLine(in, 1);
            if (header == null || header.isBlank()) {
                throw problem("is empty; the first row must be a header naming the columns");
            }
            CsvSeparator separator = CsvSeparator.of(header);
            List<String> names = headerNames(header.startsWith("\uFEFF") ? header.substring(1) : header, separator);
            int[][] picks = picks(names, groups);
            int chosen = Arrays.stream(picks).mapToInt(p -> p.length).sum();
            // every row takes at least two characters per column ("0,"), which bounds the rows before any grows
            long maxRows = Math.min(Limits.STEPS, bytes / Math.max(1, 2L * names.size()) + 1);
            MemoryBudget.require(file + ": reading " + maxRows + " rows of " + chosen + " columns",
                    MemoryBudget.product(maxRows, chosen, 2L * Float.BYTES));
            float[][] values = readRows(in, separator, names, picks);
            List<NdArray> arrays = new ArrayList<>();
            for (int g = 0; g < picks.length; g++) {
                int rows = values[g].length / Math.max(1, picks[g].length);
                arrays.add(NdArray.ofFloats(new int[] {rows, picks[g].length}, values[g]));
            }
            return new Table(arrays, separator);
        } catch (IOException e) {
            throw new LiquidLensException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private long size() {
        try {
            long bytes = Files.size(file);
            if (bytes > Limits.CSV_BYTES) {
                throw problem(Limits.overLimit("size in bytes", bytes, Limits.CSV_BYTES));
            }
            return bytes;
        } catch (IOException e) {
            throw new LiquidLensException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private List<String> headerNames(String header, CsvSeparator separator) {
        String[] fields = headerFields(header, separator);
        List<String> names = new ArrayList<>(fields.length);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < fields.length; i++) {
            String name = unquote(fields[i].strip());
            if (name.isEmpty()) {
                throw problem("row 1, column " + (i + 1) + ": the header names no column here");
            }
            Integer first = seen.putIfAbsent(name, i + 1);
            if (first != null) {
                throw problem("row 1: the header names column \"" + name + "\" twice (columns " + first + " and "
                        + (i + 1) + ")");
            }
            names.add(name);
        }
        return names;
    }

    private int[][] picks(List<String> names, Map<String, List<String>> groups) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        Map<String, String> chosenBy = new HashMap<>();
        int[][] picks = new int[groups.size()][];
        int g = 0;
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            picks[g] = new int[group.getValue().size()];
            for (int i = 0; i < picks[g].length; i++) {
                String name = group.getValue().get(i);
                Integer column = index.get(name);
                if (column == null) {
                    throw problem("no column \"" + name + "\" (" + group.getKey() + "); the header names "
                            + listed(names));
                }
                String earlier = chosenBy.putIfAbsent(name, group.getKey());
                if (earlier != null) {
                    throw problem("column \"" + name + "\" is named twice (" + earlier
                            + (earlier.equals(group.getKey()) ? "" : " and " + group.getKey()) + ")");
                }
                picks[g][i] = column;
            }
            g++;
        }
        return picks;
    }

    private float[][] readRows(LineReader in, CsvSeparator separator, List<String> names, int[][] picks)
            throws IOException {
        GrowingFloats[] out = new GrowingFloats[picks.length];
        for (int g = 0; g < picks.length; g++) {
            out[g] = new GrowingFloats();
        }
        int widest = Arrays.stream(picks).mapToInt(p -> p.length).max().orElse(0);
        int[] ends = new int[names.size()];
        int steps = 0;
        long row = 1;
        for (String line; (line = nextLine(in, row + 1)) != null; ) {
            row++;
            if (line.isBlank()) {
                continue; // a trailing newline or a spacer line is not a step
            }
            if (steps == Limits.STEPS) {
                throw problem("row " + row + ": " + Limits.overLimit("steps", steps + 1L, Limits.STEPS));
            }
            if ((steps + 1L) * widest > Integer.MAX_VALUE - 8) {
                throw problem("row " + row + ": " + (steps + 1) + " steps of " + widest + " columns are more values"
                        + " than one array holds; import fewer columns or rows");
            }
            int fields = fieldBounds(line, separator, row, ends);
            if (fields != names.size()) {
                throw problem("row " + row + " has " + fields + " values but the header names " + names.size()
                        + " columns");
            }
            for (int g = 0; g < picks.length; g++) {
                for (int column : picks[g]) {
                    int from = column == 0 ? 0 : ends[column - 1] + 1;
                    out[g].add(number(line.substring(from, ends[column]).strip(), row, names.get(column)));
                }
            }
            steps++;
        }
        if (steps == 0) {
            throw problem("has a header but no data rows; one row per step is needed");
        }
        float[][] values = new float[picks.length][];
        for (int g = 0; g < picks.length; g++) {
            values[g] = out[g].toArray();
        }
        return values;
    }

    private float number(String text, long row, String column) {
        double value = Decimals.parse(text);
        if (Double.isNaN(value)) {
            String where = "row " + row + ", column \"" + column + "\": ";
            if (NOT_A_NUMBER.matcher(text).matches() || INFINITE.matcher(text).matches()) {
                throw problem(where + "\"" + text + "\" is not finite; a rollout holds finite numbers only");
            }
            throw problem(where + (text.isEmpty() ? "the value is empty" : "\"" + shorten(text) + "\" is not a number"));
        }
        float v = (float) value;
        if (!Float.isFinite(v)) {
            throw problem("row " + row + ", column \"" + column + "\": " + text + " is beyond float32's range");
        }
        return v;
    }

    /** The header's fields, refusing more than the column limit before they are allocated. */
    private String[] headerFields(String header, CsvSeparator separator) {
        long count = header.chars().filter(c -> c == separator.symbol()).count() + 1;
        if (count > Limits.CSV_COLUMNS) {
            throw problem(Limits.overLimit("row 1: header columns", count, Limits.CSV_COLUMNS));
        }
        String[] fields = new String[(int) count];
        int start = 0;
        for (int f = 0; f < count; f++) {
            int end = header.indexOf(separator.symbol(), start);
            end = end < 0 ? header.length() : end;
            fields[f] = header.substring(start, end);
            start = end + 1;
        }
        return fields;
    }

    /**
     * Where each field of a data row ends (the index of its separator, or the line's length), in {@code ends};
     * returns the number of fields, refusing a row with more fields than {@code ends} holds.
     */
    private int fieldBounds(String line, CsvSeparator separator, long row, int[] ends) {
        int count = 0;
        int from = 0;
        while (true) {
            int end = line.indexOf(separator.symbol(), from);
            if (count == ends.length) {
                throw problem("row " + row + " has more than the " + ends.length + " values the header names");
            }
            ends[count++] = end < 0 ? line.length() : end;
            if (end < 0) {
                return count;
            }
            from = end + 1;
        }
    }

    /** The next line without its end, or null at the end; a line longer than the limit is refused unread. */
    private String nextLine(LineReader in, long row) throws IOException {
        try {
            return in.next(Limits.CSV_LINE_CHARS);
        } catch (LineReader.TooLong e) {
            throw new LiquidLensException(file, "row " + row + ": a line of more than " + Limits.CSV_LINE_CHARS
                    + " characters is over the limit (docs/FORMATS.md#limits)", e);
        }
    }

    private static String unquote(String name) {
        return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1)
                : name;
    }

    private static String listed(List<String> names) {
        List<String> shown = names.subList(0, Math.min(LISTED_NAMES, names.size()));
        return String.join(", ", shown) + (names.size() > shown.size()
                ? " and " + (names.size() - shown.size()) + " more" : "");
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private LiquidLensException problem(String what) {
        return new LiquidLensException(file, what);
    }
}
