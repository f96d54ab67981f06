package io.liquidlens.app.traces;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;

/**
 * The step under the pointer, shown over one chart: a thin grey line at that step and a box with the step and the
 * value of every visible series there. Like the cursor line it is a node over the chart, so hovering redraws no
 * chart; mouse events pass through.
 */
final class HoverReadout extends Pane {
    private final Line line = new Line();
    private final Label box = new Label();

    HoverReadout() {
        setMouseTransparent(true);
        setPickOnBounds(false);
        setMinSize(0, 0);
        line.setStroke(Color.rgb(90, 90, 90, 0.8));
        line.getStrokeDashArray().setAll(3.0, 3.0);
        line.setManaged(false);
        box.setManaged(false);
        box.setStyle("-fx-background-color: rgba(255,255,255,0.92); -fx-border-color: #888888; -fx-padding: 2 4 2 4;"
                + " -fx-font-size: 10px;");
        hide();
        getChildren().addAll(line, box);
    }

    /**
     * Shows the line at {@code x} from {@code top} to {@code bottom} (coordinates of {@code source}, the chart's
     * canvas) and {@code text} beside it, inside the data area's {@code left}..{@code right}.
     */
    void show(javafx.scene.Node source, double x, double top, double bottom, double left, double right,
              String text) {
        Point2D a = sceneToLocal(source.localToScene(x, top));
        Point2D b = sceneToLocal(source.localToScene(x, bottom));
        Point2D r = sceneToLocal(source.localToScene(right, top));
        Point2D l = sceneToLocal(source.localToScene(left, top));
        double centre = Math.floor(a.getX()) + 0.5;
        line.setStartX(centre);
        line.setStartY(a.getY());
        line.setEndX(centre);
        line.setEndY(b.getY());
        box.setText(text);
        box.autosize();
        double w = box.prefWidth(-1);
        // beside the line, on the side with room, never past the data area
        double bx = centre + 6 + w <= r.getX() ? centre + 6 : Math.max(l.getX(), centre - 6 - w);
        box.relocate(bx, a.getY() + 2);
        line.setVisible(true);
        box.setVisible(true);
    }

    void hide() {
        line.setVisible(false);
        box.setVisible(false);
    }

    /** The box's text while shown, else null (tests). */
    String text() {
        return box.isVisible() ? box.getText() : null;
    }
}
