package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.head.HeadInit;
import io.liquidlens.head.HeadSpec;
import io.liquidlens.head.PerceptionHead;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import io.liquidlens.io.Safetensors;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.sim.SimulationInput;
import io.liquidlens.sim.Simulator;
import io.liquidlens.spec.NcpsConfig;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.train.NcpsInit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model with a perception head: frames go through the head and its features into the cell. Checked by
 * composition: the whole model equals the head (tested against direct convolutions) followed by the cell
 * alone (tested against ncps).
 */
class HeadModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void simulateRunsFramesThroughTheHeadIntoTheCell() throws Exception {
        ObjectNode head = (ObjectNode) JSON.readTree("""
                {"input_shape": [8, 12, 3], "layers": [
                  {"type": "conv2d", "in": 3, "out": 4, "kernel": 3, "stride": 2, "padding": 1},
                  {"type": "relu"},
                  {"type": "flatten"},
                  {"type": "linear", "in": 96, "out": 5}]}""");
        ObjectNode ncps = (ObjectNode) JSON.readTree("""
                {"class": "LTC", "input_size": 5, "units": {"class": "AutoNCP", "units": 8, "output_size": 1}}""");
        HeadSpec headSpec = HeadSpec.fromJson(head);
        ModelSpec spec = NcpsConfig.parse(ncps);
        Map<String, NdArray> cellWeights = NcpsInit.initialStateDict(spec, 11);
        Map<String, NdArray> all = new LinkedHashMap<>(HeadInit.torchDefaults(headSpec, 12));
        all.putAll(cellWeights);
        Path model = tmp.resolve("model");
        Files.createDirectories(model);
        Safetensors.write(model.resolve("model.safetensors"), all);
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("name", "tiny camera NCP");
        manifest.set("ncps", ncps);
        manifest.put("weights", "model.safetensors");
        manifest.set("head", head);
        manifest.set("inputs", JSON.readTree("{\"kind\": \"image\", \"shape\": [8, 12, 3]}"));
        Files.writeString(model.resolve("model.json"), JSON.writeValueAsString(manifest));

        int b = 2;
        int l = 5;
        float[] frames = new float[b * l * 8 * 12 * 3];
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < frames.length; i++) {
            frames[i] = (float) rng.nextDouble();
        }
        Path x = tmp.resolve("frames.npy");
        Npy.write(x, NdArray.ofFloats(new int[] {b, l, 8, 12, 3}, frames));
        CliRunner run = CliRunner.run("simulate", "--model", model.toString(), "--input", x.toString(), "--out",
                tmp.resolve("r.npz").toString());
        assertThat(run.err()).isEmpty();
        float[] outputs = Npz.read(tmp.resolve("r.npz")).get("outputs").toFloatArray();

        PerceptionHead perception = PerceptionHead.fromStateDict(headSpec, all);
        PerceptionHead.Workspace ws = perception.newWorkspace();
        float[] features = new float[b * l * 5];
        for (int i = 0; i < b * l; i++) {
            perception.forward(frames, i * 8 * 12 * 3, ws, features, i * 5);
        }
        LiquidModel cellOnly = LiquidModel.fromStateDict(spec, cellWeights);
        float[] expected = new Simulator(cellOnly).run(SimulationInput.of(NdArray.ofFloats(new int[] {b, l, 5},
                features))).stepOutputs().toFloatArray();
        assertThat(outputs).containsExactly(expected);

        CliRunner info = CliRunner.run("info", "--model", model.toString(), "--json");
        assertThat(JSON.readTree(info.out()).get("size_table").get("head_parameters").asLong())
                .isEqualTo(headSpec.parameterCount()).isEqualTo(4 * 3 * 9 + 4 + 96 * 5 + 5);

        // grad: per-pixel gradients of the frames, as the library's frame reverse mode gives them
        Path g = tmp.resolve("g.npy");
        float[] ones = new float[b * l];
        java.util.Arrays.fill(ones, 1f);
        Npy.write(g, NdArray.ofFloats(new int[] {b, l, 1}, ones));
        CliRunner grad = CliRunner.run("grad", "--model", model.toString(), "--input", x.toString(), "--output-weights",
                g.toString(), "--out", tmp.resolve("g.npz").toString());
        assertThat(grad.err()).isEmpty();
        NdArray inputGrad = Npz.read(tmp.resolve("g.npz")).get("input_grad");
        assertThat(inputGrad.shape()).containsExactly(b, l, 8, 12, 3);
        var reverse = io.liquidlens.grad.FrameSequenceGradient.fromStateDict(spec, headSpec, all);
        float[] expectedGrad = reverse.inputGradients(NdArray.ofFloats(new int[] {b, l, 8, 12, 3}, frames), null, null,
                NdArray.ofFloats(new int[] {b, l, 1}, ones)).inputGrad().toFloatArray();
        assertThat(inputGrad.toFloatArray()).containsExactly(expectedGrad);
        assertThat(inputGrad.allFinite()).isTrue();

        Npy.write(x, NdArray.ofFloats(new int[] {b, l, 12, 8, 3}, frames));
        CliRunner wrongFrames = CliRunner.run("simulate", "--model", model.toString(), "--input", x.toString(), "--out",
                tmp.resolve("bad.npz").toString());
        assertThat(wrongFrames.exitCode()).isEqualTo(1);
        assertThat(wrongFrames.err()).contains("frames.npy");
        assertThat(tmp.resolve("bad.npz")).doesNotExist();
    }
}
