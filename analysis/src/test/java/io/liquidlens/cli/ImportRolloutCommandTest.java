package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.Limits;
import io.liquidlens.io.DType;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code liquidlens import-rollout}: a hand-written CSV becomes the rollout {@code record} would write, which
 * {@code simulate} runs like the same numbers given as an array; every bad file is one line and writes nothing.
 */
class ImportRolloutCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Header order differs from the option order, and one column is left out, so columns go by name. */
    private static final String CSV = String.join("\n",
            "time,b,a,steer,d,ignored",
            "0,1e-3,-0.5,0.25,1.0E-3,7",
            "1,2,+3.5,-1,.5,8",
            "2,-0,4.,1E2,-2.5e+1,9") + "\n";

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static CliRunner importRollout(Path csv, Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("import-rollout", csv.toString()));
        args.addAll(List.of(options));
        args.addAll(List.of("--out", out.toString()));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static void assertSucceeded(CliRunner run) {
        assertThat(run.err()).as("stderr").isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void theChosenColumnsBecomeInputsActionsAndWorldAsFloat32() throws IOException {
        Path out = tmp.resolve("ep.npz");
        CliRunner run = importRollout(write("data.csv", CSV), out, "--inputs", "a,b", "--actions", "steer",
                "--world", "d,time");
        assertSucceeded(run);
        assertThat(run.out()).contains("imported 3 steps of 2 inputs, 1 actions, 2 world columns").contains("comma");

        Map<String, NdArray> arrays = Npz.read(out);
        assertThat(arrays.keySet()).containsExactly("inputs", "actions", "world", "world_names", "provenance");
        NdArray inputs = arrays.get("inputs");
        assertThat(inputs.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(inputs.shape()).containsExactly(3, 2);
        assertThat(inputs.toFloatArray()).containsExactly(-0.5f, 1e-3f, 3.5f, 2f, 4f, -0f);
        assertThat(arrays.get("actions").shape()).containsExactly(3, 1);
        assertThat(arrays.get("actions").toFloatArray()).containsExactly(0.25f, -1f, 100f);
        assertThat(arrays.get("world").toFloatArray()).containsExactly(1e-3f, 0f, 0.5f, 1f, -25f, 2f);
        assertThat(arrays.get("world_names").toStringArray()).containsExactly("d", "time");

        JsonNode provenance = JSON.readTree(arrays.get("provenance").toStringArray()[0]);
        assertThat(provenance.get("command").asText()).isEqualTo("liquidlens import-rollout");
        assertThat(provenance.get("inputs").get(0).get("sha256").asText()).hasSize(64);
        assertThat(provenance.get("options").get("inputs").asText()).isEqualTo("a,b");

        Rollout rollout = Rollouts.read(out);
        assertThat(rollout.steps()).isEqualTo(3);
        assertThat(rollout.worldNames()).containsExactly("d", "time");
    }

    @Test
    void semicolonsTabsWindowsLineEndsAndAByteOrderMarkReadTheSame() throws IOException {
        Path reference = tmp.resolve("comma.npz");
        assertSucceeded(importRollout(write("comma.csv", CSV), reference, "--inputs", "a,b,d"));
        float[] expected = Npz.read(reference).get("inputs").toFloatArray();
        String semicolons = CSV.replace(',', ';');
        String tabs = CSV.replace(',', '\t');
        String windows = "\uFEFF" + CSV.replace("\n", "\r\n");
        for (String[] variant : new String[][] {{"semicolon", semicolons}, {"tab", tabs}, {"comma", windows}}) {
            Path out = tmp.resolve(variant[0] + "-" + variant[1].length() + ".npz");
            CliRunner run = importRollout(write("v.csv", variant[1]), out, "--inputs", "a,b,d");
            assertSucceeded(run);
            assertThat(run.out()).as(variant[0]).contains("(" + variant[0] + "-separated)");
            assertThat(Npz.read(out).get("inputs").toFloatArray()).as(variant[0]).containsExactly(expected);
        }
    }

    @Test
    void simulateRunsTheImportedRolloutAsItRunsTheSameNumbersGivenAsAnArray() throws IOException {
        Path model = SampleModelTest.sample();
        String[] names = {"d", "mu", "kappa", "noise_1", "noise_2", "spurious_1"};
        int steps = 20;
        float[] values = new float[steps * names.length];
        List<String> reversed = new ArrayList<>(List.of(names));
        java.util.Collections.reverse(reversed);
        StringBuilder csv = new StringBuilder("step," + String.join(",", reversed) + "\n");
        for (int t = 0; t < steps; t++) {
            List<String> row = new ArrayList<>();
            for (int s = 0; s < names.length; s++) {
                values[t * names.length + s] = (float) Math.sin(0.3 * t + s) * (s + 1) / 3f;
            }
            for (int s = names.length - 1; s >= 0; s--) {
                row.add(Float.toString(values[t * names.length + s]));
            }
            csv.append(t).append(',').append(String.join(",", row)).append('\n');
        }
        Path episode = tmp.resolve("ep.npz");
        assertSucceeded(importRollout(write("log.csv", csv.toString()), episode, "--inputs", String.join(",", names)));
        Path array = tmp.resolve("x.npy");
        Npy.write(array, NdArray.ofFloats(new int[] {1, steps, names.length}, values));

        Path fromCsv = tmp.resolve("from-csv.npz");
        Path fromArray = tmp.resolve("from-array.npz");
        assertSucceeded(CliRunner.run("simulate", "--model", model.toString(), "--input", episode.toString(),
                "--out", fromCsv.toString()));
        assertSucceeded(CliRunner.run("simulate", "--model", model.toString(), "--input", array.toString(),
                "--out", fromArray.toString()));
        float[] outputs = Npz.read(fromCsv).get("outputs").toFloatArray();
        assertThat(outputs).hasSize(steps).containsExactly(Npz.read(fromArray).get("outputs").toFloatArray());
        assertThat(outputs).as("a model that ignored its input would give zeros").isNotEqualTo(new float[steps]);
    }

    @Test
    void anExistingRolloutOfLiquidLensIsReplaced() throws IOException {
        Path out = tmp.resolve("ep.npz");
        assertSucceeded(importRollout(write("data.csv", CSV), out, "--inputs", "a"));
        assertSucceeded(importRollout(write("data.csv", CSV), out, "--inputs", "a,b"));
        assertThat(Npz.read(out).get("inputs").shape()).containsExactly(3, 2);
    }

    // --- bad input: one line naming the file, row and column; exit 1; nothing written -----------------------

    private void assertRefused(String csvText, String expected, String... options) throws IOException {
        Path csv = write("bad.csv", csvText);
        Path out = tmp.resolve("bad.npz");
        CliRunner run = importRollout(csv, out, options.length == 0 ? new String[] {"--inputs", "a,b"} : options);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").startsWith("liquidlens import-rollout: " + csv + ": ")
                .contains(expected);
        assertThat(out).doesNotExist();
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("bad.csv");
        }
    }

    @Test
    void aMissingColumnListsTheHeadersNames() throws IOException {
        assertRefused(CSV, "no column \"c\" (--inputs); the header names time, b, a, steer, d, ignored",
                "--inputs", "a,c");
    }

    @Test
    void aValueThatIsNoNumberNamesItsRowAndColumn() throws IOException {
        assertRefused("a,b\n1,2\n3,x3\n", "row 3, column \"b\": \"x3\" is not a number");
        assertRefused("a,b\n1,2\n3,\n", "row 3, column \"b\": the value is empty");
        assertRefused("a,b\n1,2\n3,1f\n", "row 3, column \"b\": \"1f\" is not a number");
        assertRefused("a,b\n1,nan\n", "row 2, column \"b\": \"nan\" is not finite");
        assertRefused("a,b\n-inf,1\n", "row 2, column \"a\": \"-inf\" is not finite");
        assertRefused("a,b\n1e39,1\n", "row 2, column \"a\": 1e39 is beyond float32's range");
        assertRefused("a,b\n0x10,1\n", "row 2, column \"a\": \"0x10\" is not a number");
        assertRefused("a,b\n1,2e\n", "row 2, column \"b\": \"2e\" is not a number");
        assertRefused("a,b\n1,.\n", "row 2, column \"b\": \".\" is not a number");
    }

    @Test
    void aRaggedRowIsRefused() throws IOException {
        assertRefused("a,b,c\n1,2,3\n4,5\n", "row 3 has 2 values but the header names 3 columns");
        assertRefused("a,b\n1,2\n4,5,6\n", "row 3 has more than the 2 values the header names");
    }

    @Test
    void anEmptyFileOrAHeaderAloneIsRefused() throws IOException {
        assertRefused("", "is empty; the first row must be a header naming the columns");
        assertRefused("a,b\n\n", "has a header but no data rows");
    }

    @Test
    void duplicateHeaderNamesAndColumnsNamedTwiceAreRefused() throws IOException {
        assertRefused("a,b,a\n1,2,3\n", "row 1: the header names column \"a\" twice (columns 1 and 3)");
        assertRefused("a,b\n1,2\n", "column \"a\" is named twice (--inputs and --actions)",
                "--inputs", "a,b", "--actions", "a");
    }

    @Test
    void aHeaderOverTheColumnLimitIsRefusedBeforeItsRowsAreRead() throws IOException {
        int columns = Limits.CSV_COLUMNS + 1;
        String header = IntStream.range(0, columns).mapToObj(i -> "c" + i).collect(Collectors.joining(","));
        assertRefused(header + "\n", String.format(Locale.ROOT, "header columns %d is over the limit of %d",
                columns, Limits.CSV_COLUMNS), "--inputs", "c0");
    }

    @Test
    void aLineOverTheCharacterLimitIsRefusedNamingItsRow() throws IOException {
        String longValue = "1".repeat(Limits.CSV_LINE_CHARS);
        assertRefused("a,b\n1,2\n3," + longValue + "\n", "row 3: a line of more than " + Limits.CSV_LINE_CHARS
                + " characters is over the limit");
    }

    @Test
    void aFileOverTheByteLimitIsRefusedBeforeItIsRead() throws IOException {
        Path csv = write("bad.csv", "a,b\n1,2\n");
        try (var file = new java.io.RandomAccessFile(csv.toFile(), "rw")) {
            file.setLength(Limits.CSV_BYTES + 1); // sparse: no disk is used for the gap
        }
        CliRunner run = importRollout(csv, tmp.resolve("bad.npz"), "--inputs", "a");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("liquidlens import-rollout: " + csv + ": size in bytes "
                + (Limits.CSV_BYTES + 1) + " is over the limit of " + Limits.CSV_BYTES + " (docs/FORMATS.md#limits)");
        assertThat(tmp.resolve("bad.npz")).doesNotExist();
    }

    @Test
    void anOutputThatIsNoNpzIsBadUsage() throws IOException {
        CliRunner run = importRollout(write("data.csv", CSV), tmp.resolve("ep.npy"), "--inputs", "a");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--out").contains("give a name ending in .npz");
        assertThat(tmp.resolve("ep.npy")).doesNotExist();
    }

    @Test
    void anExistingFileLiquidLensDidNotWriteIsKept() throws IOException {
        Path csv = write("data.csv", CSV);
        Path out = write("mine.npz", "the user's own file");
        CliRunner run = importRollout(csv, out, "--inputs", "a");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("liquidlens import-rollout: " + out
                + ": exists and was not written by LiquidLens; remove it or give another --out (nothing was touched)");
        assertThat(Files.readString(out)).isEqualTo("the user's own file");

        Path array = tmp.resolve("plain.npz");
        Npz.write(array, Map.of("inputs", NdArray.ofFloats(new int[] {1, 1}, new float[] {1})));
        assertThat(importRollout(csv, array, "--inputs", "a").exitCode()).isEqualTo(1);
        assertThat(Npz.read(array).get("inputs").shape()).containsExactly(1, 1);
    }
}
