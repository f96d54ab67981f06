package io.liquidlens.dynamics.service;

import io.liquidlens.BadOptionException;
import io.liquidlens.LiquidLensException;
import io.liquidlens.MemoryBudget;
import io.liquidlens.dynamics.Dynamics;
import io.liquidlens.dynamics.DynamicsOptions;
import io.liquidlens.dynamics.DynamicsResult;
import io.liquidlens.dynamics.LabelledRollout;
import io.liquidlens.dynamics.Pca;
import io.liquidlens.io.OutputClaim;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.NeuronNames;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.provenance.Provenance;
import io.liquidlens.wiring.NeuronRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The dynamics of models over rollouts, asked for by files as the command line asks: the models' folders and the
 * rollouts (files, or folders read whole at any depth), measured with {@link Dynamics#analyse}, with a provenance
 * of every file read and every option.
 *
 * @param models    model folders (or their model.json), compared in this order
 * @param rollouts  rollout files or folders of them, the same for every model
 * @param options   how the dynamics are measured
 * @param mapColour what colours the map of the drive
 * @param groupOf   per model, the group of seeds it belongs to (empty: none); an empty list when there are no groups
 */
public record DynamicsRequest(List<Path> models, List<Path> rollouts, DynamicsOptions options, MapColour mapColour,
                              List<String> groupOf) {
    /** The parts of a rollout file the dynamics read (frames and vectors always; never the label maps). */
    private static final Set<String> PARTS = Set.of("timespans", "world", "states");

    public DynamicsRequest {
        models = List.copyOf(models);
        rollouts = List.copyOf(rollouts);
        if (models.isEmpty() || rollouts.isEmpty()) {
            throw new IllegalArgumentException("the dynamics need a model and at least one rollout");
        }
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(mapColour, "mapColour");
        groupOf = List.copyOf(groupOf);
        if (!groupOf.isEmpty() && groupOf.size() != models.size()) {
            throw new IllegalArgumentException("groupOf names " + groupOf.size() + " groups for " + models.size()
                    + " models");
        }
    }

    /** Models in no group. */
    public DynamicsRequest(List<Path> models, List<Path> rollouts, DynamicsOptions options, MapColour mapColour) {
        this(models, rollouts, options, mapColour, List.of());
    }

    /**
     * Claims {@code out} for {@code command} before anything is computed: it must not be, hold or sit inside a
     * model or a rollout, and may replace only a folder LiquidLens wrote.
     */
    public OutputClaim claim(String command, Path out) {
        OutputClaim.Builder claim = OutputClaim.by(command);
        models.forEach(claim::model);
        return claim.inputs("rollouts", rollouts).folder(out).claim();
    }

    /**
     * Reads the rollouts once, loads every model, and measures each model's dynamics over them.
     *
     * @param command what asks, for the provenance (e.g. {@code liquidlens dynamics})
     * @throws LiquidLensException  one line naming the file: a rollout that cannot be read or does not fit a model,
     *                              fewer than 2 steps in all, too little memory
     * @throws BadOptionException when {@code --map-neuron} names a neuron a model does not have
     */
    public DynamicsRun run(String command, DynamicsProgress progress) {
        List<RolloutFiles.Named> files = RolloutFiles.of(rollouts);
        List<LabelledRollout> read = new ArrayList<>();
        long steps = 0;
        long inputBytes = 0;
        for (RolloutFiles.Named f : files) {
            Rollout r = Rollouts.read(f.file(), PARTS);
            read.add(new LabelledRollout(f.label(), r));
            steps += r.steps();
            // every rollout (its inputs and recorded states) stays in memory for every model: stop at the one that no
            // longer fits, not after all
            long values = MemoryBudget.sum(r.inputs().size(), r.states() == null ? 0 : r.states().size());
            inputBytes = MemoryBudget.sum(inputBytes, MemoryBudget.product(values, 4));
            MemoryBudget.require(f.file() + ": the rollouts up to this one", inputBytes);
        }
        if (steps < 2) {
            throw new LiquidLensException(String.join(", ", rollouts.stream().map(Path::toString).toList())
                    + ": the rollouts hold " + steps + " step(s) in all; the dynamics need at least 2 (PCA needs two)");
        }
        List<LoadedModel> loaded = models.stream().map(LoadedModel::load).toList();
        List<String> labels = labels(loaded, groupOf);
        int[] mapNeurons = new int[loaded.size()];
        long bytes = inputBytes;
        for (int i = 0; i < loaded.size(); i++) {
            LiquidModel m = loaded.get(i).network();
            mapNeurons[i] = mapNeuron(m, labels.get(i));
            // each step keeps the cell's inputs, two values per neuron, the outputs and two PCA coordinates
            bytes = MemoryBudget.sum(bytes, MemoryBudget.product(steps, 4L * (m.inputSize() + 2L * m.stateSize()
                    + m.outputSize() + 2)));
        }
        MemoryBudget.require("the dynamics of " + loaded.size() + " model(s) over " + steps + " steps", bytes);
        List<ModelDynamics> out = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            LoadedModel m = loaded.get(i);
            progress.model(i, loaded.size(), labels.get(i));
            DynamicsResult result;
            try {
                result = Dynamics.analyse(m.network(), labels.get(i), read, options, progress);
            } catch (IllegalArgumentException e) {
                throw new LiquidLensException(models.get(i), e.getMessage(), e);
            }
            out.add(new ModelDynamics(result, motorIncluded(m.network(), result.pca()), mapNeurons[i],
                    groupOf.isEmpty() ? "" : groupOf.get(i), mapColour.tau()));
        }
        return new DynamicsRun(out, mapColour, provenance(command, loaded, files));
    }

    /**
     * Each model's name: its folder's name, after its group's name and a {@code /} for a member of a group (as the
     * report names them), or the folder as given when two models would share a name.
     */
    private static List<String> labels(List<LoadedModel> loaded, List<String> groupOf) {
        Map<String, Integer> count = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            String folder = String.valueOf(loaded.get(i).folder().toAbsolutePath().normalize().getFileName());
            String group = groupOf.isEmpty() ? "" : groupOf.get(i);
            names.add(group.isEmpty() ? folder : group + "/" + folder);
        }
        names.forEach(n -> count.merge(n, 1, Integer::sum));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(count.get(names.get(i)) == 1 ? names.get(i) : Provenance.displayPath(loaded.get(i).folder()));
        }
        return out;
    }

    /** The wiring id of the neuron that colours the map, or -1 for PC1. */
    private int mapNeuron(LiquidModel model, String label) {
        if (mapColour.isPc1()) {
            return -1;
        }
        NeuronNames names = NeuronNames.of(model);
        List<String> known = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.name(i);
            String tag = names.label(i);
            if (name.equalsIgnoreCase(mapColour.neuron()) || tag.equalsIgnoreCase(mapColour.neuron())) {
                return i;
            }
            known.add(tag);
        }
        throw new BadOptionException("--map-neuron " + mapColour.neuron() + ": model " + label + " has no such neuron"
                + " (give pc1, a label such as " + known.get(0) + " or a name such as '" + names.name(0)
                + "'; its neurons: " + String.join(", ", known) + ")");
    }

    /** Each neuron's role by wiring id. */
    private static NeuronRole[] roles(LiquidModel model) {
        int[] ids = model.stateNeuronIds();
        NeuronRole[] roles = new NeuronRole[ids.length];
        for (int p = 0; p < ids.length; p++) {
            roles[ids[p]] = model.stateRole(p);
        }
        return roles;
    }

    /** A motor neuron among PCA's columns (a model without a wiring has none: its readout is a projection). */
    private static boolean motorIncluded(LiquidModel model, Pca pca) {
        if (model.wiring().isEmpty()) {
            return false;
        }
        NeuronRole[] roles = roles(model);
        for (int id : pca.neurons()) {
            if (roles[id] == NeuronRole.MOTOR) {
                return true;
            }
        }
        return false;
    }

    private Provenance provenance(String command, List<LoadedModel> loaded, List<RolloutFiles.Named> files) {
        Provenance.Builder p = Provenance.of(command);
        loaded.forEach(m -> m.addTo(p));
        files.forEach(f -> p.input("rollout", f.file()));
        return p.option("include_motor", options.includeMotor()).option("noise", options.noise())
                .option("noise_trials", options.noiseTrials()).option("seed", options.seed())
                .option("map_neuron", mapColour.toString()).build();
    }
}
