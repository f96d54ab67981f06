package io.liquidlens;

/**
 * The largest size LiquidLens accepts for every count that comes from a file or an option, in one place
 * (docs/FORMATS.md#limits lists them). Each is generous for real models and runs on a 2-core, 24 GiB
 * machine and small enough that a typo such as {@code 1000000000} is refused at once, before anything is
 * allocated or a loop starts; whether what remains fits in memory is {@link MemoryBudget}'s question.
 */
public final class Limits {
    /** Neurons of one cell ({@code units}, a wiring's units or its layers together): a dense cell holds n x n. */
    public static final int UNITS = 10_000;
    /** Synapses a wiring is asked to draw ({@code recurrent_command_synapses}). */
    public static final int SYNAPSES = 1_000_000;
    /** Features per step ({@code input_size}): a 512 x 512 RGB frame flattened still fits. */
    public static final int INPUT_SIZE = 1_000_000;
    /** CfC {@code backbone_layers}; ncps's default is 1. */
    public static final int BACKBONE_LAYERS = 100;
    /** CfC {@code backbone_units}; ncps's default is 128. */
    public static final int BACKBONE_UNITS = 100_000;
    /** Stacked layers of a baseline ({@code num_layers} of a torch LSTM, GRU or RNN); torch's default is 1. */
    public static final int RNN_LAYERS = 100;
    /** LTC {@code ode_unfolds}, solver steps per input step; ncps's default is 6. */
    public static final int ODE_UNFOLDS = 1_000;
    /** Channels, inputs or outputs of one head layer (conv {@code in}/{@code out}, linear sizes). */
    public static final int HEAD_WIDTH = 1_000_000;
    /** Height or width of a frame, a kernel, a stride or a padding. */
    public static final int IMAGE_SIDE = 16_384;
    /** Values in one frame or one feature map between head layers (C x H x W). */
    public static final long FRAME_VALUES = 1L << 27;
    /** Steps of one episode or rollout ({@code --steps}, {@code --episode-steps}). */
    public static final int STEPS = 1_000_000;
    /** Episodes of one run ({@code --episodes}, {@code --data-episodes}). */
    public static final int EPISODES = 10_000;
    /** Frames measured per model and condition ({@code report --frames}). */
    public static final int FRAMES = 100_000;
    /** Overlay figures per model and condition ({@code report --overlays}). */
    public static final int OVERLAYS = 1_000;
    /** Quantile bins of a decision ({@code tree --bins}). */
    public static final int BINS = 1_000;
    /**
     * Training rows one tree learns from ({@code tree --max-rows}); J48's time grows faster than its rows (a
     * million rows of 19 neurons did not finish in half an hour).
     */
    public static final int TREE_ROWS = 1_000_000;
    /** Cross-validation folds ({@code tree --folds}) and conflicting pairs reported ({@code --conflicts}). */
    public static final int FOLDS = 1_000;
    /** Earlier steps a saliency gradient reaches back to ({@code saliency --window}). */
    public static final int SALIENCY_WINDOW = 10_000;
    /** Integrated-gradients steps and SmoothGrad samples ({@code --method ig:steps=}, {@code smoothgrad:samples=}). */
    public static final int SALIENCY_SAMPLES = 10_000;
    /** Distractor channels of the vector sensor ({@code noise-channels:N}, {@code spurious:N}). */
    public static final int DISTRACTOR_CHANNELS = 1_000;
    /**
     * Bytes of the inputs a report reads from Hadoop URIs ({@code report --spark --models hdfs://...}), counted
     * before each is copied to the driver's temporary folder, and again by each executor that copies them.
     */
    public static final long STAGED_BYTES = 8L << 30;
    /** Bytes of the inputs sent with a Spark job ({@code report --spark --ship}), counted before any is sent. */
    public static final long SHIPPED_BYTES = 1L << 30;
    /** Training epochs ({@code train --epochs}). */
    public static final int EPOCHS = 1_000_000;
    /** Windows per update and steps per window ({@code train --batch}, {@code --window}). */
    public static final int BATCH = 100_000;

    /** Columns of a CSV header ({@code import-rollout}); a wide sensor log has thousands, not millions. */
    public static final int CSV_COLUMNS = 100_000;
    /** Characters of one CSV line: the widest header at {@link #CSV_COLUMNS} columns of 60-character names. */
    public static final int CSV_LINE_CHARS = 6_000_000;
    /** Bytes of a CSV file ({@code import-rollout}): 4 GiB of text is far more than a million steps of a log. */
    public static final long CSV_BYTES = 4L << 30;

    private Limits() {
    }

    /**
     * {@code value} when it is at most {@code limit}.
     *
     * @param what  the key or option, as the user wrote it (e.g. {@code "'units'"} or {@code "--bins"})
     * @param value the value given
     * @param limit the largest value accepted
     * @return {@code value}
     * @throws IllegalArgumentException "WHAT VALUE is over the limit of LIMIT" otherwise
     */
    public static long atMost(String what, long value, long limit) {
        if (value > limit) {
            throw new IllegalArgumentException(overLimit(what, value, limit));
        }
        return value;
    }

    /** {@link #atMost(String, long, long)} for ints. */
    public static int atMost(String what, int value, int limit) {
        return (int) atMost(what, (long) value, limit);
    }

    /** The one wording of a value over its limit. */
    public static String overLimit(String what, long value, long limit) {
        return what + " " + value + " is over the limit of " + limit + " (docs/FORMATS.md#limits)";
    }
}
