package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code liquidlens simulate} with a rollout {@code .npz} as input (one sequence, B = 1, its own timespans),
 * and the optional outputs: {@code --tau}, the mixed-memory cell state {@code cx}, and {@code --cx0}.
 */
class SimulateRolloutTest {
    private static final double TOLERANCE = 1e-5;
    private static final JsonNode DEFAULT = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_default");
    private static final JsonNode TIMESPANS = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_timespans_b1");
    private static final JsonNode MIXED = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_mixed_memory");

    @TempDir
    Path tmp;

    private Path model(JsonNode fixtureCase) throws IOException {
        Path dir = tmp.resolve("model-" + fixtureCase.get("name").asText());
        return Files.exists(dir) ? dir : FixtureModelFolders.write(fixtureCase, dir);
    }

    /** The first batch element of a case's (B, L, S) batch-first input, as (L, S). */
    private static NdArray firstSequence(JsonNode fixtureCase) {
        int[] shape = Fixtures.shape(fixtureCase.get("input"));
        float[] all = Fixtures.floats(fixtureCase.get("input"));
        return NdArray.ofFloats(new int[] {shape[1], shape[2]}, Arrays.copyOf(all, shape[1] * shape[2]));
    }

    private static NdArray asBatchOfOne(NdArray sequence) {
        return NdArray.ofFloats(new int[] {1, sequence.dim(0), sequence.dim(1)}, sequence.toFloatArray());
    }

    /** Runs simulate and returns the result's arrays; fails the test on a non-zero exit. */
    private Map<String, NdArray> simulate(Path model, Path input, String name, String... extra) {
        Path out = tmp.resolve(name + ".npz");
        List<String> args = new ArrayList<>(List.of("simulate", "--model", model.toString(), "--input",
                input.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        CliRunner run = CliRunner.run(args.toArray(String[]::new));
        assertThat(run.err()).as("stderr").isEmpty();
        assertThat(run.exitCode()).isZero();
        return Npz.read(out);
    }

    private Path npy(String name, NdArray a) {
        Path file = tmp.resolve(name + ".npy");
        Npy.write(file, a);
        return file;
    }

    private Path rollout(String name, Rollout r) {
        Path file = tmp.resolve(name + ".npz");
        Rollouts.write(file, r);
        return file;
    }

    private static void assertClose(String what, float[] actual, float[] expected) {
        assertThat(actual).as(what + " length").hasSameSizeAs(expected);
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        }
        assertThat(worst).as(what + ": max |java - ncps|").isLessThanOrEqualTo(TOLERANCE);
    }

    // --- a rollout as input ---------------------------------------------------------------------------

    @Test
    void aRolloutWithoutTimespansRunsAsTheSameSequenceInAnNpy() throws IOException {
        Path model = model(DEFAULT);
        NdArray seq = firstSequence(DEFAULT);

        Map<String, NdArray> fromRollout = simulate(model, rollout("episode", Rollout.ofInputs(seq)), "r");
        Map<String, NdArray> fromNpy = simulate(model, npy("x", asBatchOfOne(seq)), "n");

        assertThat(withoutProvenance(fromRollout)).containsExactlyEntriesOf(withoutProvenance(fromNpy));
        assertThat(fromRollout.get("outputs").shape()).containsExactly(1, 6, 1);
        // and it is ncps's first sample
        assertClose("outputs", fromRollout.get("outputs").toFloatArray(),
                Arrays.copyOf(Fixtures.floats(DEFAULT.get("output")), 6));
        assertClose("states", fromRollout.get("states").toFloatArray(),
                Arrays.copyOf(Fixtures.floats(DEFAULT.get("hidden_trace")), 6 * 19));
    }

    @Test
    void aRolloutsTimespansAreUsed() throws IOException {
        Path model = model(TIMESPANS);
        NdArray seq = firstSequence(TIMESPANS);
        float[] ts = Fixtures.floats(TIMESPANS.get("timespans"));
        Rollout withTimes = new Rollout(seq, NdArray.ofFloats(new int[] {6}, ts.clone()), null, null, null, List.of(),
                null, null, Map.of());

        Map<String, NdArray> fromRollout = simulate(model, rollout("episode", withTimes), "r");
        Map<String, NdArray> fromNpy = simulate(model, npy("x", asBatchOfOne(seq)), "n",
                "--timespans", npy("ts", NdArray.ofFloats(new int[] {1, 6}, ts.clone())).toString());

        assertThat(withoutProvenance(fromRollout)).containsExactlyEntriesOf(withoutProvenance(fromNpy));
        assertClose("outputs", fromRollout.get("outputs").toFloatArray(), Fixtures.floats(TIMESPANS.get("output")));
        assertClose("hx", fromRollout.get("hx").toFloatArray(), Fixtures.floats(TIMESPANS.get("hx")));
    }

    @Test
    void aRolloutsTimespansMayBeAColumn() throws IOException {
        Path model = model(TIMESPANS);
        NdArray seq = firstSequence(TIMESPANS);
        float[] ts = Fixtures.floats(TIMESPANS.get("timespans"));
        Rollout column = new Rollout(seq, NdArray.ofFloats(new int[] {6, 1}, ts), null, null, null, List.of(), null,
                null, Map.of());

        Map<String, NdArray> result = simulate(model, rollout("episode", column), "r");

        assertClose("outputs", result.get("outputs").toFloatArray(), Fixtures.floats(TIMESPANS.get("output")));
    }

    @Test
    void timespansGivenOnTheCommandLineWinOverTheRollouts() throws IOException {
        Path model = model(TIMESPANS);
        NdArray seq = firstSequence(TIMESPANS);
        float[] ts = Fixtures.floats(TIMESPANS.get("timespans"));
        Rollout withTimes = new Rollout(seq, NdArray.ofFloats(new int[] {6}, ts), null, null, null, List.of(), null,
                null, Map.of());
        float[] ones = new float[6];
        Arrays.fill(ones, 1f);

        Map<String, NdArray> overridden = simulate(model, rollout("episode", withTimes), "o",
                "--timespans", npy("ones", NdArray.ofFloats(new int[] {1, 6}, ones)).toString());
        Map<String, NdArray> unitTimes = simulate(model, rollout("plain", Rollout.ofInputs(seq)), "p");

        assertThat(withoutProvenance(overridden)).containsExactlyEntriesOf(withoutProvenance(unitTimes));
        assertThat(overridden.get("outputs")).isNotEqualTo(simulate(model, rollout("episode", withTimes), "w")
                .get("outputs"));
    }

    // --- optional outputs -----------------------------------------------------------------------------

    @Test
    void tauOfAnLtcIsAPositiveTimeConstantForEveryNeuronAndStep() throws IOException {
        Path model = model(DEFAULT);
        NdArray x = NdArray.ofFloats(Fixtures.shape(DEFAULT.get("input")), Fixtures.floats(DEFAULT.get("input")));
        Path input = npy("x", x);

        Map<String, NdArray> result = simulate(model, input, "tau", "--tau");
        Map<String, NdArray> plain = simulate(model, input, "plain");

        NdArray tau = result.get("tau");
        assertThat(tau.shape()).containsExactly(2, 6, 19);
        float[] values = tau.toFloatArray();
        for (int i = 0; i < values.length; i++) {
            assertThat(values[i]).as("tau[%d]", i).isFinite().isPositive();
        }
        assertThat(plain).doesNotContainKey("tau");
        assertThat(result.get("outputs")).isEqualTo(plain.get("outputs"));
    }

    @Test
    void aMixedMemoryModelWritesItsCellState() throws IOException {
        Path model = model(MIXED);

        Map<String, NdArray> result = simulate(model, rollout("episode", Rollout.ofInputs(firstSequence(MIXED))), "r");

        NdArray cx = result.get("cx");
        assertThat(cx.shape()).containsExactly(1, 19);
        assertClose("cx", cx.toFloatArray(), Arrays.copyOf(Fixtures.floats(MIXED.get("hx").get(1)), 19));
        assertClose("hx", result.get("hx").toFloatArray(), Arrays.copyOf(Fixtures.floats(MIXED.get("hx").get(0)), 19));
    }

    @Test
    void aModelWithoutMixedMemoryHasNoCellState() throws IOException {
        Map<String, NdArray> result = simulate(model(DEFAULT), npy("x", asBatchOfOne(firstSequence(DEFAULT))), "r");

        assertThat(result).containsOnlyKeys("outputs", "states", "hx", "provenance");
    }

    @Test
    void cx0IsRejectedForAModelWithoutMixedMemory() throws IOException {
        Path model = model(DEFAULT);
        Path input = npy("x", asBatchOfOne(firstSequence(DEFAULT)));
        Path cx0 = npy("cx0", NdArray.ofFloats(new int[] {1, 19}, new float[19]));
        Path out = tmp.resolve("result.npz");

        CliRunner run = CliRunner.run("simulate", "--model", model.toString(), "--input", input.toString(),
                "--cx0", cx0.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains(cx0.toString()).containsIgnoringCase("mixed memory");
        assertThat(out).doesNotExist();
    }

    @Test
    void cx0IsUsedByAMixedMemoryModel() throws IOException {
        Path model = model(MIXED);
        Path input = npy("x", asBatchOfOne(firstSequence(MIXED)));
        float[] c0 = new float[19];
        Arrays.fill(c0, 0.5f);

        Map<String, NdArray> zero = simulate(model, input, "zero",
                "--cx0", npy("zeros", NdArray.ofFloats(new int[] {1, 19}, new float[19])).toString());
        Map<String, NdArray> fromDefault = simulate(model, input, "default");
        Map<String, NdArray> half = simulate(model, input, "half",
                "--cx0", npy("half", NdArray.ofFloats(new int[] {1, 19}, c0)).toString());

        assertThat(withoutProvenance(zero)).containsExactlyEntriesOf(withoutProvenance(fromDefault));
        assertThat(half.get("cx")).isNotEqualTo(zero.get("cx"));
    }

    /** The result arrays without {@code provenance}, which names the (different) input files. */
    private static java.util.Map<String, NdArray> withoutProvenance(java.util.Map<String, NdArray> result) {
        java.util.Map<String, NdArray> copy = new java.util.LinkedHashMap<>(result);
        copy.remove("provenance");
        return copy;
    }
}
