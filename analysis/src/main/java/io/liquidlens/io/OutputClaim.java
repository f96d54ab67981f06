package io.liquidlens.io;

import io.liquidlens.LiquidLensException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A run's hold on its outputs, taken before anything is computed. Claiming checks that no output is, holds or sits
 * inside one of the run's inputs; that a folder output replaces only what LiquidLens may replace
 * ({@link OutputFolders}); it locks every output against a second run ({@link OutputLock}) and removes what an
 * interrupted earlier run left beside them. Closing lets the outputs go.
 *
 * <pre>{@code
 * try (OutputClaim claim = OutputClaim.by("liquidlens tree").input("model folder", modelDir)
 *         .inputs("rollouts", rolloutFolders).folder(out).claim()) {
 *     ... compute, then AtomicFolders.write(out, ...)
 * }
 * }</pre>
 */
public final class OutputClaim implements AutoCloseable {
    private final List<OutputLock> locks;

    private OutputClaim(List<OutputLock> locks) {
        this.locks = List.copyOf(locks);
    }

    /** Starts the claim of the command's outputs, e.g. {@code liquidlens tree}. */
    public static Builder by(String command) {
        return new Builder(command);
    }

    /** What a run reads and writes. */
    public static final class Builder {
        private final String command;
        private final List<Input> inputs = new ArrayList<>();
        private final List<Output> outputs = new ArrayList<>();

        private Builder(String command) {
            this.command = Objects.requireNonNull(command, "command");
        }

        /**
         * An input file or folder of the run (null is ignored), e.g. ("model folder", dir).
         *
         * @return this builder
         */
        public Builder input(String role, Path path) {
            if (path != null) {
                inputs.add(new Input(role, path));
            }
            return this;
        }

        /**
         * A model the run reads: its folder and the weights file its model.json names (null is ignored).
         *
         * @throws LiquidLensException when the model folder or its model.json cannot be read
         * @return this builder
         */
        public Builder model(Path model) {
            if (model == null) {
                return this;
            }
            Path manifest = ModelFolder.manifestPath(model).toAbsolutePath();
            input("model folder", manifest.getParent());
            input("model.json", manifest);
            input("weights", manifest.getParent().resolve(ModelFolder.readManifest(manifest).weights()));
            return this;
        }

        /** Several inputs of one role. @return this builder */
        public Builder inputs(String role, List<Path> paths) {
            paths.forEach(p -> input(role, p));
            return this;
        }

        /** A file the run writes (replacing an earlier file is allowed, unless it is an input). @return this */
        public Builder file(Path output) {
            outputs.add(new Output(output, Kind.FILE, null));
            return this;
        }

        /** A folder the run writes whole, replacing only a folder LiquidLens wrote whole. @return this */
        public Builder folder(Path output) {
            outputs.add(new Output(output, Kind.FOLDER, null));
            return this;
        }

        /**
         * A folder the run keeps writing into (training checkpoints): missing, empty, marked by this command, or
         * recognised by {@code legacy} as this command's output from before the marker.
         *
         * @return this builder
         */
        public Builder updatedFolder(Path output, Predicate<Path> legacy) {
            outputs.add(new Output(output, Kind.UPDATED_FOLDER, legacy));
            return this;
        }

        /**
         * Checks the outputs against the inputs and the file system, then locks them.
         *
         * @throws LiquidLensException one line naming the output and saying what is wrong; nothing is touched
         */
        public OutputClaim claim() {
            for (Output o : outputs) {
                // the most exact complaint first: the output is an input, before it holds or sits inside one
                for (Input i : inputs) {
                    requireNotSame(o, i);
                }
                for (Input i : inputs) {
                    requireApart(o, i);
                }
                switch (o.kind) {
                    case FILE -> requireFileOutput(o.path);
                    case FOLDER -> OutputFolders.requireReplaceable(o.path);
                    case UPDATED_FOLDER -> OutputFolders.requireUpdatable(o.path, command, o.legacy);
                    default -> throw new IllegalStateException(o.kind.toString());
                }
            }
            List<OutputLock> locks = new ArrayList<>();
            try {
                for (Output o : outputs) {
                    locks.add(OutputLock.acquire(o.path, command));
                    removeLeftovers(o.path);
                }
            } catch (RuntimeException e) {
                locks.forEach(OutputLock::close);
                throw e;
            }
            return new OutputClaim(locks);
        }
    }

    private enum Kind { FILE, FOLDER, UPDATED_FOLDER }

    private record Input(String role, Path path) {
    }

    private record Output(Path path, Kind kind, Predicate<Path> legacy) {
    }

    private static void requireNotSame(Output o, Input i) {
        Path out = OutputFolders.real(o.path);
        Path in = OutputFolders.real(i.path);
        if (out.equals(in) || sameExistingFile(out, in)) {
            throw new LiquidLensException(o.path, "is an input of this run (" + i.role + " " + i.path + "); write the"
                    + " output elsewhere (nothing was touched)");
        }
    }

    private static void requireApart(Output o, Input i) {
        Path out = OutputFolders.real(o.path);
        Path in = OutputFolders.real(i.path);
        if (in.startsWith(out)) {
            throw new LiquidLensException(o.path, "holds an input of this run (" + i.role + " " + i.path + "); write"
                    + " the output elsewhere (nothing was touched)");
        }
        if (out.startsWith(in)) {
            throw new LiquidLensException(o.path, "is inside an input of this run (" + i.role + " " + i.path + ");"
                    + " write the output elsewhere (nothing was touched)");
        }
    }

    private static boolean sameExistingFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static void requireFileOutput(Path file) {
        if (Files.isDirectory(file)) {
            throw new LiquidLensException(file, "is a folder; give a file name for the output");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new LiquidLensException(file, "cannot write: folder " + parent + " does not exist");
        }
    }

    /**
     * Removes the temporaries an interrupted run left beside {@code output}, and puts back an old copy of a folder
     * whose replacement never arrived. Safe because this run holds the output's lock.
     */
    static void removeLeftovers(Path output) {
        Path abs = output.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || abs.getFileName() == null || !Files.isDirectory(parent)) {
            return;
        }
        String name = abs.getFileName().toString();
        List<Path> found;
        try (Stream<Path> s = Files.list(parent)) {
            found = s.filter(p -> SideNames.isLeftover(p.getFileName().toString(), name))
                    .filter(p -> !Temporaries.isLive(p)).sorted().toList();
        } catch (IOException e) {
            return; // nothing to tidy that we can see
        }
        for (Path p : found) {
            if (SideNames.isOldCopy(p.getFileName().toString(), name) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    && !Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.move(p, abs);
                    continue;
                } catch (IOException e) {
                    // leave it; removing the user's only copy is never the fallback
                    continue;
                }
            }
            if (SideNames.isOldCopy(p.getFileName().toString(), name) && !Files.exists(abs)) {
                continue;
            }
            Temporaries.removeTree(p);
        }
    }

    /** Lets the outputs go (the lock files are removed). */
    @Override
    public void close() {
        locks.forEach(OutputLock::close);
    }
}
