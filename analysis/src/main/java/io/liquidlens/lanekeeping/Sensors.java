package io.liquidlens.lanekeeping;

import io.liquidlens.BadOptionException;
import io.liquidlens.Limits;
import io.liquidlens.LiquidLensException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one place sensors are made from their command-line names. {@code vector} is always available;
 * {@code camera} needs the camera renderer, wired in {@link #camera(SensorOptions)}.
 */
public final class Sensors {
    /** Sensor names the command line accepts. */
    public static final List<String> NAMES = List.of("vector", "camera");
    /** Distractors of the vector sensor, with their default counts. */
    public static final List<Distractor> VECTOR_DISTRACTORS =
            List.of(new Distractor("noise-channels", 2), new Distractor("spurious", 1));
    /** Distractors of the camera sensor (the renderer's kinds; pixel noise is {@code --noise}). */
    public static final List<String> CAMERA_DISTRACTORS = List.of("objects", "shadows", "brightness", "occlusion");

    private Sensors() {
    }

    /**
     * The sensor called {@code name} with the given options.
     *
     * @throws LiquidLensException for an unknown sensor or distractor (listing what is accepted), or when the
     *                             camera renderer is not available in this build
     */
    public static Sensor create(String name, SensorOptions options) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "vector" -> vector(options);
            case "camera" -> camera(options);
            default -> throw new BadOptionException("unknown sensor '" + name + "'; accepted: " + String.join(", ", NAMES));
        };
    }

    private static Sensor vector(SensorOptions options) {
        int noise = 0;
        int spurious = 0;
        for (Distractor d : options.distractors()) {
            switch (d.name()) {
                case "noise-channels" -> noise += d.count() == 0 ? VECTOR_DISTRACTORS.get(0).count() : d.count();
                case "spurious" -> spurious += d.count() == 0 ? VECTOR_DISTRACTORS.get(1).count() : d.count();
                default -> throw new BadOptionException("unknown distractor '" + d.name() + "' for the vector sensor;"
                        + " accepted: noise-channels[:K] (default K 2), spurious[:K] (default K 1)");
            }
        }
        return new VectorSensor(options.noiseVariance(), noise, spurious);
    }

    /**
     * The camera (32 x 96 RGB, {@link CameraSpec#defaults()}) with the run's distractors at their default
     * intensities and {@code --noise} as Gaussian pixel noise (variance on [0, 1] images, not clipped).
     */
    private static Sensor camera(SensorOptions options) {
        for (Distractor d : options.distractors()) {
            if (!CAMERA_DISTRACTORS.contains(d.name()) || d.count() != 0) {
                throw new BadOptionException("unknown distractor '" + d + "' for the camera sensor; accepted: "
                        + String.join(", ", CAMERA_DISTRACTORS));
            }
        }
        StringBuilder list = new StringBuilder();
        for (Distractor d : options.distractors()) {
            list.append(list.length() == 0 ? "" : ",").append(d.name());
        }
        if (options.noiseVariance() > 0) {
            list.append(list.length() == 0 ? "" : ",").append("noise=").append(options.noiseVariance());
        }
        return camera(Distractors.parse(list.toString()));
    }

    /** The camera (32 x 96 RGB, {@link CameraSpec#defaults()}) drawing exactly {@code distractors}. */
    public static Sensor camera(Distractors distractors) {
        return new CameraSensor(new CameraRenderer(CameraSpec.defaults(), distractors, CarSpec.defaults().dt()));
    }

    /**
     * Parses {@code --distractors}: comma-separated {@code NAME} or {@code NAME:COUNT} (COUNT >= 1); blank or
     * {@code none} is no distractor. Names are checked by {@link #create}.
     *
     * @throws LiquidLensException for an empty item or a count that is not a positive integer
     */
    public static List<Distractor> parseDistractors(String list) {
        List<Distractor> out = new ArrayList<>();
        if (list == null || list.isBlank() || list.trim().equalsIgnoreCase("none")) {
            return out;
        }
        for (String item : list.split(",", -1)) {
            String t = item.trim().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                throw new BadOptionException("--distractors '" + list + "': empty item; give NAME or NAME:COUNT"
                        + " separated by commas");
            }
            int colon = t.indexOf(':');
            String name = colon < 0 ? t : t.substring(0, colon);
            long count = 0;
            if (colon >= 0) {
                try {
                    count = Long.parseLong(t.substring(colon + 1));
                } catch (NumberFormatException e) {
                    count = -1;
                }
                if (count > Limits.DISTRACTOR_CHANNELS) {
                    // checked before the sensor allocates a channel (and a noise stream) per count
                    throw new BadOptionException(Limits.overLimit("--distractors " + name + " count", count,
                            Limits.DISTRACTOR_CHANNELS));
                }
                if (count < 1) {
                    throw new BadOptionException("--distractors '" + item.trim() + "': the count after ':' must be"
                            + " a whole number >= 1");
                }
            }
            out.add(new Distractor(name, (int) count));
        }
        return out;
    }
}
