package io.liquidlens.cli;

import io.liquidlens.BadOptionException;
import io.liquidlens.LiquidLensException;
import io.liquidlens.causal.ModelGroup;
import io.liquidlens.io.FileUris;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --models} tokens of {@code report} and {@code dynamics}: each either a model folder, or
 * {@code NAME=DIR,DIR,...}, a group of independently trained networks of one architecture summarised and compared as
 * one. A folder given alone that is not a model folder but holds model folders (every epoch of a training run) stands
 * for those, in name order (numbers by value: {@code epoch-2} before {@code epoch-10}); so does a last path element
 * with {@code *} or {@code ?} ({@code runs/epoch-*}, quoted so the shell leaves it), for the model folders it matches.
 * A token (or a group member) that is a URI ({@code hdfs://...}) is read the same way through {@link UriModels}, into
 * local copies, when the command has them ({@code report --spark}); elsewhere it is refused in one line.
 *
 * @param models  every model folder, in the order given
 * @param groupOf the group of each (empty for a folder given alone); an empty list when no token is a group
 */
record ModelTokens(List<Path> models, List<String> groupOf) {

    /** Model folders named by URIs, as local copies ({@code report --spark}: {@code spark.StagedInputs}). */
    interface UriModels {
        /** The model folder URIs {@code token} stands for, as {@link #expand} reads a path; at most {@code most + 1}. */
        List<String> expand(String token, int most);

        /** A local copy of the model folder {@code uri}. */
        Path copy(String uri);
    }

    /** URIs refused: a command that does not read them. */
    static final UriModels NO_URIS = new UriModels() {
        @Override
        public List<String> expand(String token, int most) {
            throw refused(token);
        }

        @Override
        public Path copy(String uri) {
            throw refused(uri);
        }

        private LiquidLensException refused(String uri) {
            return new LiquidLensException("--models " + uri + ": a URI is read only by report with --spark MASTER"
                    + " (liquidlens-spark.jar or spark-submit); give a local path");
        }
    };

    /** {@link #parse(List, UriModels)} refusing URIs. */
    static ModelTokens parse(List<String> tokens) {
        return parse(tokens, NO_URIS);
    }

    /**
     * Reads the tokens, URIs through {@code uris}.
     *
     * @throws BadOptionException naming the token, when a group has no name, an empty member or too many
     *                            members, a group name repeats, or a folder is in two groups (or twice in one, or
     *                            in one and also given alone; a folder given alone twice is measured twice, as
     *                            without groups)
     */
    static ModelTokens parse(List<String> tokens, UriModels uris) {
        List<Path> models = new ArrayList<>();
        List<String> groupOf = new ArrayList<>();
        boolean anyGroup = false;
        Set<String> names = new HashSet<>();
        Map<Path, String> memberOf = new HashMap<>();
        Set<Path> given = new HashSet<>();
        for (String token : tokens) {
            int eq = token.indexOf('=');
            // a path or URI may hold '=' (runs/date=2024/e1, s3a://bucket/date=2024/e1): a group's name never
            // holds '/', so text before '=' that does is part of a path
            if (eq < 0 || token.substring(0, eq).contains("/")) {
                for (Path alone : expand(token, uris)) {
                    String group = memberOf.get(alone.toAbsolutePath().normalize());
                    if (group != null) {
                        throw bad(token, (alone.equals(Path.of(token)) ? "it" : alone.toString())
                                + " is already a member of group '" + group + "'");
                    }
                    given.add(alone.toAbsolutePath().normalize());
                    models.add(alone);
                    groupOf.add("");
                }
                continue;
            }
            anyGroup = true;
            String name = token.substring(0, eq).strip();
            if (name.isEmpty()) {
                throw bad(token, "the group needs a name before '='");
            }
            if (name.contains(";")) {
                throw bad(token, "a group name may not hold ';'");
            }
            if (!names.add(name)) {
                throw bad(token, "the group name '" + name + "' is used twice");
            }
            String[] members = token.substring(eq + 1).split(",", -1);
            if (members.length > ModelGroup.MAX_MEMBERS) {
                throw bad(token, "a group may have at most " + ModelGroup.MAX_MEMBERS + " members, got "
                        + members.length);
            }
            for (String member : members) {
                if (member.isBlank()) {
                    throw bad(token, "an empty member (write NAME=DIR,DIR,...)");
                }
                Path path = member(member.strip(), uris);
                if (given.contains(path.toAbsolutePath().normalize())) {
                    throw bad(token, member.strip() + " is also given alone");
                }
                String earlier = memberOf.put(path.toAbsolutePath().normalize(), name);
                if (earlier != null) {
                    throw bad(token, member.strip() + " is already a member of group '" + earlier + "'");
                }
                models.add(path);
                groupOf.add(name);
            }
        }
        return new ModelTokens(models, anyGroup ? groupOf : List.of());
    }

    /** The most model folders one folder or pattern may stand for: each is loaded, and a report holds them all. */
    static final int MAX_EXPANDED = 200;

    /** A group's member, never expanded: a model folder's path, or the local copy of a model folder's URI. */
    private static Path member(String member, UriModels uris) {
        return FileUris.isUri(member) ? uris.copy(member) : Path.of(member);
    }

    /** {@code token} as model folders: a URI's as {@code uris} read them, else {@link #expand(String)}'s. */
    private static List<Path> expand(String token, UriModels uris) {
        if (!FileUris.isUri(token)) {
            return expand(token);
        }
        List<String> found = uris.expand(token, MAX_EXPANDED);
        String last = token.replaceAll("/+$", "").substring(token.replaceAll("/+$", "").lastIndexOf('/') + 1);
        check(token, found.size(), last.contains("*") || last.contains("?"));
        return found.stream().map(uris::copy).toList();
    }

    /**
     * {@code token} as model folders: itself when it is a model folder (or names nothing: the model loader says
     * why), the model folders a pattern in its last element matches, or the model folders a folder of them holds.
     */
    static List<Path> expand(String token) {
        Path path = Path.of(token);
        String last = path.getFileName() == null ? "" : path.getFileName().toString();
        boolean pattern = last.contains("*") || last.contains("?");
        if (!pattern && (!Files.isDirectory(path) || Files.isRegularFile(path.resolve("model.json")))) {
            return List.of(path);
        }
        Path folder = pattern ? (path.getParent() == null ? Path.of(".") : path.getParent()) : path;
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = pattern ? Files.newDirectoryStream(folder, last)
                : Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                if (Files.isRegularFile(p.resolve("model.json"))) {
                    found.add(pattern && path.getParent() == null ? p.getFileName() : p);
                    check(token, found.size(), pattern);
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            throw bad(token, "cannot list " + folder + " (" + e.getMessage() + ")");
        } catch (java.util.regex.PatternSyntaxException e) {
            throw bad(token, "is not a pattern this system reads (" + e.getDescription() + ")");
        }
        check(token, found.size(), pattern);
        found.sort(java.util.Comparator.comparing(Path::toString, io.liquidlens.io.NameOrder.NATURAL));
        return found;
    }

    /** A token stands for at least one model folder and at most {@link #MAX_EXPANDED}. */
    private static void check(String token, int found, boolean pattern) {
        if (found > MAX_EXPANDED) {
            throw bad(token, "stands for more than " + MAX_EXPANDED + " model folders; give fewer");
        }
        if (found == 0) {
            throw bad(token, pattern ? "matches no model folder (a folder holding model.json)"
                    : "is neither a model folder (no model.json) nor a folder of model folders");
        }
    }

    private static BadOptionException bad(String token, String why) {
        return new BadOptionException("--models " + token + ": " + why);
    }
}
