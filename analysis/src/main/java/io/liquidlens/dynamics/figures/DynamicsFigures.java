package io.liquidlens.dynamics.figures;

import io.liquidlens.drawing.PdfDocument;
import io.liquidlens.drawing.Svg;
import io.liquidlens.dynamics.DynamicsResult;
import io.liquidlens.dynamics.NeuronDynamics;
import io.liquidlens.dynamics.Pca;
import io.liquidlens.dynamics.RolloutDynamics;
import io.liquidlens.provenance.Provenance;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of a dynamics result, each drawn once and written both as an SVG file and as a page of
 * {@code dynamics.pdf}: the scree, the PC1-PC2 trajectory, the drive coloured by PC1 or a neuron (when a rollout
 * records {@code x} and {@code y}), the neurons against the output, L_max and the time constants; and for several
 * models their comparison.
 */
public final class DynamicsFigures {
    /** The figures' names, in the order {@link #of} gives them (the map only when a rollout has one). */
    public static final List<String> NAMES = List.of("scree", "trajectory", "map", "output", "lmax", "tau");

    private DynamicsFigures() {
    }

    /**
     * One model's figures.
     *
     * @param result        the model's dynamics
     * @param mapNeuron     the wiring id of the neuron whose state colours the map, or -1 for PC1
     */
    public static List<NamedFigure> of(DynamicsResult result, int mapNeuron) {
        return of(result, mapNeuron, false);
    }

    /**
     * One model's figures, the map coloured by a neuron's time constant when {@code mapTau}.
     *
     * @param mapNeuron     the wiring id of the neuron that colours the map, or -1 for PC1
     * @param mapTau        its time constant (a CfC's time gate) rather than its state
     */
    public static List<NamedFigure> of(DynamicsResult result, int mapNeuron, boolean mapTau) {
        String model = result.model();
        List<NamedFigure> out = new ArrayList<>();
        Pca pca = result.pca();
        double[] ratio = pca.explainedVarianceRatio();
        out.add(new NamedFigure("scree", new ScreeChart(model, pca, List.of(String.format(Locale.ROOT,
                "Centred, not scaled, over %d steps of %d rollout(s); %d neurons (%s).", pca.samples(),
                result.rollouts().size(), pca.neurons().length, result.pcaColumns()), String.format(Locale.ROOT,
                "PC1 explains %s of the variance, PCs 1-2 %s; every component is in dynamics.json.",
                Values.percent(pca.pc1Share()), Values.percent(ratio.length > 1 ? ratio[0] + ratio[1]
                        : pca.pc1Share()))))));
        out.add(new NamedFigure("trajectory", new TrajectoryChart(model, result.rollouts(), List.of(String.format(
                Locale.ROOT, "Each rollout's states projected on PC1 (%s) and PC2 (%s); a ring marks its first step.",
                Values.percent(pca.pc1Share()), Values.percent(ratio.length > 1 ? ratio[1] : Double.NaN))))));
        map(result, mapNeuron, mapTau).ifPresent(out::add);
        if (result.rollouts().get(0).activity().outputs() > 0) {
            out.add(new NamedFigure("output", scatter(result)));
        }
        out.add(new NamedFigure("lmax", lmax(result)));
        out.add(new NamedFigure("tau", timeConstants(result)));
        return out;
    }

    /**
     * Several models compared: PC1's share and the median L_max over neurons.
     *
     * @param models     the models' names
     * @param pc1Share   each model's PC1 share
     * @param medianLmax each model's median L_max
     */
    public static NamedFigure comparison(List<String> models, double[] pc1Share, double[] medianLmax) {
        return new NamedFigure("comparison", new ComparisonChart("Models compared", models, single(pc1Share),
                single(medianLmax), List.of(
                "PC1's share of the variance of each model's states (motor neurons as the options say), and the",
                "median over its neurons of L_max, over the same rollouts.")));
    }

    /**
     * Groups of seeds compared: each group's mean PC1 share and mean median L_max as a bar, each member a dot.
     *
     * @param groups     the groups' names
     * @param pc1Share   per group, its members' PC1 shares
     * @param medianLmax per group, its members' median L_max
     */
    public static NamedFigure groupComparison(List<String> groups, List<double[]> pc1Share,
                                              List<double[]> medianLmax) {
        return new NamedFigure("groups", new ComparisonChart("Groups of seeds compared", groups,
                pc1Share.toArray(double[][]::new), medianLmax.toArray(double[][]::new), List.of(
                "Each group's mean over its members (bar) and each member (dot): PC1's share of the variance of the"
                        + " states,", "and the median over the neurons of L_max, over the same rollouts.")));
    }

    private static double[][] single(double[] values) {
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = new double[] {values[i]};
        }
        return out;
    }

    /**
     * Writes {@code dynamics.pdf}: a first page of text, then every figure; the provenance on the last page and in
     * the document information ({@code liquidlens.provenance}).
     *
     * @param title   the first page's title
     * @param summary the first page's paragraphs
     */
    public static void writePdf(String title, List<String> summary, List<NamedFigure> figures, Provenance provenance,
                                OutputStream out) throws IOException {
        try (PdfDocument doc = new PdfDocument()) {
            doc.page(new TextPage(title, summary));
            for (NamedFigure f : figures) {
                doc.page(f.painter());
            }
            doc.page(new TextPage("Provenance", provenanceLines(provenance)));
            doc.describe(title, String.join("\n", summary), "LiquidLens " + provenance.version(),
                    Map.of("liquidlens.provenance", provenance.toJson().toString()));
            doc.save(out);
        }
    }

    /** Writes {@code figure} as a standalone SVG document. */
    public static void writeSvg(NamedFigure figure, OutputStream out) throws IOException {
        out.write(Svg.document(figure.painter()).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static List<String> provenanceLines(Provenance p) {
        List<String> lines = new ArrayList<>();
        lines.add("Command: " + p.command() + "; LiquidLens " + p.version() + "; " + p.platform() + ".");
        for (Provenance.InputFile f : p.inputs()) {
            lines.add(f.role() + ": " + f.path() + " (" + f.bytes() + " bytes, SHA-256 " + f.sha256() + ")");
        }
        p.options().forEach((k, v) -> lines.add("option " + k + " = " + v));
        return lines;
    }

    private static java.util.Optional<NamedFigure> map(DynamicsResult result, int mapNeuron, boolean mapTau) {
        List<RolloutDynamics> drawn = result.rollouts().stream().filter(RolloutDynamics::hasMap).toList();
        if (drawn.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<float[]> values = drawn.stream()
                .map(r -> mapNeuron < 0 ? r.pc1() : mapTau ? r.activity().tauSeries(mapNeuron)
                        : r.activity().stateSeries(mapNeuron)).toList();
        String quantity = mapNeuron < 0 ? "PC1" : mapTau ? result.neurons().get(mapNeuron).name() + "'s "
                + (result.cell().equals("LTC") ? "time constant" : "time gate")
                : result.neurons().get(mapNeuron).name();
        List<String> caption = new ArrayList<>();
        caption.add("Seen from above (world columns x, y), one panel per rollout, all to one scale; each step's stretch"
                + " coloured by " + quantity + ",");
        caption.add("clamped at its 1st and 99th percentiles over every step drawn; a ring marks each start.");
        int left = result.rollouts().size() - drawn.size();
        if (left > 0) {
            caption.add(left + " rollout(s) without world columns x, y are not drawn.");
        }
        return java.util.Optional.of(new NamedFigure("map", new DriveMap(result.model(), drawn, values, quantity,
                caption)));
    }

    private static OutputScatter scatter(DynamicsResult result) {
        List<NeuronDynamics> neurons = result.neurons();
        int total = result.rollouts().stream().mapToInt(r -> r.activity().steps()).sum();
        float[][] states = new float[neurons.size()][total];
        float[] output = new float[total];
        int at = 0;
        for (RolloutDynamics r : result.rollouts()) {
            int steps = r.activity().steps();
            System.arraycopy(r.activity().outputSeries(0), 0, output, at, steps);
            for (int i = 0; i < neurons.size(); i++) {
                System.arraycopy(r.activity().stateSeries(neurons.get(i).neuron()), 0, states[i], at, steps);
            }
            at += steps;
        }
        SteeringClasses classes = new SteeringClasses(output);
        int every = Math.max(1, (total + OutputScatter.MAX_STEPS - 1) / OutputScatter.MAX_STEPS);
        return new OutputScatter(result.model(), neurons, states, output, classes, List.of(
                "Each neuron's state (x) against output 0 (y), " + (every == 1 ? "every step"
                        : "every " + every + "th step of " + total) + "; r: Pearson's r over every step.",
                "Colour: the steering class, " + classes.rule() + "."));
    }

    private static LmaxChart lmax(DynamicsResult result) {
        List<NeuronDynamics> drawn = LmaxChart.drawn(result.neurons());
        List<String> caption = new ArrayList<>();
        caption.add("L_max = the largest |x(t+1) - x(t)| / dt within a rollout (dt: its timespans, else 1), sorted,"
                + " log scale.");
        if (!drawn.isEmpty()) {
            NeuronDynamics roughest = drawn.get(0);
            NeuronDynamics smoothest = drawn.get(drawn.size() - 1);
            caption.add("Roughest " + roughest.name() + ": " + Values.short4(roughest.lmax()) + "; smoothest "
                    + smoothest.name() + ": " + Values.short4(smoothest.lmax()) + ".");
        }
        int left = result.neurons().size() - drawn.size();
        if (left > 0) {
            caption.add(left + " neuron(s) with L_max 0 or undefined are not drawn.");
        }
        return new LmaxChart(result.model(), result.neurons(), caption);
    }

    private static TimeConstantChart timeConstants(DynamicsResult result) {
        String quantity = result.cell().equals("LTC") ? "liquid time constant" : "time gate";
        List<String> caption = new ArrayList<>();
        caption.add("Each neuron's " + quantity + " over every step: 10th to 90th percentile (bar) and median (dot).");
        List<NeuronDynamics> known = result.neurons().stream().filter(n -> Double.isFinite(n.tauMedian()))
                .sorted(Comparator.comparingDouble(NeuronDynamics::tauMedian)).toList();
        if (!known.isEmpty()) {
            NeuronDynamics fast = known.get(0);
            NeuronDynamics slow = known.get(known.size() - 1);
            caption.add("Fastest (smallest median) " + fast.name() + ": " + Values.short4(fast.tauMedian())
                    + "; slowest " + slow.name() + ": " + Values.short4(slow.tauMedian()) + ".");
        }
        return new TimeConstantChart(result.model(), result.neurons(), quantity, caption);
    }
}
