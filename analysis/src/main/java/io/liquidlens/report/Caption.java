package io.liquidlens.report;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.ClosedLoopResult;
import io.liquidlens.causal.Condition;
import io.liquidlens.causal.ConditionResult;
import io.liquidlens.causal.Evidence;
import io.liquidlens.causal.GroupEvidence;
import io.liquidlens.causal.ModelAudit;
import io.liquidlens.provenance.Provenance;
import java.util.ArrayList;
import java.util.List;

/**
 * How every number of the report was made, as paragraphs of plain text: the methods and the provenance, the same
 * lines in the HTML and the PDF (both after the figures and tables; the provenance last).
 */
final class Caption {
    private Caption() {
    }

    /** The report's title. */
    static String title(CausalAudit audit) {
        return "Causality report: saliency and distractors, output " + audit.outputName();
    }

    /** How the numbers were made: method, models, conditions, measures and statistics. */
    static List<String> methods(CausalAudit audit) {
        List<String> p = new ArrayList<>();
        p.add("Saliency method: " + audit.method() + ". Explained output: " + audit.outputName() + " (index "
                + audit.output() + ").");
        for (ModelAudit m : audit.models()) {
            p.add("Model " + m.name() + ": " + m.description() + "; " + drive(m) + roles(m) + ".");
        }
        for (Condition c : audit.conditions()) {
            p.add("Condition " + c.name() + ": kind " + c.kind() + ", level " + c.level() + (c.drivable()
                    ? ", distractors " + c.distractors().describe() + ", seed " + c.distractors().seed()
                    : ", " + c.perturbation()) + ".");
        }
        p.add("Frames: the recorded rollouts replayed open loop; per measured step the saliency map of the clean"
                + " and of the perturbed frame (the perturbed run sees the condition at every step up to t), their"
                + " SSIM (NCP paper protocol), the deviation |y_perturbed - y_clean| of the explained output, and"
                + " the share of the perturbed map's mass on distractor pixels and on road and lane pixels (n/a"
                + " without labels). Summaries leave n/a steps out; quartiles interpolate linearly (type 7).");
        p.add("Closed loop: each model drives the sample world under the condition; a crash is a step that ended"
                + " outside the lane (the car is put back on the centreline). Interventions: neurons clamped or"
                + " synapses cut during replay, ranked by the mean |y_intervened - y| over the replayed steps.");
        Evidence e = audit.evidence();
        p.add("Statistics: means and medians get " + Math.round(e.level() * 100) + "% percentile intervals from a"
                + " bootstrap of " + e.resamples() + " replicates (seed " + e.seed() + ") resampling " + e.blocks()
                + ", because neighbouring frames of one episode are alike; crash rates get the exact Poisson"
                + " (Garwood) interval. Models are compared on the same frames: " + Evidence.PAIRED_TEST
                + " (" + e.comparisonResamples() + " replicates, so that the smallest p-value survives the correction);"
                + " crash"
                + " rates by the " + Evidence.CRASH_TEST + ". p-values are adjusted by " + e.correction() + ".");
        if (e.byReference()) {
            p.add("Comparisons against a reference: each model is compared with " + e.reference() + " only (a minus"
                    + " b is the model minus the reference), so the comparisons grow with the number of models, not"
                    + " with its square; " + (audit.models().size() > Evidence.MAX_ALL_PAIRS ? "with more than "
                    + Evidence.MAX_ALL_PAIRS + " models the first given is the reference unless --reference names"
                    + " another." : "--reference named it."));
        }
        if (ManyModels.applies(audit)) {
            ModelAxis axis = ModelAxis.of(audit.models());
            p.add("Many models: the figures draw a line per condition against the " + axis.kind().label()
                    + ", the key figures are one table per figure with a row per model, and the overlays and the"
                    + " intervention ranking show the first, middle and last model on that axis; every number of"
                    + " every model is in metrics.csv and metrics.json.");
        }
        audit.models().stream().filter(m -> m.dynamics() != null).findFirst().ifPresent(m -> p.add("Dynamics: each"
                + " model's own states over the clean rollouts (its replay from the zero state): PC1's share of"
                + " their variance (PCA centred, not scaled, " + pcaColumns(audit) + ", as scikit-learn computes it) and"
                + " each neuron's L_max, the largest |x(t+1) - x(t)| / dt, summarised by their median and maximum"
                + " over neurons; intervals from the same block bootstrap, recomputed on the drawn blocks ("
                + m.dynamics().resampling() + "). L_max is a maximum over steps, so its intervals end at the value."));
        if (e.byGroup()) {
            p.add("Groups: " + String.join("; ", e.groups().groups().stream().map(g -> g.name() + " = "
                    + String.join(", ", g.members())).toList()) + ". A group's value is the mean over its members"
                    + " (independently trained networks) of each member's statistic over the frames; its interval is a"
                    + " " + GroupEvidence.RESAMPLING + ". Groups, not single networks, are compared: "
                    + GroupEvidence.GROUP_TEST + "; the comparisons above replace the model-pair comparisons.");
        }
        return p;
    }

    /**
     * Which neurons the report's PCA read: the words every model shares ({@code motor neurons left out} of wired
     * models), else each model's own (a baseline beside an NCP has no motor neuron to leave out).
     */
    private static String pcaColumns(CausalAudit audit) {
        java.util.Map<String, String> byModel = new java.util.LinkedHashMap<>();
        audit.models().stream().filter(m -> m.dynamics() != null)
                .forEach(m -> byModel.put(m.name(), m.dynamics().pcaColumns()));
        if (new java.util.HashSet<>(byModel.values()).size() == 1) {
            return byModel.values().iterator().next();
        }
        return "read as " + String.join("; ", byModel.entrySet().stream().map(e -> e.getKey() + ": "
                + e.getValue()).toList());
    }

    /**
     * A vector model's input roles as its shares used them (declared in model.json or by --input-roles, else by
     * the sample world's naming), or nothing for a camera model.
     */
    private static String roles(ModelAudit m) {
        if (m.inputRoles().isEmpty()) {
            return "";
        }
        List<String> each = new ArrayList<>();
        m.inputRoles().forEach((input, role) -> each.add(input + " " + role.text()));
        return "; input roles " + String.join(", ", each);
    }

    /** What was read and how it was run: files with SHA-256, options, command, version, platform. */
    static List<String> provenance(CausalAudit audit) {
        List<String> p = new ArrayList<>();
        Provenance prov = audit.provenance();
        for (Provenance.InputFile f : prov.inputs()) {
            p.add("Read " + f.role() + " " + f.path() + " (" + f.bytes() + " bytes, SHA-256 " + f.sha256() + ").");
        }
        if (!prov.options().isEmpty()) {
            List<String> opts = new ArrayList<>();
            prov.options().forEach((k, v) -> opts.add(k + " = " + v));
            p.add("Options: " + String.join("; ", opts) + ".");
        }
        p.add("Made by " + prov.command() + ", LiquidLens " + prov.version() + ", " + prov.platform() + ".");
        return p;
    }

    private static String drive(ModelAudit m) {
        for (ConditionResult r : m.conditions()) {
            ClosedLoopResult c = r.closedLoop();
            if (c != null) {
                return "closed loop " + c.episodes() + " episodes x " + c.steps() + " steps from seed " + c.seed();
            }
        }
        return "not driven in closed loop";
    }
}
