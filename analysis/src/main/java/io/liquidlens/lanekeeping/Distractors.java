package io.liquidlens.lanekeeping;

import io.liquidlens.BadOptionException;
import io.liquidlens.LiquidLensException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which distractors the camera adds, how strong each is, and the seed they are drawn from. A kind is off
 * when its intensity is 0. Everything a distractor covers is labelled 3 (distractor) in the label map,
 * except the global effects (noise and brightness), which touch every pixel and change no label.
 *
 * <ul>
 *   <li>{@code objects}: boxes, poles, signs and floating balls in bright colours beside the road (never on
 *       it), some walking back and forth along the road and the balls bobbing; value = objects per 100 m
 *       of road (default 8).</li>
 *   <li>{@code shadows}: dark semi-transparent bands lying across the road at random angles, fixed in the
 *       world (the NCP paper's shadow augmentation); value = the darkest band's opacity (default 0.5).
 *       Shadowed pixels are labelled 3 even where they lie on the road or a marking: the label marks where
 *       the picture shows something that is not the task, and a network that reacts to a shadow's edge is
 *       attending to a distractor. The road under a shadow is still road in the world state.</li>
 *   <li>{@code noise}: zero-mean Gaussian noise added to every value of every frame, drawn afresh per frame;
 *       value = the variance on the [0, 1] scale (default 0.1; the paper uses 0.1, 0.2 and 0.3). Noisy
 *       values are NOT clipped unless {@code clip} is given, so the network sees exactly the stated
 *       variance, as in the paper's protocol (a 0.5 grey pixel at variance 0.3 would otherwise lose about
 *       a third of its variance to clipping).</li>
 *   <li>{@code brightness}: a global exposure change per frame, {@code v -> clamp(gain * v + offset)} with
 *       gain uniform in [1 - a, 1 + a] and offset uniform in [-a/4, a/4]; value = a (default 0.3).</li>
 *   <li>{@code occlusion}: solid-colour rectangles in screen space (dirt or a sticker on the lens), drawn
 *       afresh per frame, each 8-30 % of the image width and 15-45 % of its height; value = rectangles per
 *       frame (default 2).</li>
 *   <li>{@code clip}: clip noisy frames to [0, 1] (a flag, no value).</li>
 * </ul>
 *
 * @param objects    roadside objects per 100 m of road, 0 to 50 (0 = off)
 * @param shadows    opacity of the darkest shadow, 0 to 0.95 (0 = off)
 * @param noise      variance of the Gaussian pixel noise on [0, 1] images, 0 to 1 (0 = off)
 * @param brightness amplitude of the exposure change, 0 to 0.9 (0 = off)
 * @param occlusion  occluding rectangles per frame, 0 to 16 (0 = off)
 * @param clip       whether noisy values are clipped to [0, 1]
 * @param seed       seed of every random choice the distractors make
 */
public record Distractors(double objects, double shadows, double noise, double brightness, int occlusion,
                          boolean clip, long seed) {

    /** The names {@link #parse} accepts, with their value, for messages. */
    public static final String ACCEPTED = "objects[=PER_100M], shadows[=OPACITY], noise[=VARIANCE], "
            + "brightness[=AMPLITUDE], occlusion[=PATCHES], clip, none";

    static final double DEFAULT_OBJECTS = 8;
    static final double DEFAULT_SHADOWS = 0.5;
    static final double DEFAULT_NOISE = 0.1;
    static final double DEFAULT_BRIGHTNESS = 0.3;
    static final int DEFAULT_OCCLUSION = 2;

    /** Validates every intensity; a bad one gives a one-line message naming it, its range and the value. */
    public Distractors {
        range(objects, 0, 50, "objects", "objects per 100 m");
        range(shadows, 0, 0.95, "shadows", "opacity");
        range(noise, 0, 1, "noise", "variance");
        range(brightness, 0, 0.9, "brightness", "amplitude");
        if (occlusion < 0 || occlusion > 16) {
            throw new BadOptionException("distractors: 'occlusion' (patches per frame) must be in [0, 16], got "
                    + occlusion);
        }
    }

    /** No distractors: a clean world. */
    public static Distractors none() {
        return new Distractors(0, 0, 0, 0, 0, false, 0);
    }

    /** Every kind at its default intensity, seed 0. */
    public static Distractors all() {
        return new Distractors(DEFAULT_OBJECTS, DEFAULT_SHADOWS, DEFAULT_NOISE, DEFAULT_BRIGHTNESS,
                DEFAULT_OCCLUSION, false, 0);
    }

    /**
     * Reads a comma-separated list such as {@code objects,shadows,noise=0.2,brightness,occlusion}; a name
     * without a value takes its default; {@code ""} or {@code none} means no distractors. The seed is 0
     * (see {@link #withSeed}).
     *
     * @throws LiquidLensException for an unknown name (the message lists the accepted ones), a value that is
     *                             not a number, a name given twice or a value out of range
     */
    public static Distractors parse(String list) {
        double objects = 0;
        double shadows = 0;
        double noise = 0;
        double brightness = 0;
        int occlusion = 0;
        boolean clip = false;
        Set<String> seen = new HashSet<>();
        String text = list == null ? "" : list.trim();
        if (text.isEmpty() || text.equals("none")) {
            return none();
        }
        for (String raw : text.split(",", -1)) {
            String item = raw.trim();
            int eq = item.indexOf('=');
            String name = (eq < 0 ? item : item.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? null : item.substring(eq + 1).trim();
            if (!seen.add(name)) {
                throw new BadOptionException("distractors: '" + name + "' is given twice in '" + list + "'");
            }
            switch (name) {
                case "objects" -> objects = number(name, value, DEFAULT_OBJECTS);
                case "shadows" -> shadows = number(name, value, DEFAULT_SHADOWS);
                case "noise" -> noise = number(name, value, DEFAULT_NOISE);
                case "brightness" -> brightness = number(name, value, DEFAULT_BRIGHTNESS);
                case "occlusion" -> {
                    double n = number(name, value, DEFAULT_OCCLUSION);
                    if (n != Math.rint(n)) {
                        throw new BadOptionException("distractors: 'occlusion' needs a whole number of patches, got '"
                                + value + "'");
                    }
                    occlusion = (int) Math.max(Math.min(n, Integer.MAX_VALUE), Integer.MIN_VALUE);
                }
                case "clip" -> {
                    if (value != null) {
                        throw new BadOptionException("distractors: 'clip' takes no value, got 'clip=" + value + "'");
                    }
                    clip = true;
                }
                default -> throw new BadOptionException("distractors: unknown kind '" + item + "'; accepted: "
                        + ACCEPTED);
            }
        }
        return new Distractors(objects, shadows, noise, brightness, occlusion, clip, 0);
    }

    /** The same distractors drawn from another seed. */
    public Distractors withSeed(long newSeed) {
        return new Distractors(objects, shadows, noise, brightness, occlusion, clip, newSeed);
    }

    /** The same distractors with another noise variance (0 = off). */
    public Distractors withNoise(double variance) {
        return new Distractors(objects, shadows, variance, brightness, occlusion, clip, seed);
    }

    /** Whether any kind is on. */
    public boolean any() {
        return objects > 0 || shadows > 0 || hasScreenEffects();
    }

    /** Whether any effect drawn in screen space (noise, brightness, occlusion) is on. */
    public boolean hasScreenEffects() {
        return noise > 0 || brightness > 0 || occlusion > 0;
    }

    /**
     * The list in the form {@link #parse} reads, kinds that are off left out ({@code none} when all are):
     * {@code parse(d.describe()).withSeed(d.seed())} equals {@code d}.
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (objects > 0) {
            parts.add("objects=" + objects);
        }
        if (shadows > 0) {
            parts.add("shadows=" + shadows);
        }
        if (noise > 0) {
            parts.add("noise=" + noise);
        }
        if (brightness > 0) {
            parts.add("brightness=" + brightness);
        }
        if (occlusion > 0) {
            parts.add("occlusion=" + occlusion);
        }
        if (clip) {
            parts.add("clip");
        }
        return parts.isEmpty() ? "none" : String.join(",", parts);
    }

    private static double number(String name, String value, double fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(value);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException(value);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadOptionException("distractors: '" + name + "' needs a number, got '" + value + "'");
        }
    }

    private static void range(double v, double lo, double hi, String field, String meaning) {
        if (!(v >= lo && v <= hi)) {
            throw new BadOptionException("distractors: '" + field + "' (" + meaning + ") must be in [" + lo + ", "
                    + hi + "], got " + v);
        }
    }
}
