package io.liquidlens.io;

import io.liquidlens.LiquidLensException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Reads and writes rollout {@code .npz} files and folders of them (FORMATS.md). */
public final class Rollouts {
    private static final List<String> KNOWN =
            List.of("inputs", "timespans", "actions", "states", "world", "world_names", "position", "labels");

    private Rollouts() {
    }

    /**
     * Reads and validates one rollout file. uint8 image inputs (8-bit frames, level k meaning k / 255) come
     * back as float32 ({@link ByteFrames#decode}), so every reader sees frames in [0, 1] whatever the storage.
     */
    public static Rollout read(Path file) {
        return read(file, Npz.read(file));
    }

    /**
     * Reads and validates only the arrays of a rollout file named in {@code parts} (the other known arrays come
     * back null, extras are dropped), so a command that needs, say, the inputs of a long camera recording does not
     * also inflate its label maps. {@code "inputs"} is always read; {@code "world"} brings {@code "world_names"}.
     */
    public static Rollout read(Path file, Set<String> parts) {
        return read(file, Npz.read(file, name -> name.equals("inputs") || parts.contains(name)
                || (name.equals("world_names") && parts.contains("world"))));
    }

    private static Rollout read(Path file, Map<String, NdArray> arrays) {
        try {
            return fromArrays(arrays);
        } catch (IllegalArgumentException e) {
            throw new LiquidLensException(file, e.getMessage(), e);
        }
    }

    /** The rollout files of a data set: a folder's {@code .npz} files in name order, or the files given. */
    public static List<Path> list(List<Path> foldersOrFiles) {
        return collect(foldersOrFiles, false);
    }

    /**
     * The rollout files of a data set that may be a folder of folders (e.g. one subfolder per condition): every
     * {@code .npz} under each folder given, at any depth, in path order; files given are taken as they are.
     *
     * @throws LiquidLensException naming a path that does not exist or a folder that holds no {@code .npz} at all
     */
    public static List<Path> listRecursively(List<Path> foldersOrFiles) {
        return collect(foldersOrFiles, true);
    }

    private static List<Path> collect(List<Path> foldersOrFiles, boolean recursive) {
        List<Path> out = new ArrayList<>();
        for (Path p : foldersOrFiles) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = recursive ? Files.walk(p) : Files.list(p)) {
                    List<Path> found = s.filter(Files::isRegularFile)
                            .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz"))
                            .sorted().toList();
                    if (found.isEmpty()) {
                        throw new LiquidLensException(p, recursive
                                ? "folder holds no .npz rollouts (nor do its subfolders)" : "folder holds no .npz rollouts");
                    }
                    out.addAll(found);
                } catch (java.io.IOException | java.io.UncheckedIOException e) {
                    throw new LiquidLensException(p, "cannot list the folder: " + e.getMessage(), e);
                }
            } else if (Files.exists(p)) {
                out.add(p);
            } else {
                throw new LiquidLensException(p, "no such rollout file or folder");
            }
        }
        return out;
    }

    /**
     * Builds a rollout from the arrays of an npz, checking names, shapes and dtypes; uint8 image inputs are
     * expanded to float32 k / 255.
     */
    public static Rollout fromArrays(Map<String, NdArray> arrays) {
        NdArray inputs = arrays.get("inputs");
        if (inputs == null) {
            throw new IllegalArgumentException("no \"inputs\" array (arrays present: " + arrays.keySet() + ")");
        }
        if (inputs.rank() != 2 && inputs.rank() != 4) {
            throw new IllegalArgumentException("\"inputs\" must be (T, S) or (T, H, W, C), not "
                    + Arrays.toString(inputs.shape()));
        }
        requireNumeric("inputs", inputs);
        if (inputs.rank() == 4 && inputs.dtype() == DType.UINT8) {
            inputs = ByteFrames.decode(inputs);
        }
        int t = inputs.dim(0);
        NdArray timespans = optional(arrays, "timespans", t, 1, 2);
        if (timespans != null && timespans.rank() == 2 && timespans.dim(1) != 1) {
            throw new IllegalArgumentException("\"timespans\" must be (T,) or (T, 1), not "
                    + Arrays.toString(timespans.shape()));
        }
        NdArray actions = optional(arrays, "actions", t, 2, 2);
        NdArray states = optional(arrays, "states", t, 2, 2);
        NdArray world = optional(arrays, "world", t, 2, 2);
        NdArray position = optional(arrays, "position", t, 2, 2);
        if (position != null && position.dim(1) != 2) {
            throw new IllegalArgumentException("\"position\" must be (T, 2), not " + Arrays.toString(position.shape()));
        }
        NdArray labels = optional(arrays, "labels", t, 3, 3);
        if (labels != null) {
            if (labels.dtype() != DType.UINT8) {
                throw new IllegalArgumentException("\"labels\" must be uint8, not " + labels.dtype());
            }
            if (inputs.rank() != 4 || labels.dim(1) != inputs.dim(1) || labels.dim(2) != inputs.dim(2)) {
                throw new IllegalArgumentException("\"labels\" " + Arrays.toString(labels.shape())
                        + " must be (T, H, W) of the image inputs " + Arrays.toString(inputs.shape()));
            }
        }
        List<String> worldNames = List.of();
        NdArray names = arrays.get("world_names");
        if (names != null) {
            if (names.dtype() != DType.UNICODE || names.rank() != 1) {
                throw new IllegalArgumentException("\"world_names\" must be a 1-D unicode array");
            }
            worldNames = List.of(names.toStringArray());
        }
        if (world != null) {
            if (names == null) {
                throw new IllegalArgumentException("\"world\" needs \"world_names\" naming its " + world.dim(1) + " columns");
            }
            if (worldNames.size() != world.dim(1)) {
                throw new IllegalArgumentException("\"world_names\" has " + worldNames.size() + " names but \"world\" has "
                        + world.dim(1) + " columns");
            }
        }
        Map<String, NdArray> extras = new LinkedHashMap<>(arrays);
        KNOWN.forEach(extras::remove);
        return new Rollout(inputs, timespans, actions, states, world, worldNames, position, labels, extras);
    }

    private static NdArray optional(Map<String, NdArray> arrays, String name, int steps, int minRank, int maxRank) {
        NdArray a = arrays.get(name);
        if (a == null) {
            return null;
        }
        if (a.rank() < minRank || a.rank() > maxRank || a.dim(0) != steps) {
            throw new IllegalArgumentException("\"" + name + "\" has shape " + Arrays.toString(a.shape()) + "; it must have "
                    + steps + " rows (one per step of \"inputs\")" + (minRank == maxRank ? " and " + minRank + " dimensions" : ""));
        }
        if (!"labels".equals(name)) {
            requireNumeric(name, a);
        }
        return a;
    }

    private static void requireNumeric(String name, NdArray a) {
        if (a.dtype() == DType.UNICODE) {
            throw new IllegalArgumentException("\"" + name + "\" must be numeric, not unicode");
        }
        if (!a.allFinite()) {
            throw new IllegalArgumentException("\"" + name + "\" holds NaN or infinite values");
        }
    }

    /** The arrays written for a rollout, in FORMATS.md order, then the extras. */
    public static Map<String, NdArray> toArrays(Rollout r) {
        Map<String, NdArray> out = new LinkedHashMap<>();
        out.put("inputs", r.inputs());
        putIfPresent(out, "timespans", r.timespans());
        putIfPresent(out, "actions", r.actions());
        putIfPresent(out, "states", r.states());
        putIfPresent(out, "world", r.world());
        if (r.world() != null || !r.worldNames().isEmpty()) {
            out.put("world_names", NdArray.ofStrings(new int[] {r.worldNames().size()}, r.worldNames().toArray(String[]::new)));
        }
        putIfPresent(out, "position", r.position());
        putIfPresent(out, "labels", r.labels());
        out.putAll(r.extras());
        return out;
    }

    /** Writes a rollout atomically (compressed, so image rollouts stay small). */
    public static void write(Path file, Rollout r) {
        Npz.write(file, toArrays(r), true);
    }

    private static void putIfPresent(Map<String, NdArray> out, String name, NdArray a) {
        if (a != null) {
            out.put(name, a);
        }
    }
}
