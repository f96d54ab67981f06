package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import io.liquidlens.io.Safetensors;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.testing.ToyTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate} on weights that diverged says so instead of writing NaN with exit code 0. */
class NonFiniteResultTest {
    @TempDir
    Path tmp;

    private static NdArray filled(NdArray like, float value) {
        float[] v = new float[like.size()];
        Arrays.fill(v, value);
        return NdArray.ofFloats(like.shape(), v);
    }

    @Test
    void nanOutputsAreAnErrorUnlessAllowedAndThenAWarning() throws Exception {
        Path data = ToyTask.writeRollouts(tmp.resolve("data"), ToyTask.filteredSquareWave(4, 16, 3, 5));
        Path toy = ToyTask.writeModelJson(tmp.resolve("toy"), "LTC", 3, null);
        Path model = tmp.resolve("model");
        assertThat(CliRunner.run("train", "--model", toy.toString(), "--data", data.toString(), "--out",
                model.toString(), "--epochs", "1", "--batch", "4", "--lr", "0.01").exitCode()).isZero();
        // finite weights that overflow: every reversal potential far positive drives the states up, and an output
        // mapping of the largest float then overflows to infinity
        Path weights = LoadedModel.load(model).weightsFile();
        Map<String, NdArray> tensors = new LinkedHashMap<>(Safetensors.read(weights));
        for (String name : List.of("rnn_cell.vleak", "rnn_cell.erev", "rnn_cell.sensory_erev")) {
            tensors.put(name, filled(tensors.get(name), 100f));
        }
        tensors.put("rnn_cell.output_w", filled(tensors.get("rnn_cell.output_w"), Float.MAX_VALUE));
        tensors.put("rnn_cell.output_b", filled(tensors.get("rnn_cell.output_b"), Float.MAX_VALUE));
        Safetensors.write(weights, tensors);
        Path x = tmp.resolve("x.npy");
        Npy.write(x, NdArray.ofFloats(new int[] {1, 4, 3}, new float[12]));
        Path out = tmp.resolve("result.npz");

        CliRunner refused = CliRunner.run("simulate", "--model", model.toString(), "--input", x.toString(), "--out",
                out.toString());
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(1);
        List<String> lines = refused.err().strip().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains(x.toString()).contains("NaN or infinite").contains("nothing was written")
                .contains("--allow-nonfinite").contains(weights.getFileName().toString());
        assertThat(out).doesNotExist();

        CliRunner allowed = CliRunner.run("simulate", "--model", model.toString(), "--input", x.toString(), "--out",
                out.toString(), "--allow-nonfinite");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(allowed.err()).contains("warning").contains("NaN or infinite");
        assertThat(Npz.read(out).get("outputs").allFinite()).isFalse();
    }
}
