package io.liquidlens.dynamics.figures;

import io.liquidlens.drawing.Painter;
import java.util.Objects;

/**
 * A figure with the name its SVG file is given (without {@code .svg}), e.g. {@code scree}.
 *
 * @param name    the file name's stem
 * @param painter the drawing, the same for the SVG file and the PDF page
 */
public record NamedFigure(String name, Painter painter) {
    public NamedFigure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(painter, "painter");
    }

    /** The same figure under another name (several models' figures get the model's name in front). */
    public NamedFigure renamed(String newName) {
        return new NamedFigure(newName, painter);
    }
}
