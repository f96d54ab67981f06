package io.liquidlens.app.drive;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The car's path with the clamps (solid) against its path without them (dashed grey), x against y in metres,
 * with a line saying what was clamped and how often each left the lane; it follows {@link DriveViewModel#pathsProperty()}.
 */
public final class DrivenPathsView extends BorderPane {
    /** Node ids, for tests. */
    public static final String ID = "driven-paths";
    public static final String SUMMARY_ID = "driven-paths-summary";

    private final XYPlot plot;
    private final XYPlot offsetPlot;
    private final Label summary = new Label("Drive with clamp... to compare the paths");

    /** A view of {@code drive}'s latest paths. */
    public DrivenPathsView(DriveViewModel drive) {
        setId(ID);
        NumberAxis x = new NumberAxis("x (m)");
        NumberAxis y = new NumberAxis("y (m)");
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        plot = new XYPlot(new DefaultXYDataset(), x, y, renderer());
        plot.setNoDataMessage("No drive yet");
        ChartViewer viewer = new ChartViewer(new JFreeChart("The car's path", JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        viewer.setMinSize(300, 220);
        offsetPlot = new XYPlot(new DefaultXYDataset(), new NumberAxis("step"),
                new NumberAxis("d (lane half-widths)"), renderer());
        offsetPlot.setNoDataMessage("No drive yet");
        ChartViewer offsets = new ChartViewer(new JFreeChart("Lateral offset", JFreeChart.DEFAULT_TITLE_FONT,
                offsetPlot, false));
        offsets.setMinSize(300, 160);
        offsets.setPrefHeight(200);
        summary.setId(SUMMARY_ID);
        summary.setWrapText(true);
        summary.setPadding(new Insets(4, 8, 4, 8));
        setCenter(viewer);
        setBottom(new javafx.scene.layout.VBox(offsets, summary));
        drive.pathsProperty().addListener((obs, old, now) -> show(now));
        show(drive.pathsProperty().get());
    }

    /** Solid blue for the clamped run, dashed grey for the network's own. */
    private static XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setSeriesPaint(0, new Color(0x05, 0x71, 0xb0), false);
        renderer.setSeriesStroke(0, new BasicStroke(2f), false);
        renderer.setSeriesPaint(1, Color.GRAY, false);
        renderer.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f, 4f}, 0f), false);
        return renderer;
    }

    private void show(DrivenPaths p) {
        DefaultXYDataset data = new DefaultXYDataset();
        DefaultXYDataset offsets = new DefaultXYDataset();
        if (p != null) {
            offsets.addSeries("with clamps", bySteps(p.clampedOffset()));
            offsets.addSeries("without", bySteps(p.ownOffset()));
            data.addSeries("with " + p.clamps() + " (" + p.clampedCrashes() + " crashes)", xy(p.clampedPath()));
            data.addSeries("without clamps (" + p.ownCrashes() + " crashes)", xy(p.ownPath()));
            summary.setText(String.format(Locale.ROOT, "Held-out episode 0 of seed %d (liquidlens record --held-out"
                    + " --seed %d), %d steps: with %s the car left the lane %d time(s), without %d time(s).", p.seed(),
                    p.seed(), p.steps(), p.clamps(), p.clampedCrashes(), p.ownCrashes()));
        }
        plot.setDataset(data);
        offsetPlot.setDataset(offsets);
    }

    private static double[][] bySteps(float[] values) {
        double[][] rows = new double[2][values.length];
        for (int t = 0; t < values.length; t++) {
            rows[0][t] = t;
            rows[1][t] = values[t];
        }
        return rows;
    }

    /** The interleaved (x, y) pairs as JFreeChart's two rows. */
    private static double[][] xy(float[] interleaved) {
        int n = interleaved.length / 2;
        double[][] rows = new double[2][n];
        for (int t = 0; t < n; t++) {
            rows[0][t] = interleaved[2 * t];
            rows[1][t] = interleaved[2 * t + 1];
        }
        return rows;
    }
}
