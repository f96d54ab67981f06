package io.liquidlens.app.input;

import java.util.List;

/**
 * The world-values line under the input: {@code step  7   d_lane  -0.104   mu   0.077}. Every field has a
 * fixed width, so the line keeps one length from step to step and its label never changes the layout; and it
 * is written into one reused builder without {@code String.format}, whose format parsing dominated the
 * view's per-step cost. No JavaFX here, so it can be checked on its own.
 */
final class WorldLine {
    /** Width of each value: sign, three integer digits, point, three decimals. */
    static final int VALUE_WIDTH = 8;

    private final StringBuilder text = new StringBuilder();
    private final List<String> names;
    private final int[] columns;
    private final int stride;
    private final int stepWidth;

    /**
     * @param names   every world column's name
     * @param columns the columns shown, in order
     * @param steps   the rollout's step count (sets the step field's width)
     */
    WorldLine(List<String> names, int[] columns, int steps) {
        this.names = List.copyOf(names);
        this.columns = columns.clone();
        this.stride = names.size();
        this.stepWidth = Integer.toString(Math.max(0, steps - 1)).length();
    }

    /** The line for step {@code t} of {@code world} ((T, K) values, row-major). */
    String at(float[] world, int t) {
        text.setLength(0);
        text.append("step ");
        pad(Integer.toString(t), stepWidth);
        for (int c : columns) {
            text.append("   ").append(names.get(c)).append(' ');
            appendFixed3(world[t * stride + c]);
        }
        return text.toString();
    }

    /** Appends {@code v} with three decimals (as {@code %.3f} prints it), right-aligned in the value width. */
    private void appendFixed3(float v) {
        if (!Float.isFinite(v) || Math.abs(v) >= 1e9f) {
            pad(Float.toString(v), VALUE_WIDTH);
            return;
        }
        long thousandths = Math.round(Math.abs((double) v) * 1000);
        boolean negative = Float.floatToRawIntBits(v) < 0;
        int start = text.length();
        long frac = thousandths % 1000;
        text.append(negative ? "-" : "").append(thousandths / 1000).append('.');
        text.append(frac < 100 ? "0" : "").append(frac < 10 ? "0" : "").append(frac);
        int written = text.length() - start;
        for (int i = written; i < VALUE_WIDTH; i++) {
            text.insert(start, ' ');
        }
    }

    private void pad(String s, int width) {
        for (int i = s.length(); i < width; i++) {
            text.append(' ');
        }
        text.append(s);
    }
}
