package io.liquidlens.report;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.InterventionEffect;
import io.liquidlens.causal.ModelAudit;
import io.liquidlens.drawing.Fonts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

/**
 * Figure (f): the causal ranking of interventions as horizontal bars, per model largest mean effect first: the bar
 * is the mean |y_intervened - y| over the replayed steps, the black tick its maximum.
 */
final class InterventionBars extends Figure {
    static final double WIDTH = 640;
    private static final double ROW = 14;
    private static final double LABELS = 250;
    private final List<ModelAudit> models;
    private final double max;

    InterventionBars(CausalAudit audit) {
        this(audit.models());
    }

    /** The rankings of {@code models} only (a few of a many-model report's, which the note should name). */
    InterventionBars(List<ModelAudit> models) {
        super("Interventions ranked by their effect on the output", "bar = mean |y_intervened - y| over the"
                + " replayed steps, tick = maximum; rank 1 = largest mean effect");
        this.models = List.copyOf(models);
        double hi = 0;
        for (ModelAudit m : models) {
            for (InterventionEffect e : m.interventions()) {
                hi = Math.max(hi, finite(e.maxAbsChange()));
                hi = Math.max(hi, finite(e.meanAbsChange()));
            }
        }
        this.max = hi > 0 ? hi : 1;
    }

    @Override
    public double width() {
        return WIDTH;
    }

    @Override
    public double height() {
        double h = TOP + 10;
        for (ModelAudit m : models) {
            h += ROW * (2 + Math.max(1, m.interventions().size()));
        }
        return h + 10;
    }

    @Override
    void body(Graphics2D g) {
        double barLeft = LEFT + LABELS;
        double barWidth = WIDTH - barLeft - 70;
        double y = TOP + 6;
        for (int i = 0; i < models.size(); i++) {
            ModelAudit m = models.get(i);
            g.setFont(HEADING);
            g.setColor(Color.BLACK);
            g.drawString(m.name(), (float) LEFT, (float) (y + ROW - 3));
            y += ROW * 1.5;
            g.setFont(TEXT);
            double rowsEnd = y + ROW * (0.5 + Math.max(1, m.interventions().size()));
            if (m.interventions().isEmpty()) {
                g.setColor(Color.GRAY);
                g.drawString("(no interventions)", (float) LEFT, (float) (y + ROW - 4));
                y = rowsEnd;
                continue;
            }
            for (int r = 0; r < m.interventions().size(); r++) {
                InterventionEffect e = m.interventions().get(r);
                String label = fit((r + 1) + ". " + MetricsTable.interventionName(e), TEXT, LABELS - 6);
                g.setColor(Color.BLACK);
                g.drawString(label, (float) (barLeft - 6 - Fonts.width(TEXT, label)), (float) (y + ROW - 4));
                double mean = finite(e.meanAbsChange()) / max * barWidth;
                g.setColor(colour(i));
                g.fill(new Rectangle2D.Double(barLeft, y + 2, mean, ROW - 4));
                double tick = barLeft + finite(e.maxAbsChange()) / max * barWidth;
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(1.2f));
                g.draw(new Line2D.Double(tick, y + 1, tick, y + ROW - 1));
                g.drawString(String.format(Locale.ROOT, "%.4g", e.meanAbsChange()), (float) (tick + 4),
                        (float) (y + ROW - 4));
                y += ROW;
            }
            y = rowsEnd;
        }
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
