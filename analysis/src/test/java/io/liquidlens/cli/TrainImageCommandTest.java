package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.head.HeadSpec;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.testing.BarTask;
import io.liquidlens.testing.ToyTask;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code liquidlens train} on image rollouts for a camera model (conv head -> NCP): the checkpoint it writes
 * is a model folder that {@code simulate} runs on frames (B, L, H, W, C) and {@code info} sizes with its head;
 * frames of the wrong shape stop it with one line naming the file.
 */
class TrainImageCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private Path model;
    private Path data;
    private Path out;

    @BeforeEach
    void files() throws Exception {
        model = BarTask.writeModelJson(tmp.resolve("bar"), "LTC", 6);
        data = ToyTask.writeRollouts(tmp.resolve("data"), BarTask.driftingBar(8, 16, 2));
        out = tmp.resolve("out");
    }

    private CliRunner train(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--model", model.toString(), "--data",
                data.toString(), "--out", out.toString(), "--batch", "4", "--lr", "0.01"));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void trainsOnFramesAndLeavesACheckpointThatSimulatesFramesAndReportsItsHead() throws Exception {
        CliRunner run = train("--epochs", "2", "--seed", "5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("seed 5; head: torch-default ranges, seed " + (5 ^ 0x68656164L))
                .contains("8 rollouts");
        assertThat(run.out()).startsWith("trained 2 epochs: loss ");

        Path x = tmp.resolve("frames.npy");
        float[] frames = new float[2 * 5 * 6 * 8];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = (i % 8) == 3 ? 1f : 0f;
        }
        Npy.write(x, NdArray.ofFloats(new int[] {2, 5, 6, 8, 1}, frames));
        CliRunner sim = CliRunner.run("simulate", "--model", out.toString(), "--input", x.toString(), "--out",
                tmp.resolve("r.npz").toString());
        assertThat(sim.exitCode()).as(sim.err()).isZero();
        NdArray outputs = Npz.read(tmp.resolve("r.npz")).get("outputs");
        assertThat(outputs.shape()).containsExactly(2, 5, 1);
        assertThat(outputs.allFinite()).isTrue();

        CliRunner info = CliRunner.run("info", "--model", out.toString(), "--json");
        assertThat(info.exitCode()).as(info.err()).isZero();
        JsonNode table = JSON.readTree(info.out()).get("size_table");
        long headParameters = HeadSpec.fromJson(JSON.readTree(BarTask.HEAD_JSON)).parameterCount();
        assertThat(table.get("head_parameters").asLong()).isEqualTo(headParameters).isEqualTo(4 * 9 + 4 + 48 * 4 + 4);
    }

    @Test
    void framesOfTheWrongShapeStopTheRunWithOneLineNamingTheFile() {
        Path bad = data.resolve("ep005.npz");
        Rollouts.write(bad, new Rollout(NdArray.ofFloats(new int[] {16, 6, 8, 3}, new float[16 * 144]), null,
                NdArray.ofFloats(new int[] {16, 1}, new float[16]), null, null, List.of(), null, null, Map.of()));
        CliRunner run = train();
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        List<String> errors = run.err().lines().filter(l -> l.startsWith("liquidlens train:")).toList();
        assertThat(errors).as(run.err()).singleElement().asString().contains(bad.toString())
                .contains("frames (16, 6, 8, 3)").contains("(T, 6, 8, 1)").doesNotContain("Exception");
        assertThat(run.err()).doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }
}
