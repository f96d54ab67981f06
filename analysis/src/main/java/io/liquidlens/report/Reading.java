package io.liquidlens.report;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.Evidence;
import io.liquidlens.causal.Evidence.Comparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's answer in words, written from the audit's paired comparisons only: which differences between
 * models (or between groups of seeds, when there are groups) are significant at the audit's level after the
 * correction, and which are not.
 */
final class Reading {
    /** How each compared metric is named in a sentence. */
    private static final Map<String, String> NAMES = Map.of(
            "ssim", "Median SSIM of clean and perturbed maps",
            "deviation", "Median output deviation",
            "distractor_share", "Median share of saliency on distractor pixels (or inputs)",
            "task_share", "Median share of saliency on road and lane pixels (or task inputs)",
            "spurious_share", "Median share of saliency on the spurious inputs",
            Evidence.CRASH_RATE, "Closed-loop crashes per 1000 steps",
            "pc1_share", "PC1's share of the state variance",
            "lmax_median", "Median L_max over the neurons",
            "lmax_max", "Largest L_max of any neuron");

    private Reading() {
    }

    /** The question the report answers. */
    static String question(CausalAudit audit) {
        return "Question: does each network steer from the road? Per condition, how far its saliency map and its "
                + audit.outputName() + " output move when the input is disturbed, where its saliency lies, how it"
                + " drives in closed loop, and whether the models differ by more than the noise of the measured"
                + " frames and drives.";
    }

    /** The reading, one paragraph per compared metric after a count of what is significant. */
    static List<String> paragraphs(CausalAudit audit) {
        Evidence evidence = audit.evidence();
        List<Comparison> all = evidence.comparisons();
        List<String> p = new ArrayList<>();
        if (all.isEmpty()) {
            p.add("Reading: one model, nothing to compare; the intervals below say how sure each figure is.");
            return p;
        }
        String level = percent(evidence.level());
        long significant = all.stream().filter(c -> c.significant(evidence.level())).count();
        String compared = evidence.byGroup() ? " group comparisons (every two groups of independently trained"
                + " networks, per metric and condition; a group's value is the mean over its seeds)"
                : evidence.byReference() ? " paired comparisons (each model against the reference "
                + evidence.reference() + ", per metric and condition)"
                : " paired comparisons (every two models, per metric and condition)";
        p.add("Reading: " + significant + " of " + all.size() + compared + " are significant at " + level
                + " after " + evidence.correction() + ". The intervals below are each comparison's own, not corrected:"
                + " one may leave out zero and its difference still not be significant."
                + (evidence.byGroup() ? " With few seeds a bootstrap over them is too liberal, so the p-values"
                + " come from the exact permutation test of the seeds' medians, each seed one observation (the"
                + " two-stage bootstrap's own, \"bootstrap p\", follows as a check)." : ""));
        List<String> metrics = all.stream().map(Comparison::metric).distinct().toList();
        if (evidence.byReference()) {
            // one sentence per question: listing every checkpoint's difference would run to pages
            metrics.forEach(metric -> p.add(againstReference(metric, all, evidence)));
            return p;
        }
        for (String metric : metrics) {
            List<String> yes = new ArrayList<>();
            List<String> no = new ArrayList<>();
            List<Comparison> tied = new ArrayList<>();
            for (Comparison c : all) {
                if (!c.metric().equals(metric)) {
                    continue;
                }
                if (c.significant(evidence.level())) {
                    yes.add(describe(c, evidence));
                } else if (isTie(c)) {
                    tied.add(c);
                } else {
                    no.add(describe(c, evidence));
                }
            }
            StringBuilder s = new StringBuilder(NAMES.getOrDefault(metric, metric)).append(" (a minus b). ");
            s.append(yes.isEmpty() ? "No difference is significant" : "Significant: " + String.join("; ", yes));
            s.append(". ");
            if (!no.isEmpty()) {
                s.append("Not significant: ").append(String.join("; ", no)).append(". ");
            }
            if (!tied.isEmpty()) {
                // listing pairs whose every replicate was the same would bury the differences that exist
                s.append(tied.size()).append(tied.size() == 1 ? " pair does" : " pairs do")
                        .append(" not differ on any resample (").append(String.join(", ", tied.stream()
                                .map(Tables::condition).distinct().toList())).append(").");
            }
            p.add(s.toString());
        }
        return p;
    }

    /**
     * One metric's comparisons with the reference, per condition: how many models differ significantly and the
     * range of their differences, e.g. "noise 0.1: 12 of 29 differ significantly, from -0.031 (e0004) to +0.012
     * (e0030)".
     */
    private static String againstReference(String metric, List<Comparison> all, Evidence evidence) {
        StringBuilder s = new StringBuilder(NAMES.getOrDefault(metric, metric)).append(", each model minus ")
                .append(evidence.reference()).append(". ");
        List<String> conditions = all.stream().filter(c -> c.metric().equals(metric)).map(Comparison::condition)
                .distinct().toList();
        List<String> parts = new ArrayList<>();
        for (String condition : conditions) {
            List<Comparison> asked = all.stream().filter(c -> c.metric().equals(metric)
                    && c.condition().equals(condition)).toList();
            List<Comparison> yes = asked.stream().filter(c -> c.significant(evidence.level())).toList();
            String part = condition + ": " + yes.size() + " of " + asked.size() + " differ significantly";
            if (!yes.isEmpty()) {
                Comparison low = yes.stream().min(java.util.Comparator.comparingDouble(Comparison::difference))
                        .orElseThrow();
                Comparison high = yes.stream().max(java.util.Comparator.comparingDouble(Comparison::difference))
                        .orElseThrow();
                part += low == high ? ", " + signed(low.difference()) + " (" + low.modelA() + ")"
                        : ", from " + signed(low.difference()) + " (" + low.modelA() + ") to "
                        + signed(high.difference()) + " (" + high.modelA() + ")";
            }
            parts.add(part);
        }
        return s.append(String.join("; ", parts)).append(". Every comparison is in the paired comparisons' table.")
                .toString();
    }

    /** A difference of exactly zero whose interval is exactly zero: the two medians agree on every resample. */
    private static boolean isTie(Comparison c) {
        return c.difference() == 0 && c.interval().isDefined() && c.interval().low() == 0
                && c.interval().high() == 0;
    }

    /** e.g. "noise 0.1, ncp vs fullyconnected +0.028 [+0.020, +0.035], adjusted p 0.002". */
    private static String describe(Comparison c, Evidence evidence) {
        String ci = c.interval().isDefined() ? " [" + signed(c.interval().low()) + ", " + signed(c.interval().high())
                + "]" : "";
        return Tables.condition(c) + ", " + name(c.modelA(), evidence) + " vs " + name(c.modelB(), evidence) + " "
                + signed(c.difference()) + ci + ", adjusted p " + Tables.number(c.pAdjusted())
                + evidence.groups().bootstrapCheck(c.metric(), c.condition(), c.modelA(), c.modelB())
                .map(check -> " (bootstrap p " + Tables.number(check.pValue()) + ")").orElse("");
    }

    /** A model's name, or a group's with its size, e.g. "ncp (5 seeds)". */
    private static String name(String compared, Evidence evidence) {
        if (!evidence.byGroup()) {
            return compared;
        }
        return evidence.groups().groups().stream().filter(g -> g.name().equals(compared)).findFirst()
                .map(GroupTables::label).orElse(compared);
    }

    private static String signed(double v) {
        String s = Tables.number(v);
        return v > 0 ? "+" + s : s;
    }

    private static String percent(double level) {
        return Math.round(level * 100) + "%";
    }
}
