package io.liquidlens.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.grad.ParamSet;
import io.liquidlens.io.ModelManifest;
import io.liquidlens.io.NdArray;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.model.StateDictLayout;
import io.liquidlens.model.Tensor;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.wiring.AutoNcpSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints are complete model folders at every instant. */
class CheckpointsTest {
    @TempDir
    Path tmp;

    @Test
    void eachCheckpointReplacesTheLastAndLoadsAsAModel() throws Exception {
        ModelSpec spec = new ModelSpec(3, new UnitsSpec.Wired(new AutoNcpSpec(8, 1)), LtcSpec.defaults());
        Map<String, NdArray> sd = NcpsInit.initialStateDict(spec, 4);
        ParamSet.Builder b = ParamSet.builder();
        for (Tensor t : StateDictLayout.of(spec)) {
            b.add(t.name(), sd.get(t.name()), t.trainable());
        }
        ParamSet params = b.build();
        ModelManifest template = new ModelManifest("toy", spec, "unused.safetensors",
                ModelManifest.InputSpec.vector(List.of("a", "b", "c")), List.of("y"), null);
        var json = new ObjectMapper();

        Checkpoints.write(tmp, template, params, 1, json.createObjectNode().put("epoch", 1));
        params.values()[0] += 0.25;
        Checkpoints.write(tmp, template, params, 2, json.createObjectNode().put("epoch", 2));

        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("model.json", "model-e0002.safetensors");
        }
        LoadedModel loaded = LoadedModel.load(tmp);
        assertThat(loaded.manifest().provenance().get("epoch").asInt()).isEqualTo(2);
        assertThat(loaded.manifest().inputs().names()).containsExactly("a", "b", "c");
        assertThat(loaded.network().stateSize()).isEqualTo(8);
        assertThat(loaded.manifest().weights()).isEqualTo("model-e0002.safetensors");
        float gleak0 = io.liquidlens.io.Safetensors.read(tmp.resolve("model-e0002.safetensors")).get("rnn_cell.gleak")
                .toFloatArray()[0];
        assertThat(gleak0).isEqualTo((float) params.values()[0]);
    }
}
