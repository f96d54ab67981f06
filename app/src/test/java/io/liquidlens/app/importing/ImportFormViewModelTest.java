package io.liquidlens.app.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.io.InputRole;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.ModelManifest;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.spec.LtcSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import form's view model, headless: tasks run on the calling thread, on an ncps fixture checkpoint. */
class ImportFormViewModelTest {
    private static final Path FIXTURE = Path.of(System.getProperty("liquidlens.testdata",
            "../analysis/src/test/resources"), "ncps/fixtures/checkpoints/ltc_autoncp19_1_default.pt");

    @TempDir
    Path tmp;

    private final List<Path> opened = new ArrayList<>();
    private final ImportFormViewModel form = new ImportFormViewModel(TaskExecutor.sameThread(), opened::add);
    private Path checkpoint;

    @BeforeEach
    void copyFixture() throws IOException {
        checkpoint = tmp.resolve("lane-ltc.pt");
        Files.copy(FIXTURE, checkpoint);
    }

    @Test
    void readingFillsTheFormWithWhatWasReadAndTheLtcSettingsAsAssumedDefaults() {
        form.inspect(checkpoint);

        assertThat(form.errorProperty().get()).isNull();
        assertThat(form.readProperty().get()).startsWith("an LTC of 8 inputs and 19 units")
                .contains("input mapping affine, output mapping affine")
                .contains("5 settings no tensor records");
        assertThat(form.settings()).extracting(ImportSetting::key)
                .containsExactly("ode_unfolds", "epsilon", "implicit_param_constraints", "return_sequences",
                        "batch_first");
        assertThat(form.settings()).extracting(ImportSetting::defaultValue)
                .containsExactly("6", "1e-08", "true", "true", "true");
        assertThat(form.settings()).allMatch(s -> s.assumedProperty().get());
        assertThat(form.nameProperty().get()).isEqualTo("lane-ltc");
        assertThat(form.targetProperty().get()).isEqualTo(tmp.resolve("lane-ltc").toAbsolutePath().toString());
    }

    @Test
    void aChangedSettingIsNoLongerAssumedAndIsWhatTheWrittenModelHolds() throws IOException {
        form.inspect(checkpoint);
        ImportSetting unfolds = form.settings().get(0);
        unfolds.valueProperty().set(" 3 ");
        assertThat(unfolds.assumedProperty().get()).isFalse();
        assertThat(form.givenSettings()).isEqualTo(Map.of("ode_unfolds", "3"));
        Path out = tmp.resolve("out");
        form.targetProperty().set(out.toString());
        form.nameProperty().set("my lane LTC");
        form.inputsProperty().set("a, b, c, d, e, f, g, h");
        form.rolesProperty().set("g=distractor, a=task");

        form.importModel();

        assertThat(form.errorProperty().get()).isNull();
        assertThat(opened).containsExactly(out);
        assertThat(form.importedProperty().get()).isEqualTo(out);
        ModelManifest manifest = ModelFolder.readManifest(out);
        assertThat(manifest.name()).isEqualTo("my lane LTC");
        assertThat(manifest.inputs().names()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h");
        assertThat(((LtcSpec) manifest.spec().cell()).odeUnfolds()).isEqualTo(3);
        assertThat(manifest.inputs().roles()).containsExactly(entry("g", InputRole.DISTRACTOR),
                entry("a", InputRole.TASK));
    }

    @Test
    void anOutputSizeNoTensorRecordsIsAFieldOfItsOwnAndWhatIsGivenThereIsWritten() throws IOException {
        Path none = tmp.resolve("no-output-mapping.pt");
        Files.copy(FIXTURE.resolveSibling("ltc_autoncp19_1_unfolds3_linear_none.pt"), none);
        form.inspect(none);
        assertThat(form.errorProperty().get()).isNull();
        ImportSetting outputSize = form.settings().stream().filter(s -> s.key().equals("output_size")).findFirst()
                .orElseThrow();
        assertThat(outputSize.defaultValue()).isEqualTo("19");
        assertThat(outputSize.why()).isEqualTo("no output mapping records it; every neuron is an output");
        assertThat(form.settings().get(0).why()).isEqualTo("ncps default");
        assertThat(outputSize.assumedProperty().get()).isTrue();

        outputSize.valueProperty().set("1");
        Path out = tmp.resolve("one-output");
        form.targetProperty().set(out.toString());
        form.importModel();

        assertThat(form.errorProperty().get()).isNull();
        assertThat(LoadedModel.load(out).network().outputSize()).isEqualTo(1);
        assertThat(opened).containsExactly(out);
    }

    @Test
    void aCfcCheckpointOffersTheCfcSettings() throws IOException {
        Path cfc = tmp.resolve("cfc.pt");
        Files.copy(FIXTURE.resolveSibling("cfc_dense16_default_gelu_bl1.pt"), cfc);

        form.inspect(cfc);

        assertThat(form.errorProperty().get()).isNull();
        assertThat(form.readProperty().get()).startsWith("a CfC of ");
        assertThat(form.settings()).extracting(ImportSetting::key)
                .containsExactly("mode", "activation", "return_sequences", "batch_first");
    }

    @Test
    void aTorchBaselineOffersWhatTorchDoesNotRecordWithTorchsDefaultAndImports() throws IOException {
        String testData = System.getProperty("liquidlens.testdata", "../analysis/src/test/resources");
        Path lstm = tmp.resolve("lstm.pt");
        Files.copy(Path.of(testData, "baselines/fixtures/lstm24x1_in6_out1/weights.pt"), lstm);

        form.inspect(lstm);
        form.settings().get(0).valueProperty().set("true");
        Path out = tmp.resolve("lstm-out");
        form.targetProperty().set(out.toString());
        form.importModel();

        assertThat(form.errorProperty().get()).isNull();
        assertThat(form.readProperty().get()).startsWith("an LSTM baseline of 6 inputs and 24 hidden units");
        assertThat(form.settings()).extracting(ImportSetting::key).containsExactly("batch_first");
        assertThat(form.settings().get(0).why()).isEqualTo("torch default");
        assertThat(LoadedModel.load(out).network().isBaseline()).isTrue();
        assertThat(LoadedModel.load(out).manifest().spec().cell().batchFirst()).isTrue();
    }

    @Test
    void aWholePickledModuleAsksForNothingAndImports() throws IOException {
        Path module = tmp.resolve("whole.pt");
        Files.copy(FIXTURE.getParent().resolveSibling("modules/cfc_wired_autoncp/model.pt"), module);

        form.inspect(module);

        assertThat(form.errorProperty().get()).isNull();
        assertThat(form.readProperty().get()).startsWith("a wired CfC of 5 inputs");
        assertThat(form.settings()).isEmpty();
        Path out = tmp.resolve("whole-out");
        form.targetProperty().set(out.toString());
        form.importModel();
        assertThat(form.errorProperty().get()).isNull();
        assertThat(opened).containsExactly(out);
        assertThat(ModelFolder.readManifest(out).spec().inputSize()).isEqualTo(5);
    }

    @Test
    void whatAModuleCannotSayIsANoteOfTheReadingNotAFieldToFill() throws IOException {
        Path module = tmp.resolve("ncp.pt");
        Files.copy(FIXTURE.getParent().resolveSibling("modules/ltc_ncp_mixed/model.pt"), module);

        form.inspect(module);

        assertThat(form.errorProperty().get()).isNull();
        assertThat(form.settings()).isEmpty();
        assertThat(form.readProperty().get()).contains("\nnote: wiring = its pickled matrices")
                .contains("every setting is recorded");
    }

    @Test
    void theWrongNumberOfInputNamesIsOneLineAndNothingIsWritten() {
        form.inspect(checkpoint);
        Path out = tmp.resolve("out");
        form.targetProperty().set(out.toString());
        form.inputsProperty().set("d, mu, kappa");

        form.importModel();

        assertThat(form.errorProperty().get())
                .isEqualTo("Input names: 3 given, but the checkpoint has 8 inputs (leave empty for input_0, input_1, ...)");
        assertThat(out).doesNotExist();
        assertThat(opened).isEmpty();
    }

    @Test
    void aRoleForNoInputOrNoRoleIsOneLineAndNothingIsWritten() {
        form.inspect(checkpoint);
        Path out = tmp.resolve("out");
        form.targetProperty().set(out.toString());
        form.rolesProperty().set("noise1=distractor");

        form.importModel();

        assertThat(form.errorProperty().get()).isEqualTo("Input roles: 'noise1' is not one of the input names "
                + "[input_0, input_1, input_2, input_3, input_4, input_5, input_6, input_7]");
        form.rolesProperty().set("input_7=shortcut");
        form.importModel();
        assertThat(form.errorProperty().get()).isEqualTo("Input roles: 'input_7=shortcut': 'shortcut' is not a role;"
                + " accepted: task, distractor, other");
        assertThat(out).doesNotExist();
        assertThat(opened).isEmpty();
    }

    @Test
    void aFolderLiquidLensDidNotWriteIsRefusedWithTheImportsOwnMessage() throws IOException {
        form.inspect(checkpoint);
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        form.targetProperty().set(mine.toString());

        form.importModel();

        assertThat(form.errorProperty().get()).contains(mine.toString()).doesNotContain("\n");
        assertThat(mine.resolve("notes.txt")).hasContent("keep me");
        assertThat(opened).isEmpty();
    }

    @Test
    void aFileThatIsNoCheckpointIsOneLineNamingItAndLeavesNothingToImport() throws IOException {
        Path bad = Files.writeString(tmp.resolve("notes.pt"), "not a checkpoint");

        form.inspect(bad);

        assertThat(form.errorProperty().get()).contains("notes.pt").doesNotContain("\n");
        assertThat(form.inspectionProperty().get()).isNull();
        assertThat(form.settings()).isEmpty();
        form.importModel();
        assertThat(form.errorProperty().get()).startsWith("Nothing read yet");
    }

    @Test
    void theDefaultTargetIsANewFolderBesideTheCheckpointNamedAfterIt() throws IOException {
        assertThat(ImportFormViewModel.defaultTarget(checkpoint)).isEqualTo(tmp.resolve("lane-ltc").toAbsolutePath());
        Files.createDirectories(tmp.resolve("lane-ltc"));
        assertThat(ImportFormViewModel.defaultTarget(checkpoint)).isEqualTo(tmp.resolve("lane-ltc-2").toAbsolutePath());
    }
}
