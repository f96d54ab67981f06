package io.liquidlens.app.traces;

import javafx.geometry.Point2D;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;

/**
 * The time cursor drawn over one chart: a thin vertical line node laid over the chart's data area. Being a
 * scene node, moving it repaints a narrow strip of the window instead of the whole chart, which matters on
 * the software pipeline where every repainted pixel costs. Mouse events pass through to the chart.
 */
final class CursorLine extends Pane {
    /** The cursor's colour on screen and in exports. */
    static final java.awt.Color AWT_COLOUR = new java.awt.Color(220, 30, 30);
    /** The cursor's width in pixels on screen and in exports. */
    static final float WIDTH = 1.5f;

    private final Line line = new Line();

    CursorLine() {
        setMouseTransparent(true);
        setPickOnBounds(false);
        setMinSize(0, 0);
        line.setStroke(Color.rgb(AWT_COLOUR.getRed(), AWT_COLOUR.getGreen(), AWT_COLOUR.getBlue()));
        line.setStrokeWidth(WIDTH);
        line.setVisible(false);
        line.setManaged(false);
        getChildren().add(line);
    }

    /**
     * Puts the line at {@code x} from {@code top} to {@code bottom}, all in the coordinates of {@code source}
     * (the chart's canvas); hides it when {@code x} is not a number.
     */
    void place(javafx.scene.Node source, double x, double top, double bottom) {
        if (Double.isNaN(x)) {
            line.setVisible(false);
            return;
        }
        Point2D a = sceneToLocal(source.localToScene(x, top));
        Point2D b = sceneToLocal(source.localToScene(x, bottom));
        // on a pixel's centre: a crisp line in the cursor's colour instead of two blended columns
        double centre = Math.floor(a.getX()) + 0.5;
        line.setStartX(centre);
        line.setStartY(a.getY());
        line.setEndX(centre);
        line.setEndY(b.getY());
        line.setVisible(true);
    }

    /** The line node (tests read its position). */
    Line line() {
        return line;
    }
}
