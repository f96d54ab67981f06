package io.liquidlens.app.traces;

import java.util.function.DoubleConsumer;
import java.util.function.IntToDoubleFunction;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * The whole recording in a strip under the charts: one trace (the first output) as its lowest and highest value per
 * pixel column, the shown window as a clear frame over a shaded rest, and the cursor. A press or drag centres the
 * window on the step under the pointer. The trace is drawn once per recording and width; the window and the cursor
 * are nodes over it, so playback moves a line instead of redrawing the strip.
 */
final class TraceOverview extends Pane {
    /** Node id, for tests. */
    static final String ID = "trace-overview";
    static final double HEIGHT = 30;

    private final Canvas canvas = new Canvas();
    private final Rectangle before = shade();
    private final Rectangle after = shade();
    private final Rectangle frame = new Rectangle();
    private final Line cursorLine = new Line();
    private final DoubleConsumer centreOn;
    private IntToDoubleFunction trace;
    private int steps;
    private double[] low = new double[0];
    private double[] high = new double[0];
    private double min;
    private double max;
    private int from;
    private int to;
    private int cursor = -1;

    /** @param centreOn called with the step under a press or drag */
    TraceOverview(DoubleConsumer centreOn) {
        this.centreOn = centreOn;
        setId(ID);
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setMaxHeight(HEIGHT);
        frame.setFill(Color.TRANSPARENT);
        frame.setStroke(Color.web("#333333"));
        frame.setStrokeWidth(1.5);
        cursorLine.setStroke(Color.rgb(220, 30, 30));
        for (javafx.scene.Node n : new javafx.scene.Node[] {before, after, frame, cursorLine}) {
            n.setManaged(false);
            n.setMouseTransparent(true);
        }
        getChildren().addAll(canvas, before, after, frame, cursorLine);
        widthProperty().addListener((o, a, b) -> resized());
        setOnMousePressed(e -> centreOn.accept(stepAt(e.getX())));
        setOnMouseDragged(e -> centreOn.accept(stepAt(e.getX())));
    }

    /** Shows {@code values} over {@code n} steps (null for nothing). */
    void show(IntToDoubleFunction values, int n) {
        trace = values;
        steps = values == null ? 0 : n;
        summarise();
        draw();
        placeMarks();
    }

    /** Marks the window {@code [first, end)} and the cursor. */
    void mark(int first, int end, int cursorStep) {
        from = first;
        to = end;
        cursor = cursorStep;
        placeMarks();
    }

    private static Rectangle shade() {
        Rectangle r = new Rectangle();
        r.setFill(Color.color(0.4, 0.4, 0.4, 0.25));
        return r;
    }

    /** Moves the window's frame and shades and the cursor's line; the trace under them stays drawn. */
    private void placeMarks() {
        double w = getWidth();
        boolean shown = steps > 0 && w > 0;
        for (javafx.scene.Node n : new javafx.scene.Node[] {before, after, frame, cursorLine}) {
            n.setVisible(shown);
        }
        if (!shown) {
            return;
        }
        double x0 = (double) from / steps * w;
        double x1 = (double) to / steps * w;
        before.setX(0);
        before.setY(0);
        before.setWidth(x0);
        before.setHeight(HEIGHT);
        after.setX(x1);
        after.setY(0);
        after.setWidth(Math.max(0, w - x1));
        after.setHeight(HEIGHT);
        frame.setX(x0 + 0.75);
        frame.setY(0.75);
        frame.setWidth(Math.max(2, x1 - x0 - 1.5));
        frame.setHeight(HEIGHT - 1.5);
        cursorLine.setVisible(cursor >= 0);
        double xc = Math.floor((cursor + 0.5) / steps * w) + 0.5;
        cursorLine.setStartX(xc);
        cursorLine.setEndX(xc);
        cursorLine.setStartY(0);
        cursorLine.setEndY(HEIGHT);
    }

    /** The step at strip x {@code x}. */
    double stepAt(double x) {
        return steps == 0 ? 0 : Math.max(0, Math.min(steps - 1, x / Math.max(1, getWidth()) * steps));
    }

    private void resized() {
        canvas.setWidth(getWidth());
        canvas.setHeight(HEIGHT);
        summarise();
        draw();
        placeMarks();
    }

    /** Each pixel column's lowest and highest value: one pass over the recording, only when it or the width changes. */
    private void summarise() {
        int columns = (int) Math.max(1, Math.floor(getWidth()));
        low = new double[columns];
        high = new double[columns];
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
        if (trace == null || steps == 0) {
            return;
        }
        for (int c = 0; c < columns; c++) {
            int a = (int) ((long) c * steps / columns);
            int b = Math.max(a + 1, (int) ((long) (c + 1) * steps / columns));
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int t = a; t < Math.min(b, steps); t++) {
                double v = trace.applyAsDouble(t);
                if (v < lo) {
                    lo = v;
                }
                if (v > hi) {
                    hi = v;
                }
            }
            low[c] = lo;
            high[c] = hi;
            min = Math.min(min, lo);
            max = Math.max(max, hi);
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, HEIGHT);
        if (steps == 0 || low.length == 0) {
            return;
        }
        double span = max > min ? max - min : 1;
        g.setStroke(Color.web("#0072B2"));
        g.setLineWidth(1);
        for (int c = 0; c < low.length; c++) {
            if (Double.isFinite(low[c]) && Double.isFinite(high[c])) {
                double y1 = HEIGHT - 3 - (high[c] - min) / span * (HEIGHT - 6);
                double y2 = HEIGHT - 3 - (low[c] - min) / span * (HEIGHT - 6);
                g.strokeLine(c + 0.5, y1, c + 0.5, Math.max(y1 + 1, y2));
            }
        }
    }
}
