package io.liquidlens.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workbench's structure: every package documented, background work through one executor, MVVM, and only the
 * public face of {@code analysis} used.
 */
class AppArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.liquidlens.app");
    }

    @Test
    void everyPackageSaysWhatItIsFor() throws java.io.IOException {
        java.nio.file.Path root = java.nio.file.Path.of("src/main/java");
        java.util.List<String> missing;
        try (var dirs = java.nio.file.Files.walk(root)) {
            missing = dirs.filter(java.nio.file.Files::isDirectory).filter(d -> {
                try (var files = java.nio.file.Files.list(d)) {
                    return files.anyMatch(f -> f.toString().endsWith(".java"))
                            && !java.nio.file.Files.exists(d.resolve("package-info.java"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(d -> root.relativize(d).toString()).sorted().toList();
        }
        org.assertj.core.api.Assertions.assertThat(missing).as("packages without a package-info.java").isEmpty();
    }

    @Test
    void backgroundWorkGoesThroughTheTaskExecutor() {
        noClasses().that().resideOutsideOfPackage("io.liquidlens.app.task..")
                .should().callConstructor(Thread.class, Runnable.class)
                .orShould().callConstructor(Thread.class, Runnable.class, String.class)
                .orShould().accessClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
                .orShould().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .because("long work runs as tasks with progress and cancel, through one executor")
                .check(classes);
    }

    @Test
    void viewModelsHoldStateNotControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene.control..", "javafx.scene.layout..")
                .because("views bind to view models; view models hold properties only")
                .check(classes);
    }

    @Test
    void treesAreAskedForThroughTheirEntryPoint() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.liquidlens.tree.weka..",
                        "io.liquidlens.tree.pdf..")
                .because("the workbench extracts and exports trees as the command does, through tree.service;"
                        + " Weka and the drawings stay adapters behind it")
                .check(classes);
    }

    @Test
    void appUsesNoCommandLineCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.liquidlens.cli..", "picocli..")
                .because("the CLI is a thin shell over the analysis packages; the workbench calls those same packages")
                .check(classes);
    }

    @Test
    void everyAppClassLivesUnderTheAppPackage() {
        // every class this module compiles, whatever its package: a class placed in an analysis package would
        // reach that package's package-private members, which the app must not depend on
        JavaClasses module = new ClassFileImporter().importPath(java.nio.file.Path.of("target/classes"));
        classes().should().resideInAPackage("io.liquidlens.app..")
                .because("the app uses what analysis makes public, never its package-private members")
                .check(module);
    }

    @Test
    void backgroundWorkStartsOnlyThroughTheTaskPackage() {
        noClasses().that().resideOutsideOfPackages("io.liquidlens.app.task..", "io.liquidlens.app.export..")
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "TaskExecutor.execute", call -> call.getTarget().getOwner()
                                .isAssignableTo(io.liquidlens.app.task.TaskExecutor.class)
                                && call.getTarget().getName().equals("execute")))
                .because("a view model runs its work as a LatestTask, so the latest request wins and an older"
                        + " result never lands on a newer one; exports run side by side through the Exporter")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("io.liquidlens.app.task..")
                .should().callConstructor(Thread.class).orShould().callConstructor(Thread.class, Runnable.class)
                .orShould().callMethod(java.util.concurrent.Executors.class, "newSingleThreadExecutor")
                .because("the task package is the one place that starts threads")
                .check(classes);
    }
}
