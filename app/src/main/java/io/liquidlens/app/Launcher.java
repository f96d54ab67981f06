package io.liquidlens.app;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;

/**
 * The jar's entry point. It is deliberately not the {@link Application} subclass: started that way
 * from a plain classpath (our fat jar), JavaFX refuses with "runtime components are missing".
 * Without arguments it opens the bundled NCP sample when run from a checkout.
 */
public final class Launcher {
    /** The sample opened on first launch, relative to the checkout. */
    static final Path DEFAULT_SAMPLE = Path.of("sample-models", "ncp-lanekeeping");

    private Launcher() {
    }

    public static void main(String[] args) {
        String[] effective = args;
        if (args.length == 0 && Files.isRegularFile(DEFAULT_SAMPLE.resolve("model.json"))) {
            effective = new String[] {DEFAULT_SAMPLE.toString()};
        }
        Application.launch(WorkbenchApp.class, effective);
    }
}
