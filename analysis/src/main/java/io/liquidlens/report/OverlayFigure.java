package io.liquidlens.report;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.ModelAudit;
import io.liquidlens.causal.SaliencyOverlay;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure (e): for each model and overlay frame, the clean frame and the frame under the condition, each with its
 * saliency map laid over in red ({@link OverlayImages}), scaled up without smoothing.
 */
final class OverlayFigure extends Figure {
    static final double WIDTH = 640;
    private static final double ROW_LABEL = 14;
    private static final double GAP = 10;
    private final List<SaliencyOverlay> overlays = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final double cellW = (WIDTH - LEFT - 20 - GAP) / 2;

    OverlayFigure(CausalAudit audit) {
        this(audit.models());
    }

    /** The overlays of {@code models} only (a few of a many-model report's, which the note should name). */
    OverlayFigure(List<ModelAudit> models) {
        super("Saliency maps on clean and perturbed frames", "left: recorded frame, right: under the condition;"
                + " red = saliency of the output (each map min-max scaled)");
        for (ModelAudit m : models) {
            for (SaliencyOverlay o : m.overlays()) {
                overlays.add(o);
                labels.add(m.name() + " | " + o.condition() + " | step " + o.step());
            }
        }
    }

    private double cellH(SaliencyOverlay o) {
        return cellW * o.cleanFrame().dim(0) / o.cleanFrame().dim(1);
    }

    @Override
    public double width() {
        return WIDTH;
    }

    @Override
    public double height() {
        double h = TOP + 20;
        for (SaliencyOverlay o : overlays) {
            h += ROW_LABEL + cellH(o) + GAP;
        }
        return Math.max(h, TOP + 60);
    }

    @Override
    void body(Graphics2D g) {
        g.setFont(TEXT);
        g.setColor(Color.BLACK);
        if (overlays.isEmpty()) {
            g.drawString("(no overlay frames in this audit)", (float) LEFT, (float) (TOP + 20));
            return;
        }
        g.drawString("clean", (float) LEFT, (float) TOP);
        g.drawString("perturbed", (float) (LEFT + cellW + GAP), (float) TOP);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        double y = TOP + 12;
        for (int i = 0; i < overlays.size(); i++) {
            SaliencyOverlay o = overlays.get(i);
            g.setColor(Color.BLACK);
            g.drawString(labels.get(i), (float) LEFT, (float) (y + ROW_LABEL - 4));
            y += ROW_LABEL;
            double h = cellH(o);
            draw(g, OverlayImages.of(o.cleanFrame(), o.cleanMap()), LEFT, y, h);
            draw(g, OverlayImages.of(o.perturbedFrame(), o.perturbedMap()), LEFT + cellW + GAP, y, h);
            y += h + GAP;
        }
    }

    private void draw(Graphics2D g, BufferedImage img, double x, double y, double h) {
        g.drawImage(img, (int) Math.round(x), (int) Math.round(y), (int) Math.round(cellW), (int) Math.round(h), null);
    }
}
