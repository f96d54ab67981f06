package io.liquidlens.testing;

import io.liquidlens.io.ModelFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The repository's samples ({@code sample-models/...}, {@code sample-traces/...}) where a test wants them. */
public final class Samples {
    private Samples() {
    }

    /** A sample's folder, from the module's folder (Maven) or the repository's root. */
    public static Path of(String what) {
        for (Path root : new Path[] {Path.of(".."), Path.of(".")}) {
            if (Files.isDirectory(root.resolve(what))) {
                return root.resolve(what);
            }
        }
        throw new IllegalStateException("no " + what);
    }

    /** The model.json and weights of sample model {@code sample} (e.g. {@code sample-models/vector-lanekeeping}) in {@code to}. */
    public static Path modelFolder(String sample, Path to) throws IOException {
        Path from = of(sample);
        String weights = ModelFolder.readManifest(from).weights();
        Files.createDirectories(to);
        Files.copy(from.resolve(ModelFolder.MANIFEST), to.resolve(ModelFolder.MANIFEST),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(from.resolve(weights), to.resolve(weights), StandardCopyOption.REPLACE_EXISTING);
        return to;
    }

    /** {@code path} as the {@code file:} URI a user writes ({@code file:///...}). */
    public static String fileUri(Path path) {
        return "file://" + path.toAbsolutePath().normalize();
    }
}
