package io.liquidlens.app.traces;

import java.util.function.DoubleConsumer;
import java.util.function.IntToDoubleFunction;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * The whole recording in a strip under the charts: one trace (the first output) as its lowest and highest value per
 * pixel column, the shown window as a clear frame over a shaded rest, and the cursor. A press or drag centres the
 * window on the step under the pointer.
 */
final class TraceOverview extends Pane {
    /** Node id, for tests. */
    static final String ID = "trace-overview";
    static final double HEIGHT = 30;

    private final Canvas canvas = new Canvas();
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
        getChildren().add(canvas);
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
    }

    /** Marks the window {@code [first, end)} and the cursor. */
    void mark(int first, int end, int cursorStep) {
        from = first;
        to = end;
        cursor = cursorStep;
        draw();
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
        double x0 = (double) from / steps * w;
        double x1 = (double) to / steps * w;
        g.setFill(Color.color(0.4, 0.4, 0.4, 0.25));
        g.fillRect(0, 0, x0, HEIGHT);
        g.fillRect(x1, 0, w - x1, HEIGHT);
        g.setStroke(Color.web("#333333"));
        g.setLineWidth(1.5);
        g.strokeRect(x0 + 0.75, 0.75, Math.max(2, x1 - x0 - 1.5), HEIGHT - 1.5);
        if (cursor >= 0) {
            double xc = Math.floor((cursor + 0.5) / steps * w) + 0.5;
            g.setStroke(Color.rgb(220, 30, 30));
            g.strokeLine(xc, 0, xc, HEIGHT);
        }
    }
}
