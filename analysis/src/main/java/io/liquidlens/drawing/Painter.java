package io.liquidlens.drawing;

import java.awt.Graphics2D;

/** A drawing of a fixed size in points, painted with its top left at the origin onto whatever target it is given. */
public interface Painter {
    /** The width in points. */
    double width();

    /** The height in points. */
    double height();

    /**
     * Paints the drawing.
     *
     * @param g the target, untransformed apart from what the caller set up; the painter may change its state
     */
    void paint(Graphics2D g);
}
