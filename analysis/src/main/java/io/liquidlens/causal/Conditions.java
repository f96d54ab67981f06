package io.liquidlens.causal;

import io.liquidlens.LiquidLensException;
import io.liquidlens.lanekeeping.Distractors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the conditions a report measures: {@code KIND[=LEVEL,LEVEL...]} items separated by {@code ;}, e.g.
 * {@code noise=0,0.1,0.2,0.3;objects;shadows=0.5}. Kinds and units are the sample world's distractors
 * ({@link Distractors}); a kind without levels takes its default; level 0 of any kind is the clean condition.
 */
public final class Conditions {
    /** The paper's protocol: the clean run and Gaussian pixel noise of variance 0.1, 0.2 and 0.3. */
    public static final String DEFAULT = "noise=0,0.1,0.2,0.3";

    private static final List<String> KINDS = List.of("noise", "objects", "shadows", "brightness", "occlusion");

    private Conditions() {
    }

    /**
     * The conditions of {@code spec}, every one drawn from {@code seed}, in the order given, each once.
     *
     * @throws LiquidLensException naming the item and what is accepted
     */
    public static List<Condition> parse(String spec, long seed) {
        String text = spec == null ? "" : spec.trim();
        if (text.isEmpty()) {
            throw new LiquidLensException("--perturbations is empty; give e.g. " + DEFAULT);
        }
        Set<String> names = new LinkedHashSet<>();
        List<Condition> out = new ArrayList<>();
        for (String raw : text.split(";", -1)) {
            String item = raw.trim();
            int eq = item.indexOf('=');
            String kind = (eq < 0 ? item : item.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (!KINDS.contains(kind)) {
                throw new LiquidLensException("--perturbations: unknown kind '" + item + "'; accepted: "
                        + String.join(", ", KINDS) + ", each as KIND or KIND=LEVEL,LEVEL... separated by ';'");
            }
            List<String> levels = eq < 0 ? List.of("") : List.of(item.substring(eq + 1).split(",", -1));
            for (String level : levels) {
                Distractors d = Distractors.parse(level.isBlank() ? kind : kind + "=" + level.trim()).withSeed(seed);
                double value = levelOf(d, kind);
                String name = d.any() ? kind + " " + format(value) : "clean";
                if (!names.add(name)) {
                    throw new LiquidLensException("--perturbations: '" + name + "' is given twice in '" + spec + "'");
                }
                out.add(new Condition(name, kind, value, d));
            }
        }
        return out;
    }

    private static double levelOf(Distractors d, String kind) {
        return switch (kind) {
            case "noise" -> d.noise();
            case "objects" -> d.objects();
            case "shadows" -> d.shadows();
            case "brightness" -> d.brightness();
            default -> d.occlusion();
        };
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
