package io.liquidlens.tree.weka;

import java.nio.file.Path;

/**
 * What the JVM must know before Weka's first class loads (docs/DESIGN.md#weka-on-the-classpath): netlib's pure-Java F2J
 * implementations (the native builds are excluded from the dependencies; without these properties Weka's static
 * initialiser fails or warns), and a {@code WEKA_HOME} so Weka does not create {@code ~/wekafiles} unasked: the user's
 * own setting when there is one, else a folder under the system's temporary directory.
 */
public final class WekaSetup {
    private static volatile boolean done;

    private WekaSetup() {
    }

    /** Applies the settings once; cheap to call before every use of Weka. */
    public static void ensure() {
        if (done) {
            return;
        }
        synchronized (WekaSetup.class) {
            if (done) {
                return;
            }
            for (String k : new String[] {"BLAS", "LAPACK", "ARPACK"}) {
                if (System.getProperty("com.github.fommil.netlib." + k) == null) {
                    System.setProperty("com.github.fommil.netlib." + k, "com.github.fommil.netlib.F2j" + k);
                }
            }
            if (System.getenv("WEKA_HOME") == null && System.getProperty("WEKA_HOME") == null) {
                System.setProperty("WEKA_HOME", defaultHome().toString());
            }
            done = true;
        }
    }

    /** Where Weka's home goes when the user has not set {@code WEKA_HOME}. */
    static Path defaultHome() {
        return Path.of(System.getProperty("java.io.tmpdir"), "liquidlens-wekafiles-" + System.getProperty("user.name"));
    }
}
