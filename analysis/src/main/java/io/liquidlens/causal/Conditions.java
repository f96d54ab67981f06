package io.liquidlens.causal;

import io.liquidlens.BadOptionException;
import io.liquidlens.LiquidLensException;
import io.liquidlens.lanekeeping.Distractors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the conditions a report measures: {@code KIND[=LEVEL,LEVEL...]} items separated by {@code ;}, e.g.
 * {@code noise=0,0.1,0.2,0.3;objects;shadows=0.5}. Camera kinds and units are the sample world's distractors
 * ({@link Distractors}); a kind without levels takes its default; level 0 of any kind is the clean condition.
 * Vector models have two kinds of their own: {@code channels=VAR,...} (Gaussian noise of variance VAR on the
 * chosen input channels, {@link Perturbation.ChannelNoise}) and {@code spurious} (the training-time shortcut
 * put back on the inputs named {@code spurious_*}, {@link Perturbation.SpuriousCue}).
 */
public final class Conditions {
    /** The paper's protocol: the clean run and Gaussian pixel noise of variance 0.1, 0.2 and 0.3. */
    public static final String DEFAULT = "noise=0,0.1,0.2,0.3";

    /** Vector models' default: Gaussian noise of these variances on the chosen input channels. */
    public static final String VECTOR_DEFAULT = "channels=0,0.1,0.2,0.3";

    private static final List<String> KINDS = List.of("noise", "objects", "shadows", "brightness", "occlusion",
            "channels", "spurious");
    /** The spread of the noise on the spurious cue, as the vector sensor draws it in training episodes. */
    private static final double CUE_NOISE = 0.1;

    private Conditions() {
    }

    /** The default conditions for camera models ({@link #DEFAULT}) or vector models ({@link #VECTOR_DEFAULT}). */
    public static String defaultFor(boolean camera) {
        return camera ? DEFAULT : VECTOR_DEFAULT;
    }

    /**
     * The conditions of {@code spec}, every one drawn from {@code seed}, in the order given, each once.
     *
     * @throws LiquidLensException naming the item and what is accepted
     */
    public static List<Condition> parse(String spec, long seed) {
        return parse(spec, seed, List.of(), List.of());
    }

    /**
     * As {@link #parse(String, long)}, with the vector kinds resolved against the models' input names.
     *
     * @param inputs   the models' input names (empty for camera models)
     * @param channels the inputs {@code channels} perturbs (empty: every input)
     */
    public static List<Condition> parse(String spec, long seed, List<String> inputs, List<String> channels) {
        String text = spec == null ? "" : spec.trim();
        if (text.isEmpty()) {
            throw new BadOptionException("--perturbations is empty; give e.g. " + DEFAULT);
        }
        Set<String> names = new LinkedHashSet<>();
        List<Condition> out = new ArrayList<>();
        for (String raw : text.split(";", -1)) {
            String item = raw.trim();
            int eq = item.indexOf('=');
            String kind = (eq < 0 ? item : item.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (!KINDS.contains(kind)) {
                throw new BadOptionException("--perturbations: unknown kind '" + item + "'; accepted: "
                        + String.join(", ", KINDS) + ", each as KIND or KIND=LEVEL,LEVEL... separated by ';'");
            }
            List<String> levels = eq < 0 ? List.of("") : List.of(item.substring(eq + 1).split(",", -1));
            if (kind.equals("channels") || kind.equals("spurious")) {
                for (Condition c : vector(kind, levels, seed, inputs, channels, item)) {
                    if (!names.add(c.name())) {
                        throw new BadOptionException("--perturbations: '" + c.name() + "' is given twice in '" + spec + "'");
                    }
                    out.add(c);
                }
                continue;
            }
            for (String level : levels) {
                Distractors d = Distractors.parse(level.isBlank() ? kind : kind + "=" + level.trim()).withSeed(seed);
                double value = levelOf(d, kind);
                String name = d.any() ? kind + " " + format(value) : "clean";
                if (!names.add(name)) {
                    throw new BadOptionException("--perturbations: '" + name + "' is given twice in '" + spec + "'");
                }
                out.add(new Condition(name, kind, value, d));
            }
        }
        return out;
    }

    private static List<Condition> vector(String kind, List<String> levels, long seed, List<String> inputs,
                                          List<String> channels, String item) {
        if (inputs.isEmpty()) {
            throw new LiquidLensException("--perturbations: '" + item + "' is for vector models (their inputs by name);"
                    + " camera models take noise, objects, shadows, brightness, occlusion");
        }
        List<Condition> out = new ArrayList<>();
        if (kind.equals("spurious")) {
            if (!(levels.size() == 1 && levels.get(0).isBlank())) {
                throw new BadOptionException("--perturbations: 'spurious' takes no level, got '" + item + "'");
            }
            List<Integer> cue = java.util.stream.IntStream.range(0, inputs.size())
                    .filter(i -> inputs.get(i).startsWith("spurious")).boxed().toList();
            if (cue.isEmpty()) {
                throw new LiquidLensException("--perturbations: 'spurious' needs inputs named spurious_*; the models read "
                        + inputs);
            }
            out.add(new Condition("spurious cue", "spurious", 1, Distractors.none(),
                    new Perturbation.SpuriousCue(cue, CUE_NOISE, seed)));
            return out;
        }
        List<String> chosen = channels.isEmpty() ? inputs : channels;
        List<Integer> index = new ArrayList<>();
        for (String name : chosen) {
            index.add(inputs.indexOf(name));
            if (index.get(index.size() - 1) < 0) {
                throw new LiquidLensException("--channels: '" + name + "' is not one of the models' inputs "
                        + inputs);
            }
        }
        for (String level : levels) {
            double variance;
            try {
                variance = level.isBlank() ? 0.1 : Double.parseDouble(level.trim());
            } catch (NumberFormatException e) {
                throw new BadOptionException("--perturbations: 'channels' needs a variance, got '" + level + "'");
            }
            if (!(variance >= 0) || !Double.isFinite(variance)) {
                throw new BadOptionException("--perturbations: 'channels' variance must be a finite number >= 0, got "
                        + level);
            }
            out.add(new Condition(variance == 0 ? "clean" : "channels " + format(variance), "channels", variance,
                    Distractors.none(), new Perturbation.ChannelNoise(index, variance, seed)));
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
