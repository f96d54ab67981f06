package io.liquidlens.app;

import javafx.application.Application;

/**
 * The jar's entry point. It is deliberately not the {@link Application} subclass: started that way
 * from a plain classpath (our fat jar), JavaFX refuses with "runtime components are missing".
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
