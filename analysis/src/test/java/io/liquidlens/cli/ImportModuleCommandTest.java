package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.ModelManifest;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npz;
import io.liquidlens.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code liquidlens import} of a whole pickled ncps module ({@code torch.save(model)}): with no options, the folder
 * it writes simulates each fixture's input as ncps did; what is no ncps LTC or CfC is one line and nothing written.
 */
class ImportModuleCommandTest {
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path tmp;

    static Stream<String> moduleCases() {
        return Stream.of("ltc_autoncp", "ltc_ncp_mixed", "cfc_wired_autoncp", "cfc_dense_backbone");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moduleCases")
    void aPickledModuleImportsWithNoOptionsAndSimulatesLikeNcps(String name) throws Exception {
        Path dir = Fixtures.dir().resolve("modules").resolve(name);

        String out = importAndSimulateLikeNcps(dir);

        assertThat(out).contains("imported " + (name.startsWith("ltc") ? "an LTC"
                : name.contains("wired") ? "a wired CfC" : "a CfC"));
    }

    static Stream<String> moduleVariants() throws IOException {
        try (Stream<Path> dirs = Files.list(Fixtures.testData().resolve("ncps/module-variants"))) {
            return dirs.map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** Every setting a module records beyond the four fixtures' (see tools/make_module_variants.py). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("moduleVariants")
    void everySettingAModuleRecordsIsReadAsNcpsUsesIt(String name) throws Exception {
        importAndSimulateLikeNcps(Fixtures.testData().resolve("ncps/module-variants").resolve(name));
    }

    /** Imports {@code dir/model.pt} with no options, simulates {@code input.npy}, compares with ncps; the import's output. */
    private String importAndSimulateLikeNcps(Path dir) throws Exception {
        Path model = tmp.resolve("m");
        CliRunner imported = CliRunner.run("import", dir.resolve("model.pt").toString(), "--out", model.toString());
        assertThat(imported.err()).isEmpty();
        assertThat(imported.exitCode()).isZero();
        CliRunner simulated = CliRunner.run("simulate", "--model", model.toString(), "--input",
                dir.resolve("input.npy").toString(), "--out", tmp.resolve("result.npz").toString());
        assertThat(simulated.err()).isEmpty();
        assertThat(simulated.exitCode()).isZero();
        Map<String, NdArray> result = Npz.read(tmp.resolve("result.npz"));
        Map<String, NdArray> expected = Npz.read(dir.resolve("expected.npz"));
        NdArray outputs = result.get("outputs");
        if (expected.get("outputs").rank() == 2) { // return_sequences=False: ncps returns the last step only
            outputs = lastStep(outputs);
        }
        assertClose("outputs", outputs, expected.get("outputs"));
        assertClose("hx", result.get("hx"), expected.get("hx"));
        return imported.out();
    }

    private static NdArray lastStep(NdArray sequence) {
        int b = sequence.dim(0);
        int l = sequence.dim(1);
        int m = sequence.dim(2);
        float[] all = sequence.toFloatArray();
        float[] last = new float[b * m];
        for (int i = 0; i < b; i++) {
            System.arraycopy(all, (i * l + l - 1) * m, last, i * m, m);
        }
        return NdArray.ofFloats(new int[] {b, m}, last);
    }

    @Test
    void whatAModuleCannotSayIsANoteNotAnAssumption() {
        Path module = Fixtures.dir().resolve("modules/ltc_ncp_mixed/model.pt");

        CliRunner run = CliRunner.run("import", module.toString(), "--out", tmp.resolve("m").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("assumed").containsPattern("(?m)^note wiring");
    }

    @Test
    void theModuleRecordsEverySettingSoTheFolderNeedsNoAssumption() {
        Path module = Fixtures.dir().resolve("modules/ltc_autoncp/model.pt");

        CliRunner run = CliRunner.run("import", module.toString(), "--out", tmp.resolve("m").toString(),
                "--inputs", "a,b,c,d,e,f");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("assumed");
        ModelManifest manifest = ModelFolder.readManifest(tmp.resolve("m"));
        assertThat(manifest.spec().wiringSpec().ncpsClass()).isEqualTo("AutoNCP");
        assertThat(manifest.inputs().names()).containsExactly("a", "b", "c", "d", "e", "f");
    }

    @Test
    void aSettingForAWholeModuleIsAUsageError() {
        Path module = Fixtures.dir().resolve("modules/ltc_autoncp/model.pt");

        CliRunner run = CliRunner.run("import", module.toString(), "--out", tmp.resolve("m").toString(),
                "--set", "ode_unfolds=3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--set ode_unfolds").contains("whole pickled module");
        assertThat(tmp.resolve("m")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "torch_lstm_module.pt|is a pickled torch.nn.modules.rnn.LSTM, not an ncps LTC or CfC module",
            "resnet_stand_in_module.pt|unsupported pickle global torchvision.models.resnet.ResNet",
            "ltc_cell_module.pt|holds an ncps.torch.ltc_cell.LTCCell, not a whole LTC or CfC module"})
    void aModuleThatIsNoNcpsLtcOrCfcIsOneLineAndNothingWritten(String file, String found) {
        Path module = Fixtures.testData().resolve("io").resolve(file);

        CliRunner run = CliRunner.run("import", module.toString(), "--out", tmp.resolve("m").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains(file).contains(found);
        assertThat(tmp.resolve("m")).doesNotExist();
    }

    private static void assertClose(String what, NdArray actual, NdArray expected) {
        assertThat(actual.shape()).as(what + " shape").containsExactly(expected.shape());
        float[] a = actual.toFloatArray();
        float[] e = expected.toFloatArray();
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - e[i]));
        }
        assertThat(worst).as(what + ": max |java - ncps|").isLessThanOrEqualTo(TOLERANCE);
    }
}
