package io.liquidlens.app.traces;

/**
 * The steps the charts show: {@code [from, to)} of a recording of {@code steps} steps. A short recording is shown
 * whole; a long one opens on a window around the cursor, since a million steps in a few hundred pixels is a solid
 * band. The window zooms about a step, pans, and follows the cursor when it leaves.
 */
final class TimeWindow {
    /** Narrower than this, a chart shows too few steps to see a trend. */
    static final int MIN_WIDTH = 20;
    /** Recordings up to this long open whole. */
    static final int WHOLE_UP_TO = 20_000;
    /** The first window of a longer recording. */
    static final int FIRST_WIDTH = 5_000;

    private int steps;
    private int from;
    private int to;

    int from() {
        return from;
    }

    /** One past the last step shown. */
    int to() {
        return to;
    }

    int width() {
        return to - from;
    }

    int steps() {
        return steps;
    }

    boolean whole() {
        return from == 0 && to == steps;
    }

    /** A new recording of {@code n} steps: whole when short, else a window starting a little before the cursor. */
    void reset(int n, int cursor) {
        steps = Math.max(0, n);
        if (steps <= WHOLE_UP_TO) {
            showWhole();
        } else {
            place(cursor - FIRST_WIDTH / 10, FIRST_WIDTH);
        }
    }

    /** Shows every step; true when that changed the window. */
    boolean showWhole() {
        return place(0, steps);
    }

    /** Scales the width by {@code factor} keeping {@code about} where it is; true when the window changed. */
    boolean zoom(double factor, double about) {
        int width = (int) Math.round(Math.max(MIN_WIDTH, Math.min(steps, width() * factor)));
        double share = width() == 0 ? 0.5 : (about - from) / width();
        return place((int) Math.round(about - share * width), width);
    }

    /** Moves the window to start at {@code start} (kept inside the recording); true when it changed. */
    boolean moveTo(double start) {
        return place((int) Math.round(start), width());
    }

    /** Centres the window on {@code step}; true when it changed. */
    boolean centreOn(double step) {
        return moveTo(step - width() / 2.0);
    }

    /**
     * Brings {@code cursor} back into view when it left: a tenth of the window behind it when it ran off forwards
     * (playback), else centred; true when the window moved.
     */
    boolean follow(int cursor) {
        if (cursor >= from && cursor < to) {
            return false;
        }
        return cursor >= to ? moveTo(cursor - width() / 10.0) : centreOn(cursor);
    }

    private boolean place(int start, int width) {
        int w = Math.max(Math.min(steps, MIN_WIDTH), Math.min(steps, width));
        int f = Math.max(0, Math.min(steps - w, start));
        boolean changed = f != from || f + w != to;
        from = f;
        to = f + w;
        return changed;
    }
}
