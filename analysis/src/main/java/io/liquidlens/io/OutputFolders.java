package io.liquidlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.LiquidLensException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which folders an output may take over. LiquidLens replaces or writes into a folder only when nothing of the
 * user's can be lost: the folder is missing, empty, or LiquidLens wrote it itself. A folder LiquidLens wrote
 * holds a marker, {@value #MARKER}, naming the command and every file it wrote; a folder that holds anything
 * else (a file the user added, a rollout, a model) is never touched. The working folder and its parents are
 * never outputs, whatever they hold.
 */
public final class OutputFolders {
    /** The marker file LiquidLens leaves in every folder it writes. */
    public static final String MARKER = ".liquidlens-output";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MARKER_BYTES = 1 << 20;
    private static final int SHOWN = 3;

    private OutputFolders() {
    }

    /**
     * The marker's content: the command and the files it wrote, or no file list for a folder the command keeps
     * updating (a training run's checkpoints).
     *
     * @param command the command, e.g. {@code liquidlens tree}
     * @param files   the files written, relative to the folder with '/' separators, or null
     */
    public record Marker(String command, List<String> files) {
        public Marker {
            files = files == null ? null : List.copyOf(files);
        }

        /** Whether the marker lists the files (a folder written whole, which may be replaced whole). */
        public boolean listsFiles() {
            return files != null;
        }
    }

    /**
     * Checks that {@code folder} may be replaced whole by a command's output: it is missing, empty, or a folder
     * LiquidLens wrote whole and that holds nothing else.
     *
     * @throws LiquidLensException one line naming the folder and saying why not
     */
    public static void requireReplaceable(Path folder) {
        Set<String> entries = outputEntries(folder);
        if (entries.isEmpty()) {
            return;
        }
        Optional<Marker> marker = read(folder);
        if (marker.isEmpty()) {
            throw notOurs(folder, entries);
        }
        if (!marker.get().listsFiles()) {
            throw new LiquidLensException(folder, "holds the output of " + marker.get().command() + " (a folder it"
                    + " keeps updating, such as a trained model), which this command does not replace; choose another"
                    + " folder");
        }
        Set<String> foreign = new HashSet<>(entries);
        marker.get().files().forEach(foreign::remove);
        foreign.remove(MARKER);
        if (!foreign.isEmpty()) {
            throw notOurs(folder, foreign);
        }
    }

    /**
     * Checks that a command that keeps updating {@code folder} (training) may write into it: it is missing, empty,
     * or marked by {@code command}, or {@code legacy} says it is an output of that command from before the marker.
     *
     * @throws LiquidLensException one line naming the folder and saying why not
     */
    public static void requireUpdatable(Path folder, String command, java.util.function.Predicate<Path> legacy) {
        Set<String> entries = outputEntries(folder);
        if (entries.isEmpty()) {
            return;
        }
        Optional<Marker> marker = read(folder);
        if (marker.isPresent() && marker.get().command().equals(command)) {
            return;
        }
        if (marker.isEmpty() && legacy.test(folder)) {
            return;
        }
        if (marker.isPresent()) {
            throw new LiquidLensException(folder, "holds the output of " + marker.get().command() + ", not of "
                    + command + "; choose another folder");
        }
        throw notOurs(folder, entries);
    }

    /** What an output folder holds (nothing when it is missing); the working folder and a file are refused. */
    private static Set<String> outputEntries(Path folder) {
        requireNotWorkingFolder(folder);
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return Set.of();
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new LiquidLensException(folder, "exists and is not a folder; give a new folder for the output");
        }
        return entries(folder);
    }

    private static LiquidLensException notOurs(Path folder, Set<String> entries) {
        List<String> shown = entries.stream().sorted().limit(SHOWN).toList();
        String more = entries.size() > SHOWN ? " and " + (entries.size() - SHOWN) + " more" : "";
        return new LiquidLensException(folder, "holds files LiquidLens did not write (" + String.join(", ", shown)
                + more + "); an output may only replace a new or empty folder or one LiquidLens wrote, so nothing"
                + " was touched. Choose another folder");
    }

    /**
     * Refuses the working folder and its parents as outputs: replacing them would take the folder the user is in.
     *
     * @throws LiquidLensException one line naming the folder
     */
    public static void requireNotWorkingFolder(Path folder) {
        Path abs = real(folder);
        Path cwd = real(Path.of(""));
        if (cwd.startsWith(abs)) {
            throw new LiquidLensException(folder, abs.equals(cwd) ? "is the working folder; give a new folder for the"
                    + " output" : "holds the working folder; give a new folder for the output");
        }
    }

    /** Whether {@code folder} does not exist or is an empty folder. */
    public static boolean isMissingOrEmpty(Path folder) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        return Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && entries(folder).isEmpty();
    }

    /** Writes the marker into {@code folder}, listing {@code files} (null for a folder the command keeps updating). */
    public static void mark(Path folder, String command, List<String> files) {
        ObjectNode root = JSON.createObjectNode();
        root.put("written_by", command);
        root.put("note", "LiquidLens wrote this folder and may replace it; do not keep your own files here");
        if (files != null) {
            ArrayNode list = root.putArray("files");
            files.stream().sorted().forEach(list::add);
        }
        byte[] bytes = (root.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(folder.resolve(MARKER), out -> out.write(bytes));
    }

    /** The marker of {@code folder}, if it has a readable one. */
    public static Optional<Marker> read(Path folder) {
        Path file = folder.resolve(MARKER);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_MARKER_BYTES) {
                return Optional.empty();
            }
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            if (root == null || !root.path("written_by").isTextual()) {
                return Optional.empty();
            }
            List<String> files = null;
            if (root.path("files").isArray()) {
                files = new java.util.ArrayList<>();
                for (JsonNode f : root.get("files")) {
                    files.add(f.asText());
                }
            }
            return Optional.of(new Marker(root.get("written_by").asText(), files));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Every file and folder under {@code folder}, relative, with '/' separators (the marker included). */
    static Set<String> entries(Path folder) {
        Set<String> names = new HashSet<>();
        try (Stream<Path> s = Files.walk(folder)) {
            s.filter(p -> !p.equals(folder)).forEach(p -> {
                if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    names.add(relative(folder, p));
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new LiquidLensException(folder, "cannot list the folder: " + e.getMessage(), e);
        }
        if (names.isEmpty()) {
            // only empty subfolders: still the user's structure, unless there is none at all
            try (Stream<Path> s = Files.list(folder)) {
                s.forEach(p -> names.add(relative(folder, p) + "/"));
            } catch (IOException e) {
                throw new LiquidLensException(folder, "cannot list the folder: " + e.getMessage(), e);
            }
        }
        return names;
    }

    /** The files written into a fresh output folder, for its marker. */
    static List<String> filesIn(Path folder) {
        return entries(folder).stream().filter(n -> !n.equals(MARKER) && !n.endsWith("/")).sorted().toList();
    }

    private static String relative(Path folder, Path p) {
        return folder.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    /** The absolute path with symbolic links resolved as far as the path exists. */
    static Path real(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path existing = abs;
        Path rest = abs.getFileSystem().getPath("");
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}
