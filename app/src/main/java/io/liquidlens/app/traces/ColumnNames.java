package io.liquidlens.app.traces;

import java.util.ArrayList;
import java.util.List;

/** Names for columns that a manifest may or may not name. */
public final class ColumnNames {
    private ColumnNames() {
    }

    /**
     * {@code count} names: {@code given} when it has exactly {@code count} entries (a manifest that names
     * some other number of columns does not describe these), else {@code prefix + 0, prefix + 1, ...}.
     */
    public static List<String> of(List<String> given, int count, String prefix) {
        if (given != null && given.size() == count) {
            return List.copyOf(given);
        }
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(prefix + i);
        }
        return List.copyOf(out);
    }
}
