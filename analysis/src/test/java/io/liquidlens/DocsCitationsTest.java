package io.liquidlens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository explains itself: every page of {@code docs/} that a source file, build file or the README cites
 * exists, with the heading it names, and nothing cites a design document that lives outside the repository or an
 * issue number (a reader of a clone has neither). Citations take one form: the page's path from the repository
 * root, then optionally {@code #} and the heading's anchor as GitHub makes it (NCPS.md's "Timespans" heading is
 * cited as docs/NCPS.md#timespans).
 */
class DocsCitationsTest {
    private static final Pattern CITATION = Pattern.compile("docs/([A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*\\.md)"
            + "(?:#([A-Za-z0-9_-]*[A-Za-z0-9_]))?");
    /** Documents that were never in the repository, cited by name, by section sign or by rule number. */
    private static final List<Pattern> OUTSIDE = List.of(
            Pattern.compile("(?<!docs/)\\b(SPEC|ANALYSES|STYLE|STACK|ARCHITECTURE)\\.md\\b"),
            Pattern.compile("\\bSPEC\\s*(§|section\\b)"),
            Pattern.compile("\\bSTYLE\\s+rule\\b"),
            Pattern.compile("\\.\\./shared\\b"));
    private static final Pattern ISSUE = Pattern.compile("(?i)\\bissues?\\s*#?\\d");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    @Test
    void everyCitationInTheRepositoryResolves() throws IOException {
        Path root = repositoryRoot();
        Map<String, Optional<Set<String>>> docs = new HashMap<>();
        Function<String, Optional<Set<String>>> anchorsOf = name -> docs.computeIfAbsent(name, n -> {
            Path file = root.resolve("docs").resolve(n);
            return Files.isRegularFile(file) ? Optional.of(anchors(read(file))) : Optional.empty();
        });
        List<String> problems = new ArrayList<>();
        for (Path file : sources(root)) {
            problems.addAll(problems(root.relativize(file).toString(), read(file), anchorsOf));
        }
        assertThat(problems).as("citations that a clone of the repository cannot follow").isEmpty();
    }

    @Test
    void theScanCoversBothModulesTheirTestsAndTheBuildFiles() throws IOException {
        Path root = repositoryRoot();
        List<String> scanned = sources(root).stream().map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
        assertThat(scanned).contains("pom.xml", "analysis/pom.xml", "app/pom.xml", "README.md",
                "analysis/src/test/java/io/liquidlens/DocsCitationsTest.java",
                "analysis/src/main/java/io/liquidlens/model/LtcCell.java",
                "app/src/main/java/io/liquidlens/app/WorkbenchApp.java");
    }

    @Test
    void aCitedHeadingThatExistsPasses() {
        assertThat(problems("A.java", "// see docs/NCPS.md#timespans and docs/NCPS.md", only("NCPS.md", "timespans")))
                .isEmpty();
    }

    @Test
    void aCitedHeadingThatDoesNotExistIsReported() {
        assertThat(problems("A.java", "x\n// docs/" + "NCPS.md#made-up-section.", only("NCPS.md", "timespans")))
                .containsExactly("A.java:2: docs/NCPS.md has no heading #made-up-section");
    }

    @Test
    void aCitedFileThatDoesNotExistIsReported() {
        assertThat(problems("A.java", "/** docs/" + "NOWHERE.md#x */", only("NCPS.md")))
                .containsExactly("A.java:1: docs/" + "NOWHERE.md does not exist");
    }

    @Test
    void aDocumentFromOutsideTheRepositoryIsReported() {
        String outside = "SPEC" + ".md";
        for (String line : List.of("// " + outside, "// SPEC \u00a78 item 3", "// STYLE" + ".md rule 14",
                "// STYLE " + "rule 6", "// ANALYSES" + ".md item 7", "// ../" + "shared/ncps")) {
            assertThat(problems("A.java", line, only("NCPS.md"))).as(line).hasSize(1);
        }
        assertThat(problems("A.java", "// docs/ANALYSES.md#saliency", only("ANALYSES" + ".md", "saliency"))).isEmpty();
    }

    @Test
    void anIssueNumberIsReported() {
        assertThat(problems("A.java", "/* the report (Issue " + "7) */\n// ncps issue " + "#45", only("NCPS.md")))
                .containsExactly("A.java:1: names an issue number; say what the code does instead",
                        "A.java:2: names an issue number; say what the code does instead");
    }

    @Test
    void headingsBecomeTheAnchorsGitHubGivesThem() {
        String md = "# Title\n## Building a wiring twice\n### `head` (perception head)\n```\n# not a heading\n```\n"
                + "## State-dict tensor names\n## Notes\n## Notes\n";
        assertThat(anchors(md)).containsExactly("title", "building-a-wiring-twice", "head-perception-head",
                "state-dict-tensor-names", "notes", "notes-1");
    }

    /** What is wrong with the citations in {@code text}, one line per problem ({@code file:line: what}). */
    static List<String> problems(String file, String text, Function<String, Optional<Set<String>>> anchorsOf) {
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String where = file + ":" + (i + 1) + ": ";
            Matcher m = CITATION.matcher(lines[i]);
            while (m.find()) {
                Optional<Set<String>> anchors = anchorsOf.apply(m.group(1));
                if (anchors.isEmpty()) {
                    problems.add(where + "docs/" + m.group(1) + " does not exist");
                } else if (m.group(2) != null && !anchors.get().contains(m.group(2))) {
                    problems.add(where + "docs/" + m.group(1) + " has no heading #" + m.group(2));
                }
            }
            for (Pattern outside : OUTSIDE) {
                Matcher o = outside.matcher(lines[i]);
                if (o.find()) {
                    problems.add(where + "cites '" + o.group() + "', which is not in the repository; cite docs/");
                }
            }
            if (ISSUE.matcher(lines[i]).find()) {
                problems.add(where + "names an issue number; say what the code does instead");
            }
        }
        return problems;
    }

    /** The anchors of a Markdown file's headings, as GitHub makes them (fenced code is not a heading). */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : markdown.split("\n")) {
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
                continue;
            }
            Matcher h = HEADING.matcher(line);
            if (fenced || !h.matches()) {
                continue;
            }
            String slug = h.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum);
            anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        return anchors;
    }

    private static Function<String, Optional<Set<String>>> only(String file, String... anchors) {
        return name -> name.equals(file) ? Optional.of(Set.of(anchors)) : Optional.empty();
    }

    /** The checkout: Maven runs the tests from the module's folder, so look up from there. */
    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs")) && Files.isRegularFile(p.resolve("analysis/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no LiquidLens checkout above " + Path.of("").toAbsolutePath());
    }

    /** Java sources of both modules (main, test, benchmarks), the build files and the README. */
    private static List<Path> sources(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : List.of("pom.xml", "analysis/pom.xml", "app/pom.xml", "README.md")) {
            files.add(root.resolve(name));
        }
        for (String module : List.of("analysis/src", "app/src")) {
            try (Stream<Path> walk = Files.walk(root.resolve(module))) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
