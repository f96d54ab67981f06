package io.liquidlens.app.graph;

import io.liquidlens.wiring.NeuronRole;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

/**
 * Every vertex picture the graph can show, drawn once into one image: for each role, each state level, and
 * selected or not, the role's shape filled with the level's colour and outlined in the role's (or the
 * selection's) colour. A frame then copies one small cell per vertex instead of having GraphStream rasterise an
 * antialiased fill and outline per vertex, which was most of the render thread's work per frame (the software
 * pipeline rasterises every canvas shape on the CPU). Shapes and sizes follow {@link WiringGraph}'s stylesheet:
 * triangle, circle, diamond, square.
 */
final class VertexSprites {
    private static final int CELL = 30;
    private static final NeuronRole[] ROLES = NeuronRole.values();
    private final boolean large;
    private final Image sheet;

    /** Draws the sheet (on the JavaFX thread: it takes a snapshot). */
    VertexSprites(boolean large) {
        this.large = large;
        int columns = ActivityColors.STATE_LEVELS;
        int rows = ROLES.length * 2;
        Canvas canvas = new Canvas(columns * CELL, rows * CELL);
        GraphicsContext g = canvas.getGraphicsContext2D();
        for (NeuronRole role : ROLES) {
            for (int selected = 0; selected < 2; selected++) {
                for (int level = 0; level < columns; level++) {
                    paint(g, role, level, selected == 1, level * CELL + CELL / 2.0,
                            row(role, selected == 1) * CELL + CELL / 2.0);
                }
            }
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        sheet = canvas.snapshot(params, null);
    }

    /** Copies the picture of a vertex of {@code role} at state {@code level} centred on (x, y). */
    void draw(GraphicsContext g, NeuronRole role, int level, boolean selected, double x, double y) {
        double left = Math.round(x - CELL / 2.0);
        double top = Math.round(y - CELL / 2.0);
        g.drawImage(sheet, level * CELL, row(role, selected) * CELL, CELL, CELL, left, top, CELL, CELL);
    }

    private static int row(NeuronRole role, boolean selected) {
        return role.ordinal() * 2 + (selected ? 1 : 0);
    }

    private void paint(GraphicsContext g, NeuronRole role, int level, boolean selected, double cx, double cy) {
        double s = WiringGraph.vertexSizePx(role, large);
        double h = s / 2;
        double stroke = selected ? 4 : role == NeuronRole.COMMAND ? (large ? 2 : 3) : (large ? 1 : 2);
        g.setFill(ActivityColors.state(level));
        g.setStroke(selected ? ActivityColors.SELECTED : ActivityColors.stroke(role));
        g.setLineWidth(stroke);
        switch (role) {
            case SENSORY -> {
                double[] xs = {cx, cx + h, cx - h};
                double[] ys = {cy - h, cy + h, cy + h};
                g.fillPolygon(xs, ys, 3);
                g.strokePolygon(xs, ys, 3);
            }
            case INTER -> {
                g.fillOval(cx - h, cy - h, s, s);
                g.strokeOval(cx - h, cy - h, s, s);
            }
            case COMMAND -> {
                double[] xs = {cx, cx + h, cx, cx - h};
                double[] ys = {cy - h, cy, cy + h, cy};
                g.fillPolygon(xs, ys, 4);
                g.strokePolygon(xs, ys, 4);
            }
            case MOTOR -> {
                g.fillRect(cx - h, cy - h, s, s);
                g.strokeRect(cx - h, cy - h, s, s);
            }
        }
    }
}
