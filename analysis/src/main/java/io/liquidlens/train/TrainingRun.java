package io.liquidlens.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.LiquidLensException;
import io.liquidlens.grad.ParamSet;
import io.liquidlens.grad.ReverseModel;
import io.liquidlens.head.HeadInit;
import io.liquidlens.head.HeadSpec;
import io.liquidlens.io.AtomicFolders;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.ModelManifest;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.OutputFolders;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.model.ModelMemory;
import io.liquidlens.provenance.Provenance;
import io.liquidlens.spec.BaselineSpec;
import io.liquidlens.spec.CtrnnSpec;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code liquidlens train} as a service: a model (a {@code model.json} whose weights may not exist yet, a
 * trained model, or a checkpoint of an earlier run to resume), a data set of rollouts, and an output folder
 * that receives a complete model folder after every epoch.
 *
 * <p>Everything is checked in {@link #prepare} before the first update: the model, every rollout against
 * it, the output folder. {@link #execute} then trains; if the loss diverges, nothing more is written, so the
 * last checkpoint stays the last good one, and the error says which epoch that is.
 *
 * <p>Each checkpoint also holds {@code optimizer-eNNNN.safetensors} ({@link OptimizerState}): with it, a
 * resumed run continues bit for bit as a run that was never stopped. Without it (deleted, or weights edited
 * by hand) a resumed run starts from the checkpoint's weights with a fresh Adam.
 *
 * <p>A model with a perception head ({@code head} in model.json) trains on image rollouts (T, H, W, C) of
 * the head's input shape, head and cell together; its checkpoints keep the head and the image inputs in
 * model.json and hold the head's tensors, then the cell's, in the weights file.
 */
public final class TrainingRun {
    private static final String COMMAND = Checkpoints.COMMAND;
    /** Mixed into the run's seed for the head's initial weights ("head" in ASCII), so head and cell draw apart. */
    private static final long HEAD_SEED_SALT = 0x68656164L;

    private final Request request;
    private final ModelManifest manifest;
    private final Start start;
    private final int epochsBefore;
    private final List<Double> previousLosses;
    private final long previousUpdates;
    private final HeadSpec head;
    private final ReverseModel gradient;
    private final TrainingData data;
    private final List<TrainingWindows.Window> windows;
    private final Adam adam;
    private final boolean optimizerRestored;
    private final ObjectNode provenance;
    private final boolean outHoldsStart;

    /**
     * What to train.
     *
     * @param model   the model folder or its model.json; with {@code resume} it may be null (then {@code out})
     * @param data    rollout files and folders of rollouts
     * @param out     the folder checkpoints are written into
     * @param options how to train; {@code epochs} is the total a resumed run reaches, not the number added
     * @param resume  continue the checkpoint in {@code model} (or {@code out}) from the epoch it reached
     * @param keepEpochs also keep every epoch's model as a model folder of its own ({@link Checkpoints#keep})
     */
    public record Request(Path model, List<Path> data, Path out, TrainOptions options, boolean resume,
                          boolean keepEpochs) {
        /** A run that keeps only its last checkpoint. */
        public Request(Path model, List<Path> data, Path out, TrainOptions options, boolean resume) {
            this(model, data, out, options, resume, false);
        }

        public Request {
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(options, "options");
            data = List.copyOf(data);
            if (model == null && !resume) {
                throw new IllegalArgumentException("a model is needed unless resuming the checkpoint in the output folder");
            }
        }

        /** The folder or model.json the run starts from. */
        public Path source() {
            return model != null ? model : out;
        }
    }

    /** Where the initial parameters come from. */
    public enum Start {
        /** model.json names weights that do not exist yet: ncps's initialisation, drawn from the seed. */
        SEEDED_INIT,
        /** The weights model.json names (fine-tuning a trained model). */
        WEIGHTS,
        /** A checkpoint of an earlier run, continued from the epoch it reached. */
        RESUMED
    }

    /**
     * What a run did.
     *
     * @param folder      the output folder (its model.json is the last checkpoint)
     * @param epochsDone  epochs the model in {@code folder} has been trained, over all runs
     * @param epochLosses mean loss of every epoch over all runs, in order
     * @param updates     optimizer updates made by this run
     * @param cancelled   true when the listener stopped the run early
     */
    public record Outcome(Path folder, int epochsDone, List<Double> epochLosses, long updates, boolean cancelled) {
        public Outcome {
            epochLosses = List.copyOf(epochLosses);
        }

        /** The last epoch's mean loss (NaN when no epoch completed). */
        public double finalLoss() {
            return epochLosses.isEmpty() ? Double.NaN : epochLosses.get(epochLosses.size() - 1);
        }
    }

    private TrainingRun(Request request, ModelManifest manifest, Start start, int epochsBefore,
                        List<Double> previousLosses, long previousUpdates, HeadSpec head, ReverseModel gradient,
                        TrainingData data,
                        Adam adam, boolean optimizerRestored, ObjectNode provenance, boolean outHoldsStart) {
        this.request = request;
        this.manifest = manifest;
        this.start = start;
        this.epochsBefore = epochsBefore;
        this.previousLosses = List.copyOf(previousLosses);
        this.previousUpdates = previousUpdates;
        this.head = head;
        this.gradient = gradient;
        this.data = data;
        this.windows = TrainingWindows.of(data.episodeLengths(), request.options().windowLength());
        this.adam = adam;
        this.optimizerRestored = optimizerRestored;
        this.provenance = provenance;
        this.outHoldsStart = outHoldsStart;
    }

    /**
     * Reads and checks everything a run needs: the model and its starting weights, every rollout against the
     * model, and the output folder.
     *
     * @throws LiquidLensException one line naming the file at fault
     */
    public static TrainingRun prepare(Request request) {
        TrainOptions options = request.options();
        Path manifestFile = ModelFolder.manifestPath(request.source());
        ModelManifest manifest = ModelFolder.readManifest(manifestFile);
        Path folder = manifestFile.toAbsolutePath().getParent();
        Path weightsFile = ModelFolder.weightsFile(folder, manifest);
        boolean outHoldsStart = sameFolder(request.out(), folder);
        if (!outHoldsStart && Files.exists(request.out().resolve(ModelFolder.MANIFEST))) {
            throw new LiquidLensException(request.out(), "already holds a model (model.json); continue it with --resume "
                    + "or choose another output folder");
        }

        ModelSpec spec = manifest.spec();
        HeadSpec head = LoadedModel.headOf(manifest, manifestFile);
        ModelMemory.require(manifestFile, ModelMemory.trainingBytes(spec, head));
        Start start;
        Map<String, NdArray> weights;
        int epochsBefore = 0;
        List<Double> previousLosses = new ArrayList<>();
        long previousUpdates = 0;
        JsonNode training = manifest.provenance() == null ? null : manifest.provenance().get("training");
        if (request.resume()) {
            if (training == null || !training.path("epochs_done").canConvertToInt()) {
                throw new LiquidLensException(manifestFile, "is not a checkpoint of liquidlens train (no provenance."
                        + "training.epochs_done), so there is nothing to resume");
            }
            epochsBefore = training.get("epochs_done").asInt();
            training.path("epoch_losses").forEach(n -> previousLosses.add(n.asDouble()));
            previousUpdates = training.path("updates").asLong(0);
            if (epochsBefore >= options.epochs()) {
                throw new LiquidLensException(manifestFile, "has been trained " + epochsBefore + " epochs already; the"
                        + " number of epochs is the total to reach, so give more than " + epochsBefore);
            }
            weights = ModelFolder.readWeights(folder, manifest);
            start = Start.RESUMED;
        } else if (Files.exists(weightsFile)) {
            weights = ModelFolder.readWeights(folder, manifest);
            start = Start.WEIGHTS;
        } else {
            weights = initialWeights(spec, head, options.seed());
            start = Start.SEEDED_INIT;
        }
        ReverseModel gradient;
        try {
            gradient = ReverseModel.fromStateDict(spec, head, weights);
        } catch (IllegalArgumentException e) {
            throw new LiquidLensException(start == Start.SEEDED_INIT ? manifestFile : weightsFile, e.getMessage()
                    + " (model: " + manifestFile + ")", e);
        }
        if (!manifest.outputs().isEmpty() && manifest.outputs().size() != gradient.outputSize()) {
            throw new LiquidLensException(manifestFile, "outputs.names has " + manifest.outputs().size()
                    + " names but the network has " + gradient.outputSize() + " outputs");
        }

        List<Path> files = Rollouts.list(request.data());
        // the LTC's and the CT-RNN's solvers step by dt / unfolds
        boolean solver = spec.cell() instanceof LtcSpec || spec.cell() instanceof CtrnnSpec;
        TrainingData data = head != null ? TrainingData.readFrames(files, head.input(), gradient.outputSize(), solver)
                : TrainingData.read(files, spec.inputSize(), gradient.outputSize(), solver);

        Trainer trainer = new Trainer(options);
        Adam adam = trainer.newOptimizer(gradient.params());
        boolean restored = false;
        if (start == Start.RESUMED) {
            String stateName = training.path("optimizer_state").asText("");
            Path stateFile = folder.resolve(stateName);
            if (!stateName.isEmpty() && Files.isRegularFile(stateFile)) {
                restored = restore(OptimizerState.read(stateFile), gradient.params(), adam);
            }
        }

        Provenance.Builder p = Provenance.of(COMMAND).input("model", manifestFile);
        if (start != Start.SEEDED_INIT) {
            p.input("weights", weightsFile);
        }
        files.forEach(f -> p.input("data", f));
        p.option("epochs", options.epochs()).option("batch", options.batchSize()).option("window", options.windowLength())
                .option("lr", options.learningRate()).option("lr_final", options.finalLearningRate())
                .option("cell_lr_factor", options.cellRateFactor())
                .option("alpha", options.alpha()).option("clip", options.clipNorm())
                .option("seed", options.seed()).option("resume", request.resume());
        return new TrainingRun(request, manifest, start, epochsBefore, previousLosses, previousUpdates, head, gradient,
                data, adam, restored, p.build().toJson(), outHoldsStart);
    }

    /**
     * Fresh weights from the run's seed: the head's (torch's default distributions, {@link HeadInit}) drawn
     * from {@link #headSeed}, then the cell's as ncps initialises them ({@link NcpsInit}), or a baseline's as torch
     * does ({@link BaselineInit}), from the seed itself.
     */
    static Map<String, NdArray> initialWeights(ModelSpec spec, HeadSpec head, long seed) {
        Map<String, NdArray> weights = new LinkedHashMap<>();
        if (head != null) {
            weights.putAll(HeadInit.torchDefaults(head, headSeed(seed)));
        }
        weights.putAll(spec.cell() instanceof BaselineSpec ? BaselineInit.initialStateDict(spec, seed)
                : NcpsInit.initialStateDict(spec, seed));
        return weights;
    }

    /** The seed of a fresh head's weights: the run's seed XOR "head" in ASCII (0x68656164). */
    public static long headSeed(long seed) {
        return seed ^ HEAD_SEED_SALT;
    }

    /**
     * Continues from a saved optimizer state when it belongs to these weights (its values round to them);
     * otherwise leaves the fresh optimizer, and the weights, as they are.
     */
    private static boolean restore(OptimizerState state, ParamSet params, Adam adam) {
        double[] values = params.values();
        if (state.values().length != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if ((float) state.values()[i] != (float) values[i]) {
                return false;
            }
        }
        adam.restore(state.adam());
        System.arraycopy(state.values(), 0, values, 0, values.length);
        return true;
    }

    /** Whether the output folder is a checkpoint folder of this command (marked, or from before the marker). */
    private boolean ownsOutput() {
        Path out = request.out();
        if (!Files.isDirectory(out)) {
            return false;
        }
        return OutputFolders.read(out).map(m -> m.command().equals(COMMAND)).orElse(false)
                || Checkpoints.isLegacyCheckpointFolder(out);
    }

    private static boolean sameFolder(Path out, Path folder) {
        Path a = out.toAbsolutePath().normalize();
        Path b = folder.toAbsolutePath().normalize();
        if (a.equals(b)) {
            return true;
        }
        try {
            return Files.exists(a) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Trains, writing a checkpoint into the output folder after every epoch.
     *
     * @throws LiquidLensException naming the output folder when the loss diverges (which checkpoint is intact)
     */
    public Outcome execute(TrainListener listener) {
        TrainOptions options = request.options();
        Path out = request.out();
        if (ownsOutput()) {
            Checkpoints.removeOrphans(out);
        }
        if (request.keepEpochs()) {
            Checkpoints.requireKeepable(out, epochsBefore + 1, options.epochs());
        }
        ModelSpec spec = manifest.spec();
        RolloutObjective objective = new RolloutObjective(gradient, data, new CurveWeightedLoss(options.alpha()));
        Consumer<double[]> constraint = Constraints.forModel(spec, gradient.params());
        List<Double> losses = new ArrayList<>(previousLosses);
        long[] updatesBefore = {previousUpdates};
        long perEpoch = updatesPerEpoch();
        int[] lastSaved = {0};
        TrainResult result;
        try {
            result = new Trainer(options).train(gradient.params(), objective, windows, constraint, listener,
                    (epoch, meanLoss) -> {
                        losses.add(meanLoss);
                        updatesBefore[0] += perEpoch;
                        checkpoint(epoch, losses, updatesBefore[0]);
                        lastSaved[0] = epoch;
                    }, epochsBefore, adam, previousLosses.stream().mapToDouble(Double::doubleValue).min()
                            .orElse(Double.NaN));
        } catch (TrainingDivergedException e) {
            int good = e.epoch() - 1;
            boolean intact = good > epochsBefore || (good > 0 && outHoldsStart);
            String what = "training diverged in epoch " + e.epoch() + " (" + e.reason() + "); ";
            String kept = intact ? "the checkpoint of epoch " + good + " in this folder is intact"
                    : good > 0 ? "nothing was written; the checkpoint of epoch " + good + " is in " + request.source()
                    : "no checkpoint was written";
            throw new LiquidLensException(out, what + kept + ". Try a smaller learning rate (was "
                    + options.learningRate() + ") or clip norm (was " + options.clipNorm() + ")", e);
        }
        int done = lastSaved[0] == 0 ? epochsBefore : lastSaved[0];
        return new Outcome(out, done, losses, result.updates(), result.cancelled());
    }

    /**
     * Writes the checkpoint of {@code epoch}. The first one into a new or empty folder is written whole into a
     * temporary folder and moved into place, so the folder either holds a complete model or does not exist; into a
     * folder that already holds something (a preset's data, an earlier checkpoint) model.json is written last, and
     * weights it does not name are removed by the next run ({@link Checkpoints#removeOrphans}).
     */
    private void checkpoint(int epoch, List<Double> losses, long updates) {
        Path out = request.out();
        if (OutputFolders.isMissingOrEmpty(out)) {
            AtomicFolders.create(out, COMMAND, dir -> writeCheckpoint(dir, epoch, losses, updates));
            return;
        }
        if (OutputFolders.read(out).isEmpty()) {
            OutputFolders.mark(out, COMMAND, null);
        }
        writeCheckpoint(out, epoch, losses, updates);
    }

    private void writeCheckpoint(Path out, int epoch, List<Double> losses, long updates) {
        ParamSet params = gradient.params();
        // the optimizer state first: model.json, replaced last, only ever names a complete pair
        String state = new OptimizerState(params.values(), adam.state()).write(out, epoch);
        JsonNode made = provenance(epoch, losses, updates, state);
        Checkpoints.write(out, manifest, params, epoch, made);
        OptimizerState.removeAllBut(out, state);
        if (request.keepEpochs()) {
            Checkpoints.keep(out, manifest, params, epoch, made);
        }
    }

    private JsonNode provenance(int epoch, List<Double> losses, long updates, String stateFile) {
        TrainOptions o = request.options();
        ObjectNode root = provenance.deepCopy();
        ObjectNode t = root.putObject("training");
        t.put("epochs_done", epoch);
        ArrayNode l = t.putArray("epoch_losses");
        losses.forEach(l::add);
        t.put("final_loss", losses.get(losses.size() - 1));
        t.put("updates", updates);
        t.put("start", start.name().toLowerCase(Locale.ROOT));
        if (start == Start.RESUMED) {
            t.put("resumed_from_epoch", epochsBefore);
            t.put("optimizer_restored", optimizerRestored);
        }
        t.put("seed", o.seed());
        if (head != null && start == Start.SEEDED_INIT) {
            t.put("head_seed", headSeed(o.seed()));
        }
        t.put("objective", "curve-weighted squared error, mean over (step, output); windows from a zero state");
        t.put("alpha", o.alpha());
        t.put("optimizer", "adam(betas=0.9,0.999, eps=1e-8)");
        t.put("learning_rate", o.learningRate());
        t.put("final_learning_rate", o.finalLearningRate());
        t.put("schedule", o.finalLearningRate() == o.learningRate() ? "constant"
                : "half cosine from learning_rate to final_learning_rate over the epochs");
        t.put("cell_learning_rate_factor", o.cellRateFactor());
        t.put("clip_norm", o.clipNorm());
        t.put("batch_size", o.batchSize());
        t.put("window_length", o.windowLength());
        t.put("windows", windows.size());
        t.put("steps", data.totalSteps());
        t.put("optimizer_state", stateFile);
        return root;
    }

    /**
     * Adds a top-level entry to the provenance every checkpoint of this run writes (for example the preset
     * and data recipe a run was made from); the run's own keys ({@code training}, ...) cannot be replaced.
     *
     * @return this run
     */
    public TrainingRun annotate(String key, JsonNode value) {
        if (provenance.has(key) || "training".equals(key)) {
            throw new IllegalArgumentException("provenance key '" + key + "' is written by the training run itself");
        }
        provenance.set(key, value.deepCopy());
        return this;
    }

    /** Where the initial parameters come from. */
    public Start start() {
        return start;
    }

    /** Epochs completed before this run (0 unless resuming). */
    public int epochsBefore() {
        return epochsBefore;
    }

    /** True when a resumed run continues Adam's moments exactly (else Adam restarts from the weights). */
    public boolean optimizerRestored() {
        return optimizerRestored;
    }

    /** The data set, checked. */
    public TrainingData data() {
        return data;
    }

    /** Number of training windows per epoch. */
    public int windowCount() {
        return windows.size();
    }

    /** Optimizer updates per epoch. */
    public long updatesPerEpoch() {
        return (windows.size() + request.options().batchSize() - 1) / request.options().batchSize();
    }

    /** The model's perception head, or null when it takes feature vectors. */
    public HeadSpec head() {
        return head;
    }

    /** The model's spec. */
    public ModelSpec spec() {
        return manifest.spec();
    }

    /** The parameters being trained (live: they change during {@link #execute}). */
    public ParamSet params() {
        return gradient.params();
    }
}
