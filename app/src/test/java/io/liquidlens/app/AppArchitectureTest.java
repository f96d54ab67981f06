package io.liquidlens.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** STYLE.md rules 10 and 11 for the workbench. */
class AppArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.liquidlens.app");
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
}
