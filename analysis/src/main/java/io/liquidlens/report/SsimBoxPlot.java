package io.liquidlens.report;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.ModelAudit;
import io.liquidlens.stats.Interval;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Figure (a), after the NCP paper's Fig. 4b: the SSIM of clean and perturbed saliency maps over the measured
 * steps, one box per model at each condition (the x axis runs through the conditions in report order, i.e. their
 * levels). Box from the first to the third quartile with the median, whiskers to the furthest value within 1.5
 * IQR, values beyond as dots; a black bar over the median spans its 95% interval.
 */
final class SsimBoxPlot extends Figure {
    static final double WIDTH = 640;
    private static final double HEIGHT = 400;
    private final CausalAudit audit;
    private final double min;
    private final List<String> names;
    private final double extra;
    private final Rectangle2D plot;

    SsimBoxPlot(CausalAudit audit) {
        super("SSIM of clean and perturbed saliency maps", "per measured step; box = quartiles with median,"
                + " whiskers 1.5 IQR, dots = outliers; 1 = the map did not change");
        this.audit = audit;
        double lo = 0;
        for (ModelAudit m : audit.models()) {
            for (var r : m.conditions()) {
                for (double v : Summary.finiteSorted(r.frames().ssim())) {
                    lo = Math.min(lo, v);
                }
            }
        }
        this.min = lo < 0 ? -Math.ceil(-lo * 10) / 10 : 0;
        this.names = audit.models().stream().map(ModelAudit::name).toList();
        this.extra = LEGEND_ROW * (legendRows(names, LEFT, WIDTH - 20) - 1);
        double top = TOP + LEGEND_ROW + extra + 3;
        this.plot = new Rectangle2D.Double(LEFT, top, WIDTH - LEFT - 20, HEIGHT + extra - top - 48);
    }

    @Override
    public double width() {
        return WIDTH;
    }

    @Override
    public double height() {
        return HEIGHT + extra;
    }

    @Override
    void body(Graphics2D g) {
        List<ModelAudit> models = audit.models();
        legend(g, LEFT, TOP, WIDTH - 20, names,
                IntStream.range(0, models.size()).mapToObj(Figure::colour).toList());
        yAxis(g, plot, min, 1, "SSIM (clean vs perturbed map)");
        int groups = audit.conditions().size();
        double slot = plot.getWidth() / groups;
        double box = Math.min(30, slot * 0.8 / Math.max(1, models.size()));
        for (int k = 0; k < groups; k++) {
            String condition = audit.conditions().get(k).name();
            double x0 = plot.getMinX() + k * slot + (slot - box * models.size()) / 2;
            for (int i = 0; i < models.size(); i++) {
                var r = Figures.result(models.get(i), condition);
                if (r != null) {
                    box(g, r.frames().ssim(), x0 + i * box, box, colour(i));
                    Interval ci = audit.evidence().interval(models.get(i).name(), condition, "ssim", "median");
                    if (ci.isDefined()) {
                        errorBar(g, x0 + i * box + box / 2, y(ci.low()), y(ci.high()), Math.min(3, box / 6));
                    }
                }
            }
            g.setFont(TEXT);
            g.setColor(Color.BLACK);
            centred(g, condition, plot.getMinX() + (k + 0.5) * slot, plot.getMaxY() + 14);
        }
        centred(g, "condition (level)", plot.getCenterX(), height() - 10);
    }

    private void box(Graphics2D g, List<Double> values, double x, double w, Color c) {
        Summary s = Summary.of(values);
        if (s.n() == 0) {
            return;
        }
        double cx = x + w / 2;
        double inner = w - 4;
        g.setStroke(new BasicStroke(1f));
        g.setColor(c);
        g.draw(new Line2D.Double(cx, y(s.high()), cx, y(s.q3())));
        g.draw(new Line2D.Double(cx, y(s.q1()), cx, y(s.low())));
        g.draw(new Line2D.Double(cx - inner / 4, y(s.high()), cx + inner / 4, y(s.high())));
        g.draw(new Line2D.Double(cx - inner / 4, y(s.low()), cx + inner / 4, y(s.low())));
        Rectangle2D body = new Rectangle2D.Double(x + 2, y(s.q3()), inner, Math.max(0.5, y(s.q1()) - y(s.q3())));
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 90));
        g.fill(body);
        g.setColor(c);
        g.draw(body);
        g.setStroke(new BasicStroke(2f));
        g.draw(new Line2D.Double(x + 2, y(s.median()), x + 2 + inner, y(s.median())));
        for (double o : s.outliers(values)) {
            g.fill(new Ellipse2D.Double(cx - 2, y(o) - 2, 4, 4));
        }
    }

    private double y(double v) {
        return Figure.y(plot, min, 1, v);
    }
}
