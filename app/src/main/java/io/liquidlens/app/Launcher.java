package io.liquidlens.app;

import io.liquidlens.LiquidLensException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;

/**
 * The jar's entry point. It is deliberately not the {@link Application} subclass: started that way
 * from a plain classpath (our fat jar), JavaFX refuses with "runtime components are missing".
 * Without a model argument it opens the bundled NCP sample and its clean sample rollout, found next to
 * the working directory or next to the jar (the rollout is skipped silently when it is not there).
 */
public final class Launcher {
    /** The sample model opened on first launch, relative to the checkout. */
    static final Path DEFAULT_SAMPLE = Path.of("sample-models", "ncp-lanekeeping");
    /** The sample rollout opened with it. */
    static final Path DEFAULT_ROLLOUT = Path.of("sample-traces", "ncp-lanekeeping", "clean", "episode-0000.npz");

    private Launcher() {
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(List.of(args));
        } catch (LiquidLensException e) {
            System.err.println("liquidlens-app: " + e.getMessage());
            System.exit(2);
            return;
        }
        options = options.orElse(find(DEFAULT_SAMPLE.resolve("model.json")).map(Path::getParent).orElse(null),
                find(DEFAULT_ROLLOUT).orElse(null));
        Application.launch(WorkbenchApp.class, options.toArgs().toArray(String[]::new));
        if (WorkbenchApp.exitStatus() != 0) {
            System.exit(WorkbenchApp.exitStatus());
        }
    }

    /** The sample model and rollout, as {@code main} would open them without arguments. */
    static LaunchOptions defaults() {
        return LaunchOptions.none().orElse(find(DEFAULT_SAMPLE.resolve("model.json")).map(Path::getParent).orElse(null),
                find(DEFAULT_ROLLOUT).orElse(null));
    }

    /** {@code relative} under the working directory, else under the jar's (or classes') folder or its ancestors. */
    static Optional<Path> find(Path relative) {
        for (Path base : bases()) {
            Path p = base.resolve(relative);
            if (Files.isRegularFile(p)) {
                return Optional.of(p.normalize());
            }
        }
        return Optional.empty();
    }

    private static List<Path> bases() {
        List<Path> out = new ArrayList<>();
        out.add(Path.of(""));
        try {
            var source = Launcher.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                // app/target/liquidlens-app.jar or app/target/classes: the checkout is two or three levels up
                Path p = Path.of(source.getLocation().toURI()).toAbsolutePath();
                for (int up = 0; up < 4 && p != null; up++) {
                    p = p.getParent();
                    if (p != null) {
                        out.add(p);
                    }
                }
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            // no usable jar location: the working directory is all we look at
        }
        return out;
    }
}
