package io.liquidlens.tree.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.LiquidLensException;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.model.NeuronNames;
import io.liquidlens.provenance.Provenance;
import io.liquidlens.tree.NeuronData;
import io.liquidlens.tree.NeuronExports;
import io.liquidlens.tree.NeuronLevel;
import io.liquidlens.tree.NeuronLevelResult;
import io.liquidlens.tree.NeuronTreeOptions;
import io.liquidlens.tree.TreeDataset;
import io.liquidlens.tree.TreeDatasets;
import io.liquidlens.tree.TreeExtraction;
import io.liquidlens.tree.TreeJson;
import io.liquidlens.tree.TreeOptions;
import io.liquidlens.tree.TreeProgress;
import io.liquidlens.tree.TreeResult;
import io.liquidlens.tree.weka.J48Learner;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Decision trees asked for by files, as the command line and the workbench ask for them: a model and the rollouts
 * to read, learned with Weka's J48, each result with a provenance of every file read (with its SHA-256) and every
 * option. A baseline has no command neurons, so its trees split on all its units unless neurons are named
 * ({@link io.liquidlens.tree.FeatureSet#forModel}), and the options they record say so.
 *
 * @param model    the model, as loaded (the workbench passes the one it shows, so the tree explains that model)
 * @param rollouts rollout files, or folders of them (every {@code .npz} under a folder, at any depth, in path order)
 */
public record TreeRequest(LoadedModel model, List<Path> rollouts) {

    /** Copies the list. */
    public TreeRequest {
        Objects.requireNonNull(model, "model");
        rollouts = List.copyOf(rollouts);
        if (rollouts.isEmpty()) {
            throw new IllegalArgumentException("a tree needs at least one rollout");
        }
    }

    /**
     * The policy level: one tree from the chosen neurons' activity to the decision, and how faithful it is on
     * held-out episodes and in cross-validation by episode.
     *
     * @param command what asks, for the provenance (e.g. {@code liquidlens tree})
     * @throws LiquidLensException naming the rollouts when they cannot give a tree (e.g. too few episodes)
     */
    public TreeResult policyLevel(TreeOptions asked, String command, TreeProgress progress) {
        TreeOptions options = asked.withFeatures(asked.features().forModel(NeuronNames.of(model.network())));
        List<Path> files = Rollouts.listRecursively(rollouts);
        TreeDataset data = TreeDatasets.build(model.network(), files, options.features(), options.label(), progress);
        Provenance provenance = provenance(command, files, TreeJson.options(new ObjectMapper(), options).toString());
        return learn(() -> new TreeExtraction(new J48Learner()).run(data, options, provenance, progress));
    }

    /**
     * The neuron level: one tree per neuron from the world columns to the classes of its response, and where two
     * neurons' rules conflict.
     *
     * @param command what asks, for the provenance (e.g. {@code liquidlens tree --level neuron})
     * @throws LiquidLensException naming the rollouts when they cannot give the trees (e.g. too few episodes)
     */
    public NeuronLevelResult neuronLevel(NeuronTreeOptions asked, String command, TreeProgress progress) {
        NeuronTreeOptions options = asked.withNeurons(asked.neurons().forModel(NeuronNames.of(model.network())));
        List<Path> files = Rollouts.listRecursively(rollouts);
        NeuronData data = NeuronData.read(model.network(), files, options, progress);
        Provenance provenance = provenance(command, files,
                NeuronExports.options(new ObjectMapper(), options).toString());
        return learn(() -> new NeuronLevel(new J48Learner()).run(data, options, provenance, progress));
    }

    private Provenance provenance(String command, List<Path> files, String options) {
        Provenance.Builder p = model.addTo(Provenance.of(command));
        files.forEach(f -> p.input("rollout", f));
        return p.option("options", options).build();
    }

    /** Runs the learning; data that cannot give a tree (e.g. one episode too short to split) name the rollouts. */
    private <T> T learn(Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            throw new LiquidLensException(String.join(", ", rollouts.stream().map(Path::toString).toList()) + ": "
                    + e.getMessage(), e);
        }
    }
}
