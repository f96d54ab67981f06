package io.liquidlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every package's {@code package-info}, in both modules, says which LiquidLens packages it depends on, and that
 * sentence is kept exactly true here: the packages named in it are the packages its classes use, no more and no
 * fewer. Packages are named below {@code io.liquidlens} ({@code tree.service}, {@code app.workspace}). The rules
 * about which arrows are allowed at all are the architecture tests' of each module; this one keeps the prose a
 * reader meets first from going stale. It lives in {@code app}, the module that sees both.
 */
class PackageDependenciesTest {
    private static final String ROOT = "io.liquidlens";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        assertThat(usedPackages(classes)).as("packages of both modules were found").containsKeys("wiring", "app.task");
    }

    @Test
    void everyPackageNamesExactlyTheLiquidLensPackagesItUses() throws IOException {
        Map<String, Set<String>> used = usedPackages(classes);
        List<String> wrong = new ArrayList<>();
        for (String pkg : used.keySet()) {
            Path sources = pkg.startsWith("app") ? Path.of("src/main/java") : Path.of("../analysis/src/main/java");
            Path info = sources.resolve((ROOT + "." + pkg).replace('.', '/')).resolve("package-info.java");
            String sentence = DependsOnSentence.find(Files.readString(info));
            if (sentence == null) {
                wrong.add(pkg + ": package-info has no \"Depends on\" sentence (uses " + used.get(pkg) + ")");
                continue;
            }
            Set<String> claimed = DependsOnSentence.packagesNamed(sentence, used.keySet());
            if (!claimed.equals(used.get(pkg))) {
                Set<String> missing = new TreeSet<>(used.get(pkg));
                missing.removeAll(claimed);
                Set<String> stale = new TreeSet<>(claimed);
                stale.removeAll(used.get(pkg));
                wrong.add(pkg + ": uses but does not name " + missing + "; names but does not use " + stale);
            }
        }
        assertThat(wrong).as("package-info \"Depends on\" sentences that are not true").isEmpty();
    }

    @Test
    void everyPackageHasARowInTheDesignPackageMap() throws IOException {
        String design = Files.readString(Path.of("../docs/DESIGN.md"));
        int appTable = design.indexOf("`app` (");
        assertThat(appTable).as("docs/DESIGN.md has the app's package table").isPositive();
        Set<String> mapped = new TreeSet<>(rowsOf(design.substring(design.indexOf("## Package map"), appTable), ""));
        for (String name : rowsOf(design.substring(appTable), "app.")) {
            mapped.add(name.equals("app.app") ? "app" : name);
        }
        Set<String> packages = new TreeSet<>(usedPackages(classes).keySet());
        assertThat(mapped).as("docs/DESIGN.md#package-map").containsExactlyInAnyOrderElementsOf(packages);
    }

    private static List<String> rowsOf(String table, String prefix) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?m)^\\| `([a-z.]+)` \\|").matcher(table);
        while (row.find()) {
            names.add(prefix + row.group(1));
        }
        return names;
    }

    @Test
    void theSentenceParserReadsPackagesAndStopsAtTheEndOfTheSentence() {
        Set<String> known = Set.of("io", "model", "tree", "tree.weka", "cli", "report");
        String text = """
                /**
                 * Things. <p>Depends on {@code io.liquidlens.io} ({@code NdArray}), {@code model} and
                 * {@code tree.weka}; only {@code cli} and {@code report} may use it.
                 */""";
        assertThat(DependsOnSentence.packagesNamed(DependsOnSentence.find(text), known))
                .containsExactlyInAnyOrder("io", "model", "tree.weka");
        assertThat(DependsOnSentence.find("/** Nothing said here. */")).isNull();
        assertThat(DependsOnSentence.packagesNamed(DependsOnSentence.find(
                "/** Depends on nothing else in LiquidLens. Used by {@code io}. */"), known)).isEmpty();
        String broken = "/**\n * Depends on {@code\n * model} and {@code io}.\n */";
        assertThat(DependsOnSentence.packagesNamed(DependsOnSentence.find(broken), known))
                .as("a tag wrapped across comment lines").containsExactlyInAnyOrder("model", "io");
    }

    /** For each package below the root (relative name, e.g. {@code tree.weka}), the other such packages it uses. */
    static Map<String, Set<String>> usedPackages(JavaClasses imported) {
        Map<String, Set<String>> used = new TreeMap<>();
        for (JavaClass c : imported) {
            String from = relative(c.getPackageName());
            if (from == null) {
                continue;
            }
            Set<String> targets = used.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = relative(d.getTargetClass().getBaseComponentType().getPackageName());
                if (to != null && !to.equals(from)) {
                    targets.add(to);
                }
            }
        }
        return used;
    }

    /** {@code io.liquidlens.tree.weka} -> {@code tree.weka}; the root package (the shared exception) and anything
     * outside LiquidLens -> null. */
    private static String relative(String pkg) {
        return pkg.startsWith(ROOT + ".") ? pkg.substring(ROOT.length() + 1) : null;
    }
}
