package io.liquidlens.causal;

import io.liquidlens.Limits;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A saliency method with its options, as the command line writes it: {@code NAME[:KEY=VALUE,...]}, e.g.
 * {@code vbp}, {@code ig:steps=64,baseline=grey}, {@code smoothgrad:samples=32,sigma=0.2},
 * {@code occlusion:patch=4,stride=2}. Options a method does not have are refused.
 *
 * @param choice   the method
 * @param steps    integrated gradients: points of the midpoint rule (default 32)
 * @param baseline integrated gradients: {@code zeros} (black) or {@code grey} (0.5 everywhere)
 * @param samples  SmoothGrad: noisy copies averaged (default 16)
 * @param sigma    SmoothGrad: the noise's spread as a share of the input range (default 0.1)
 * @param patch    occlusion: patch size, 0 for the input's default (8 pixels for frames, 1 feature for vectors)
 * @param stride   occlusion: step between patches, 0 for the input's default (4 for frames, 1 for vectors)
 */
public record SaliencySpec(SaliencyChoice choice, int steps, String baseline, int samples, double sigma, int patch,
                           int stride) {

    /** The methods and their options with the defaults of {@link #of}, as {@code --method}'s help gives them. */
    public static final String SYNTAX = "vbp (VisualBackProp, camera models), gradient, gradxinput,"
            + " ig[:steps=32,baseline=zeros|grey], smoothgrad[:samples=16,sigma=0.1], occlusion[:patch=8,stride=4]";

    /** Checks every option's range. */
    public SaliencySpec {
        if (choice == null) {
            throw new IllegalArgumentException("method is required");
        }
        positive("steps", steps);
        positive("samples", samples);
        Limits.atMost("method option steps", steps, Limits.SALIENCY_SAMPLES);
        Limits.atMost("method option samples", samples, Limits.SALIENCY_SAMPLES);
        Limits.atMost("method option patch", patch, Limits.IMAGE_SIDE);
        Limits.atMost("method option stride", stride, Limits.IMAGE_SIDE);
        if (patch < 0 || stride < 0) {
            throw new IllegalArgumentException("method option patch and stride must be >= 1 (0 = default), got "
                    + patch + " and " + stride);
        }
        if (!baseline.equals("zeros") && !baseline.equals("grey")) {
            throw new IllegalArgumentException("method " + choice.cliName() + ": baseline must be zeros or grey, got '"
                    + baseline + "'");
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("method " + choice.cliName() + ": sigma must be a finite number >= 0,"
                    + " got " + sigma);
        }
    }

    /**
     * {@code choice} with its default options, the ones the command line documents: integrated gradients from
     * zeros in 32 midpoints, SmoothGrad with 16 samples at sigma 0.1, occlusion by an 8-pixel grey patch at
     * stride 4 (one feature at a time, set to 0, for vectors).
     */
    public static SaliencySpec of(SaliencyChoice choice) {
        return new SaliencySpec(choice, IntegratedGradients.DEFAULT_STEPS, "zeros", 16, 0.1, 0, 0);
    }

    /**
     * The report's method when none is asked for: VisualBackProp for a camera model, as the NCP paper measures, and
     * the input gradient for a vector model, which has no conv head for VisualBackProp to look through.
     */
    public static SaliencySpec reportDefault(boolean camera) {
        return of(camera ? SaliencyChoice.VBP : SaliencyChoice.GRADIENT);
    }

    /** Every registered method that applies to a camera ({@code image}) or vector model, with its defaults. */
    public static List<SaliencySpec> defaultsFor(boolean image) {
        return SaliencyChoice.forModel(image).stream().map(SaliencySpec::of).toList();
    }

    /**
     * Reads {@code NAME[:KEY=VALUE,...]}.
     *
     * @throws IllegalArgumentException naming the method, the option and what is accepted
     */
    public static SaliencySpec parse(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        SaliencyChoice choice = SaliencyChoice.named(colon < 0 ? t : t.substring(0, colon));
        SaliencySpec s = of(choice);
        if (colon < 0) {
            return s;
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (String item : t.substring(colon + 1).split(",", -1)) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("method '" + text + "': write options as KEY=VALUE, got '" + item + "'");
            }
            given.put(item.substring(0, eq).trim().toLowerCase(Locale.ROOT), item.substring(eq + 1).trim());
        }
        String[] allowed = switch (choice) {
            case INTEGRATED_GRADIENTS -> new String[] {"steps", "baseline"};
            case SMOOTHGRAD -> new String[] {"samples", "sigma"};
            case OCCLUSION -> new String[] {"patch", "stride"};
            default -> new String[0];
        };
        for (String key : given.keySet()) {
            if (!Arrays.asList(allowed).contains(key)) {
                throw new IllegalArgumentException("method '" + text + "': " + choice.cliName() + " has no option '"
                        + key + "'" + (allowed.length == 0 ? " (it has none)" : "; it has " + String.join(", ", allowed)));
            }
        }
        try {
            return new SaliencySpec(choice, integer(given, "steps", s.steps), given.getOrDefault("baseline", s.baseline),
                    integer(given, "samples", s.samples),
                    given.containsKey("sigma") ? Double.parseDouble(given.get("sigma")) : s.sigma,
                    integer(given, "patch", s.patch), integer(given, "stride", s.stride));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("method '" + text + "': an option needs a number (" + e.getMessage() + ")");
        }
    }

    /**
     * The method for a model whose steps have {@code stepSize} values ({@code image}: camera frames); {@code seed}
     * seeds SmoothGrad's noise.
     */
    public SaliencyMethod create(boolean image, int stepSize, long seed) {
        return switch (choice) {
            case VBP -> new VisualBackPropMethod();
            case GRADIENT -> new InputGradient();
            case GRADIENT_X_INPUT -> new GradientTimesInput();
            case INTEGRATED_GRADIENTS -> new IntegratedGradients(baseline.equals("grey") ? grey(stepSize) : null, steps);
            case SMOOTHGRAD -> new SmoothGrad(samples, sigma, seed);
            case OCCLUSION -> new Occlusion(patch(image), stride(image), image ? 0.5 : 0.0);
        };
    }

    /** What {@link #create} makes, in words, options included (for captions). */
    public String describe(boolean image, long seed) {
        return switch (choice) {
            case VBP -> "VisualBackProp on the conv head (vbp)";
            case GRADIENT -> "input gradient |dy/dx_t| (gradient)";
            case GRADIENT_X_INPUT -> "gradient x input |x_t dy/dx_t| (gradxinput)";
            case INTEGRATED_GRADIENTS -> "integrated gradients from " + (baseline.equals("grey") ? "a grey (0.5)" : "a zero")
                    + " input, " + steps + " midpoints (" + text() + ")";
            case SMOOTHGRAD -> "SmoothGrad, " + samples + " samples, sigma " + sigma + " of the input range, seed " + seed
                    + " (" + text() + ")";
            case OCCLUSION -> image ? "occlusion by a " + patch(true) + "-pixel grey patch at stride " + stride(true)
                    + " (" + text() + ")" : "occlusion of " + patch(false) + " feature(s) at a time by 0 (" + text() + ")";
        };
    }

    /** The method's name in words and the text that asks for it: {@code SmoothGrad (smoothgrad:samples=16,sigma=0.1)}. */
    public String label() {
        return choice.label() + " (" + text() + ")";
    }

    /** The canonical text {@link #parse} reads back to this spec. */
    public String text() {
        return switch (choice) {
            case INTEGRATED_GRADIENTS -> choice.cliName() + ":steps=" + steps + ",baseline=" + baseline;
            case SMOOTHGRAD -> choice.cliName() + ":samples=" + samples + ",sigma=" + sigma;
            case OCCLUSION -> patch == 0 && stride == 0 ? choice.cliName()
                    : choice.cliName() + ":patch=" + patch + ",stride=" + stride;
            default -> choice.cliName();
        };
    }

    /** The occlusion patch: as given, or 8 pixels for frames and one feature for vectors. */
    private int patch(boolean image) {
        return patch > 0 ? patch : image ? 8 : 1;
    }

    private int stride(boolean image) {
        return stride > 0 ? stride : image ? 4 : 1;
    }

    private static double[] grey(int size) {
        double[] b = new double[size];
        Arrays.fill(b, 0.5);
        return b;
    }

    private static int integer(Map<String, String> given, String key, int fallback) {
        return given.containsKey(key) ? Integer.parseInt(given.get(key)) : fallback;
    }

    private static void positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException("method option " + name + " must be >= 1, got " + v);
        }
    }
}
