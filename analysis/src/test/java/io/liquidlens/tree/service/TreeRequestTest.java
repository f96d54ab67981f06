package io.liquidlens.tree.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.LiquidLensException;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.provenance.Provenance;
import io.liquidlens.tree.NeuronLevelResult;
import io.liquidlens.tree.NeuronTreeOptions;
import io.liquidlens.tree.TreeArtifact;
import io.liquidlens.tree.TreeOptions;
import io.liquidlens.tree.TreeProgress;
import io.liquidlens.tree.TreeResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one way to a tree, on the vector sample model and its recorded clean episodes. */
class TreeRequestTest {
    private static final LoadedModel MODEL = LoadedModel.load(sample("sample-models/vector-lanekeeping"));
    private static final Path CLEAN = sample("sample-traces/vector-lanekeeping/clean");

    static Path sample(String what) {
        for (Path root : new Path[] {Path.of(".."), Path.of(".")}) {
            if (Files.isDirectory(root.resolve(what))) {
                return root.resolve(what);
            }
        }
        throw new IllegalStateException(what + " not found");
    }

    @Test
    void thePolicyTreesProvenanceNamesTheCommandTheModelEveryRolloutAndTheOptions() {
        TreeResult r = new TreeRequest(MODEL, List.of(CLEAN)).policyLevel(TreeOptions.defaults(), "asked by a test",
                TreeProgress.NONE);

        Provenance p = r.provenance();
        assertThat(p.command()).isEqualTo("asked by a test");
        assertThat(p.inputs()).extracting(Provenance.InputFile::role)
                .containsExactly("model", "weights", "rollout", "rollout");
        assertThat(p.inputs().get(3).path()).endsWith("episode-0001.npz");
        assertThat(p.options().get("options")).contains("\"min_leaf\"");
        assertThat(r.tree().leaves()).isPositive();
        assertThat(r.data().episodeInfo()).hasSize(2);
    }

    @Test
    void theNeuronTreesExplainEveryNonSensoryNeuronOfTheModel() {
        NeuronLevelResult r = new TreeRequest(MODEL, List.of(CLEAN)).neuronLevel(NeuronTreeOptions.defaults(),
                "asked by a test", TreeProgress.NONE);

        assertThat(r.neurons()).hasSize(9);
        assertThat(r.provenance().command()).isEqualTo("asked by a test");
        assertThat(r.provenance().inputs()).hasSize(2 + 2);
    }

    @Test
    void rolloutsTooShortForATreeAreNamedInTheOneLineError(@TempDir Path dir) {
        Path file = dir.resolve("short.npz");
        Rollouts.write(file, new Rollout(NdArray.ofFloats(new int[] {1, 6}, new float[6]), null, null,
                NdArray.ofFloats(new int[] {1, 9}, new float[9]), null, List.of(), null, null, Map.of()));

        assertThatThrownBy(() -> new TreeRequest(MODEL, List.of(file)).policyLevel(TreeOptions.defaults(), "test",
                TreeProgress.NONE))
                .isInstanceOf(LiquidLensException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aRequestNeedsARollout() {
        assertThatThrownBy(() -> new TreeRequest(MODEL, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rollout");
    }

    @Test
    void thePolicyFolderHoldsTheCommandsFilesInOrder() {
        assertThat(TreeExports.policyFiles(false, "r")).extracting(TreeArtifact::fileName)
                .containsExactly("tree.dot", "rules.txt", "tree.json", "tree.pdf", "data.arff");
        assertThat(TreeExports.policyFiles(true, "r")).extracting(TreeArtifact::fileName)
                .containsExactly("tree.dot", "rules.txt", "tree.json", "sweep.csv", "tree.pdf", "sweep.svg",
                        "data.arff");
    }

    @Test
    void theArffRelationNamesTheCommandAndTheModel(@TempDir Path dir) throws Exception {
        TreeResult r = new TreeRequest(MODEL, List.of(CLEAN)).policyLevel(TreeOptions.defaults(), "test",
                TreeProgress.NONE);
        Path out = dir.resolve("out");

        TreeExports.writePolicyFolder(out, "liquidlens tree", r, MODEL.manifest().name());

        assertThat(Files.readString(out.resolve("data.arff")))
                .startsWith("@relation 'liquidlens tree: " + MODEL.manifest().name() + "'");
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")))
                    .containsExactlyInAnyOrder("tree.dot", "rules.txt", "tree.json", "tree.pdf", "data.arff");
        }
    }
}
