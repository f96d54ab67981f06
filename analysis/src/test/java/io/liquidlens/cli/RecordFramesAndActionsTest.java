package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.io.DType;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npz;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.lanekeeping.Episode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record --frames uint8} (8-bit camera frames, a quarter of the size, exactly what the model saw) and
 * {@code record --actions expert} (DAgger labels: the expert's action at each state the model reached).
 */
class RecordFramesAndActionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int K = Episode.WORLD_NAMES.size();
    private static final int EXPERT_COLUMN = Episode.WORLD_NAMES.indexOf("expert_action");

    @TempDir
    Path tmp;

    private static Path sample(String name) {
        for (Path root : new Path[] {Path.of(".."), Path.of(".")}) {
            Path p = root.resolve("sample-models/" + name);
            if (Files.isRegularFile(p.resolve("model.json"))) {
                return p;
            }
        }
        throw new IllegalStateException("sample-models/" + name + " not found from " + Path.of("").toAbsolutePath());
    }

    /** Runs record into {@code tmp/name} and returns the first episode's file; fails the test on a non-zero exit. */
    private Path record(String name, String... extra) {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("record", "--out", out.toString(), "--episodes", "1"));
        args.addAll(List.of(extra));
        CliRunner run = CliRunner.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out.resolve("episode-0000.npz");
    }

    private static JsonNode provenance(Rollout r) throws Exception {
        return JSON.readTree(r.extras().get("provenance").toStringArray()[0]);
    }

    @Test
    void uint8FramesAreTheFloatFramesClippedAndRoundedToKOver255InUnderHalfTheFile() throws Exception {
        String[] world = {"--steps", "40", "--seed", "5", "--sensor", "camera", "--noise", "0.01", "--distractors",
                "objects,shadows"};
        Path floats = record("float", world);
        Path bytes = record("uint8", Stream.concat(Stream.of(world), Stream.of("--frames", "uint8"))
                .toArray(String[]::new));

        NdArray stored = Npz.read(bytes).get("inputs");
        assertThat(stored.dtype()).isEqualTo(DType.UINT8);
        assertThat(stored.shape()).containsExactly(40, 32, 96, 3);
        assertThat(Npz.read(floats).get("inputs").dtype()).isEqualTo(DType.FLOAT32);

        Rollout f = Rollouts.read(floats);
        Rollout b = Rollouts.read(bytes);
        assertThat(b.inputs().dtype()).isEqualTo(DType.FLOAT32);
        float[] exact = f.inputs().toFloatArray();
        float[] read = b.inputs().toFloatArray();
        long[] levels = stored.toLongArray();
        int outside = 0;
        for (int i = 0; i < exact.length; i++) {
            long k = Math.round(Math.max(0, Math.min(1, (double) exact[i])) * 255);
            outside += exact[i] < 0 || exact[i] > 1 ? 1 : 0;
            if (levels[i] != k || read[i] != k / 255f) {
                throw new AssertionError("value " + i + ": float " + exact[i] + " stored as " + levels[i] + ", read "
                        + read[i] + "; expected level " + k);
            }
        }
        assertThat(outside).as("noise pushes some pixels beyond [0, 1]: they are clipped").isPositive();
        // the expert does not look at the pixels: the same drive, the same labels
        assertThat(b.actions()).isEqualTo(f.actions());
        assertThat(b.world()).isEqualTo(f.world());
        assertThat(b.labels()).isEqualTo(f.labels());
        assertThat(provenance(b).at("/options/frames").asText()).isEqualTo("uint8");
        assertThat(provenance(f).at("/options/frames").asText()).isEqualTo("float32");
        assertThat(Files.size(bytes)).as("uint8 vs float32 file bytes").isLessThan(Files.size(floats) / 2);
    }

    @Test
    void aModelDrivingOnUint8FramesIsReproducedBySimulateFromTheStoredFrames() throws Exception {
        Path ncp = sample("ncp-lanekeeping");
        Path file = record("driven", "--model", ncp.toString(), "--steps", "30", "--seed", "2", "--noise", "0.02",
                "--frames", "uint8", "--held-out");
        Rollout r = Rollouts.read(file);
        assertThat(r.states().shape()).containsExactly(30, 19);

        Path result = tmp.resolve("replay.npz");
        CliRunner sim = CliRunner.run("simulate", "--model", ncp.toString(), "--input", file.toString(), "--out",
                result.toString());
        assertThat(sim.exitCode()).as(sim.err()).isZero();
        Map<String, NdArray> replay = Npz.read(result);
        float[] replayed = replay.get("states").toFloatArray();
        float[] recorded = r.states().toFloatArray();
        assertThat(replayed).hasSameSizeAs(recorded);
        double worst = 0;
        for (int i = 0; i < recorded.length; i++) {
            worst = Math.max(worst, Math.abs(replayed[i] - recorded[i]));
        }
        assertThat(worst).as("largest state difference").isLessThanOrEqualTo(1e-6);
        // and the model's outputs are the recorded (driver) actions
        float[] outputs = replay.get("outputs").toFloatArray();
        float[] actions = r.actions().toFloatArray();
        for (int t = 0; t < actions.length; t++) {
            assertThat((double) Math.abs(outputs[t] - actions[t])).as("step %d", t).isLessThanOrEqualTo(1e-6);
        }
    }

    @Test
    void expertActionsAreTheWorldsExpertColumnWhileTheModelDrivesTheSameRoad() throws Exception {
        Path model = sample("vector-lanekeeping");
        String[] run = {"--model", model.toString(), "--steps", "60", "--seed", "6", "--distractors",
                "noise-channels,spurious", "--dart", "0.02"};
        Path own = record("driver", run);
        Path dagger = record("expert", Stream.concat(Stream.of(run), Stream.of("--actions", "expert"))
                .toArray(String[]::new));
        Rollout d = Rollouts.read(own);
        Rollout e = Rollouts.read(dagger);

        float[] labels = e.actions().toFloatArray();
        float[] world = e.world().toFloatArray();
        for (int t = 0; t < labels.length; t++) {
            assertThat(labels[t]).as("step %d", t).isEqualTo(world[t * K + EXPERT_COLUMN]);
        }
        float[] modelOutputs = d.actions().toFloatArray();
        int differ = 0;
        for (int t = 0; t < labels.length; t++) {
            differ += labels[t] != modelOutputs[t] ? 1 : 0;
        }
        assertThat(differ).as("steps where the label is not the model's output").isGreaterThan(labels.length / 2);
        // the label does not change the drive: the model saw and did the same
        assertThat(e.world()).isEqualTo(d.world());
        assertThat(e.states()).isEqualTo(d.states());
        assertThat(e.inputs()).isEqualTo(d.inputs());
        assertThat(provenance(e).at("/options/actions").asText()).isEqualTo("expert");
        assertThat(provenance(d).at("/options/actions").asText()).isEqualTo("driver");
    }

    @Test
    void uint8FramesWithTheVectorSensorAndUnknownNamesAreOneLineSayingWhatIsAccepted() {
        String[] base = {"record", "--out", tmp.resolve("x").toString(), "--episodes", "1", "--steps", "5", "--seed", "0"};
        CliRunner vector = CliRunner.run(Stream.concat(Stream.of(base), Stream.of("--frames", "uint8"))
                .toArray(String[]::new));
        assertThat(vector.exitCode()).as("bad usage").isEqualTo(2);
        assertThat(vector.err().strip().lines()).hasSize(1);
        assertThat(vector.err()).startsWith("liquidlens record: ").contains("--frames uint8")
                .contains("vector").contains("accepted: float32, or uint8 with --sensor camera")
                .doesNotContain("Exception");
        assertThat(Files.exists(tmp.resolve("x"))).isFalse();

        CliRunner frames = CliRunner.run(Stream.concat(Stream.of(base), Stream.of("--frames", "int4"))
                .toArray(String[]::new));
        assertThat(frames.exitCode()).isEqualTo(2);
        assertThat(frames.err()).contains("--frames 'int4': accepted: float32, uint8");
        CliRunner actions = CliRunner.run(Stream.concat(Stream.of(base), Stream.of("--actions", "model"))
                .toArray(String[]::new));
        assertThat(actions.exitCode()).isEqualTo(2);
        assertThat(actions.err()).contains("--actions 'model': accepted: driver, expert");
    }
}
