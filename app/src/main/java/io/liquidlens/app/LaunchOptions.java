package io.liquidlens.app;

import io.liquidlens.LiquidLensException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The workbench's command line: {@code [MODEL_DIR [ROLLOUT.npz]] [--probe SECONDS] [--speed X]}. The probe
 * options are hidden: they play the rollout for SECONDS at speed X, print frame-time figures and exit.
 *
 * @param model        model folder to open, or null
 * @param rollout      rollout file (or folder of them) to open with it, or null
 * @param probeSeconds seconds to measure playback for, or 0 for a normal session
 * @param speed        playback speed of the probe (0.25 to 8)
 */
public record LaunchOptions(Path model, Path rollout, double probeSeconds, double speed) {

    public LaunchOptions {
        if (rollout != null && model == null) {
            throw new IllegalArgumentException("a rollout needs a model");
        }
    }

    /** No model, no probe. */
    public static LaunchOptions none() {
        return new LaunchOptions(null, null, 0, 1);
    }

    /** Parses the raw arguments; a bad one is a one-line {@link LiquidLensException}. */
    public static LaunchOptions parse(List<String> args) {
        List<Path> paths = new ArrayList<>();
        double probe = 0;
        double speed = 1;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--probe" -> probe = number(args, ++i, a, 0.1, 3600);
                case "--speed" -> speed = number(args, ++i, a, 0.25, 8);
                default -> {
                    if (a.startsWith("--")) {
                        throw new LiquidLensException("unknown option " + a
                                + "; usage: [MODEL_DIR [ROLLOUT.npz]] [--probe SECONDS] [--speed X]");
                    }
                    paths.add(Path.of(a));
                }
            }
        }
        if (paths.size() > 2) {
            throw new LiquidLensException("too many arguments " + paths + "; usage: [MODEL_DIR [ROLLOUT.npz]]");
        }
        if (!paths.isEmpty() && ImportCheckpointAction.isCheckpoint(paths.get(0))) {
            throw new LiquidLensException(ImportCheckpointAction.notAModelFolder(paths.get(0)));
        }
        return new LaunchOptions(paths.isEmpty() ? null : paths.get(0), paths.size() < 2 ? null : paths.get(1),
                probe, speed);
    }

    /** These options with {@code model} and {@code rollout} filled in when no model was given. */
    public LaunchOptions orElse(Path defaultModel, Path defaultRollout) {
        return model != null || defaultModel == null ? this
                : new LaunchOptions(defaultModel, defaultRollout, probeSeconds, speed);
    }

    /** Back to arguments (for {@code Application.launch}). */
    public List<String> toArgs() {
        List<String> out = new ArrayList<>();
        if (model != null) {
            out.add(model.toString());
        }
        if (rollout != null) {
            out.add(rollout.toString());
        }
        if (probeSeconds > 0) {
            out.add("--probe");
            out.add(Double.toString(probeSeconds));
            out.add("--speed");
            out.add(Double.toString(speed));
        }
        return out;
    }

    private static double number(List<String> args, int i, String option, double min, double max) {
        if (i >= args.size()) {
            throw new LiquidLensException(option + " needs a number");
        }
        try {
            double v = Double.parseDouble(args.get(i));
            if (v < min || v > max || Double.isNaN(v)) {
                throw new LiquidLensException(option + " must be in [" + min + ", " + max + "], got " + args.get(i));
            }
            return v;
        } catch (NumberFormatException e) {
            throw new LiquidLensException(option + " needs a number, got " + args.get(i));
        }
    }
}
