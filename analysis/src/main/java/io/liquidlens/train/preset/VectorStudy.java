package io.liquidlens.train.preset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.train.TrainOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The vector seed study: four liquid architectures of nine neurons and two conventional baselines (LSTM and GRU
 * of 64 units), each trained with five seeds by one recipe on one data set, to ask which of them lean on the
 * {@code spurious} input (the expert's previous action plus a little noise on the training roads, pure noise on
 * held-out ones). Every member is a preset named {@code vector-study-ARCH-sSEED}; {@code vector-study} trains all
 * thirty.
 *
 * <p>The {@code spurious_1} input is the vector sensor's {@code spurious} distractor: on training roads (even
 * episode seeds) the expert's action of the previous step in kappa units (curvature x 15 m) plus N(0, 0.1^2)
 * noise, a near copy of the label since the action changes little from one step to the next; on held-out roads
 * (odd seeds, where {@code evaluate} drives) N(0, 0.5^2) noise alone. The two {@code noise} inputs are N(0, 1)
 * everywhere.
 *
 * <p>The training seed draws the initial weights and the order of windows; the data are recorded with seed
 * {@value #DATA_SEED} whatever the training seed, so all thirty networks learn from the same episodes. The
 * wirings are fixed too (the NCP's wiring seed, the random wiring's seed), so a seed changes only what
 * training changes.
 */
public final class VectorStudy {
    /** The name that trains every member, each into its own subfolder. */
    public static final String FAMILY = "vector-study";
    /** The seeds every architecture is trained with. */
    public static final List<Long> SEEDS = List.of(1L, 2L, 3L, 4L, 5L);
    /** Every member's data: the expert's episodes recorded with this seed. */
    public static final long DATA_SEED = 1;
    /** Inputs: d_lane, mu, kappa, two noise channels and one spurious channel. */
    static final int INPUTS = 6;
    /**
     * Random(9, 1) keeping 24.5 % of the possible synapses: 20 internal and 13 sensory ones, 33 in all as the
     * NCP's 15 internal and 18 sensory (ncps's Random takes a sparsity, not a count; 0.755 is the one that
     * gives the NCP's total).
     */
    static final double RANDOM_SPARSITY = 0.755;
    /** The baselines' hidden units: the NCP paper's LSTM has 64. */
    static final int BASELINE_UNITS = 64;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The vector-lanekeeping preset's data: 40 expert episodes of 500 steps with DART noise, here with a fixed seed. */
    private static final TrainingPreset.DataRecipe DATA =
            new TrainingPreset.DataRecipe("vector", 40, 500, 0.02, "noise-channels,spurious", 0, DATA_SEED);
    /** The vector-lanekeeping preset's training: 30 epochs, batches of 32 windows of 16 steps, lr 0.01, clip 1. */
    private static final TrainOptions TRAINING = new TrainOptions(30, 32, 16, 0.01, 0, 1.0, 1);
    private static final TrainingPreset.Quick QUICK = new TrainingPreset.Quick(20, 300, 30);

    /**
     * The architectures compared, all on the same six inputs: four liquid networks of the same nine neurons (one
     * motor), and the NCP paper's conventional baselines at the paper's LSTM size, 64 units.
     */
    public enum Architecture {
        /** LTC on NCP(5 inter, 3 command, 1 motor), as the vector-lanekeeping preset. */
        NCP("ncp", "LTC on NCP(5 inter, 3 command, 1 motor)"),
        /** LTC on FullyConnected(9, 1): every synapse. */
        FULLY_CONNECTED("fullyconnected", "LTC on FullyConnected(9, 1)"),
        /** LTC on Random(9, 1) with the NCP's synapse count. */
        RANDOM("random", "LTC on Random(9, 1, sparsity 0.755), 33 synapses like the NCP"),
        /** CfC on the NCP's wiring. */
        CFC("cfc", "wired CfC on the same NCP wiring"),
        /** torch's LSTM of 64 units, the size of the NCP paper's LSTM baseline, with a linear readout. */
        LSTM("lstm", "LSTM(6 -> 64, 1 layer) with a Linear(64 -> 1) readout"),
        /** torch's GRU of the LSTM's 64 units, with a linear readout. */
        GRU("gru", "GRU(6 -> 64, 1 layer) with a Linear(64 -> 1) readout");

        private final String folder;
        private final String description;

        Architecture(String folder, String description) {
            this.folder = folder;
            this.description = description;
        }

        /** The short name in member names and folders: ncp, fullyconnected, random, cfc, lstm, gru. */
        public String folder() {
            return folder;
        }

        /** Every architecture's short name, comma-separated in declaration order. */
        static String folders() {
            return String.join(",", Arrays.stream(values()).map(Architecture::folder).toList());
        }

        ObjectNode template(String name) {
            return switch (this) {
                case NCP -> TrainingPresets.vectorModel(name, "LTC", TrainingPresets.vectorNcp());
                case FULLY_CONNECTED -> TrainingPresets.vectorModel(name, "LTC", plain("FullyConnected"));
                case RANDOM -> TrainingPresets.vectorModel(name, "LTC", random());
                case CFC -> TrainingPresets.vectorModel(name, "CfC", TrainingPresets.vectorNcp());
                case LSTM -> TrainingPresets.vectorBaseline(name, "LSTM", BASELINE_UNITS);
                case GRU -> TrainingPresets.vectorBaseline(name, "GRU", BASELINE_UNITS);
            };
        }
    }

    private VectorStudy() {
    }

    /** The member's name, e.g. {@code vector-study-ncp-s1}. */
    public static String memberName(Architecture a, long seed) {
        return FAMILY + "-" + a.folder() + "-s" + seed;
    }

    /** The member's folder under the family's output folder, e.g. {@code ncp-s1}. */
    public static String memberFolder(Architecture a, long seed) {
        return a.folder() + "-s" + seed;
    }

    /** Every member, architecture by architecture, seeds in order. */
    public static List<TrainingPreset> members() {
        List<TrainingPreset> all = new ArrayList<>();
        for (Architecture a : Architecture.values()) {
            for (long seed : SEEDS) {
                all.add(member(a, seed));
            }
        }
        return all;
    }

    /** Whether {@code name} names a member of the study (then its data are the study's, shared by all). */
    static boolean isMember(String name) {
        return name.startsWith(FAMILY + "-");
    }

    private static TrainingPreset member(Architecture a, long seed) {
        String name = memberName(a, seed);
        String description = String.format(Locale.ROOT, "vector seed study, training seed %d: %s; inputs d_lane,"
                + " mu, kappa, 2 noise channels, 1 spurious channel; data seed %d", seed, a.description, DATA_SEED);
        ObjectNode template = a.template("vector seed study: " + a.description + ", seed " + seed);
        return new TrainingPreset(name, description, template, DATA, TRAINING.withSeed(seed), QUICK, null);
    }

    private static ObjectNode plain(String type) {
        ObjectNode w = JSON.createObjectNode();
        w.put("class", type);
        w.put("units", 9);
        w.put("output_dim", 1);
        return w;
    }

    private static ObjectNode random() {
        ObjectNode w = plain("Random");
        w.put("sparsity_level", RANDOM_SPARSITY);
        w.put("random_seed", 1111);
        return w;
    }
}
