package io.liquidlens.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of docs/DESIGN.md#style-rules that keep {@code analysis} headless and its data flow one-way. */
class AnalysisArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.liquidlens");
        assertThat(classes).as("production classes of analysis were found").hasSizeGreaterThan(20);
    }

    @Test
    void analysisNeverTouchesAUiToolkit() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "javax.swing..", "com.sun.javafx..")
                .because("analysis is the headless core; the workbench in app is the only JavaFX code")
                .check(classes);
    }

    @Test
    void awtIsOnlyUsedForOffscreenExports() {
        noClasses().that().resideOutsideOfPackages("io.liquidlens.report..", "io.liquidlens.tree..",
                        "io.liquidlens.dynamics.figures..", "io.liquidlens.drawing..")
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..")
                .because("Java2D is allowed only for off-screen report, tree and dynamics drawings and the drawing package behind them")
                .check(classes);
    }

    @Test
    void packagesDependOnlyAlongTheDataFlow() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("provenance").definedBy("io.liquidlens.provenance..")
                .layer("wiring").definedBy("io.liquidlens.wiring..")
                .layer("spec").definedBy("io.liquidlens.spec..")
                .layer("io").definedBy("io.liquidlens.io..")
                .layer("head").definedBy("io.liquidlens.head..")
                .layer("model").definedBy("io.liquidlens.model..")
                .layer("sim").definedBy("io.liquidlens.sim..")
                .layer("lanekeeping").definedBy("io.liquidlens.lanekeeping..")
                .layer("grad").definedBy("io.liquidlens.grad..")
                .layer("train").definedBy("io.liquidlens.train")
                .layer("presets").definedBy("io.liquidlens.train.preset..")
                .layer("drawing").definedBy("io.liquidlens.drawing..")
                .layer("tree").definedBy("io.liquidlens.tree..")
                .layer("causal").definedBy("io.liquidlens.causal..")
                .layer("report").definedBy("io.liquidlens.report..")
                .layer("spark").definedBy("io.liquidlens.spark..")
                .layer("cli").definedBy("io.liquidlens.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("presets").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("lanekeeping").mayOnlyBeAccessedByLayers("presets", "causal", "report", "cli")
                .whereLayer("train").mayOnlyBeAccessedByLayers("presets", "cli")
                .whereLayer("tree").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("drawing").mayOnlyBeAccessedByLayers("tree", "report")
                .whereLayer("spark").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("causal").mayOnlyBeAccessedByLayers("cli", "report", "spark")
                .whereLayer("grad").mayOnlyBeAccessedByLayers("train", "causal", "cli")
                .whereLayer("sim").mayOnlyBeAccessedByLayers("grad", "train", "lanekeeping", "tree", "causal", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("sim", "grad", "train", "presets", "lanekeeping", "tree", "causal", "cli")
                .whereLayer("head").mayOnlyBeAccessedByLayers("model", "sim", "grad", "train", "lanekeeping", "tree", "causal", "cli")
                .whereLayer("io").mayOnlyBeAccessedByLayers("head", "model", "sim", "grad", "train", "presets", "lanekeeping", "tree", "causal",
                        "report", "spark", "cli")
                .whereLayer("spec").mayOnlyBeAccessedByLayers("io", "model", "sim", "grad", "train", "lanekeeping", "tree", "cli")
                .whereLayer("wiring").mayOnlyBeAccessedByLayers("spec", "io", "model", "sim", "grad", "train", "lanekeeping", "tree",
                        "causal", "cli")
                .because("files -> io -> spec/model -> sim -> cli: no package reaches back up the line")
                .check(classes);
    }

    @Test
    void wekaStaysBehindOneSeam() {
        noClasses().that().resideOutsideOfPackage("io.liquidlens.tree.weka..")
                .should().dependOnClassesThat().resideInAPackage("weka..")
                .because("results are our own DecisionTree records; only the J48 adapter knows Weka")
                .check(classes);
        List<String> leaks = new java.util.ArrayList<>();
        for (var c : classes) {
            if (!c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
                continue;
            }
            for (var m : c.getMethods()) {
                if (!m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
                    continue;
                }
                boolean weka = m.getRawReturnType().getName().startsWith("weka.")
                        || m.getRawParameterTypes().stream().anyMatch(t -> t.getName().startsWith("weka."));
                if (weka) {
                    leaks.add(m.getFullName());
                }
            }
        }
        assertThat(leaks).as("public methods with Weka types").isEmpty();
    }

    @Test
    void sparkStaysBehindOneSeam() {
        noClasses().that().resideOutsideOfPackage("io.liquidlens.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..", "org.apache.hadoop..")
                .because("the everyday command line and the workbench must run without Spark (and the Hadoop client it"
                        + " brings) on the classpath; only the work engine in io.liquidlens.spark knows them")
                .check(classes);
    }

    @Test
    void treesAreAskedForThroughTheirEntryPoint() {
        noClasses().that().resideOutsideOfPackage("io.liquidlens.tree..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.liquidlens.tree.weka..", "io.liquidlens.tree.pdf..")
                .because("the command line extracts and writes trees as the workbench does, through tree.service")
                .check(classes);
        noClasses().that().resideInAPackage("io.liquidlens.tree")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.liquidlens.tree.weka..", "io.liquidlens.tree.pdf..",
                        "io.liquidlens.tree.service..")
                .because("the tree records and algorithms sit below their adapters and the entry point that joins them")
                .check(classes);
    }

    @Test
    void pdfAndSvgLibrariesStayInTheDrawingPackage() {
        noClasses().that().resideOutsideOfPackage("io.liquidlens.drawing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.pdfbox..", "de.rototor..", "org.jfree..")
                .because("figures are Painters; one package turns them into PDF pages and SVG, the rest of analysis only paints")
                .check(classes);
    }

    @Test
    void onlyTheCommandLinePrintsOrUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("io.liquidlens.cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("the CLI is the only place that prints; libraries return results")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("io.liquidlens.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .because("commands are thin wrappers; analyses know nothing of the command line")
                .check(classes);
    }

    @Test
    void noHiddenRandomness() {
        noClasses().should().callMethod(Math.class, "random")
                .orShould().callConstructor(java.util.Random.class)
                .orShould().callConstructor(java.util.SplittableRandom.class)
                .because("every stochastic step takes its seed from its options")
                .check(classes);
    }

    @Test
    void everyPackageSaysWhatItIsFor() throws IOException {
        Path root = Path.of("src/main/java");
        List<Path> missing;
        try (Stream<Path> dirs = Files.walk(root)) {
            missing = dirs.filter(Files::isDirectory)
                    .filter(d -> {
                        try (Stream<Path> files = Files.list(d)) {
                            return files.anyMatch(f -> f.toString().endsWith(".java"));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .filter(d -> !Files.exists(d.resolve("package-info.java")))
                    .toList();
        }
        assertThat(missing).as("packages without package-info.java").isEmpty();
    }
}
