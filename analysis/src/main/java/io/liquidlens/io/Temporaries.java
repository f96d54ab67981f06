package io.liquidlens.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What this process has beside the user's outputs while it writes them: temporary files and folders, lock files,
 * and old copies of folders being replaced. When the process is stopped (Ctrl-C, SIGTERM, the end of main) a
 * shutdown hook removes the temporaries and puts an old copy back where its folder is missing, so an interrupted
 * run leaves the user's folder as it found it. A hard kill cannot run the hook; the next run on the same output
 * removes what is left ({@link OutputClaim}).
 */
final class Temporaries {
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    /** Old copy to put back -> the place it came from. */
    private static final Map<Path, Path> ASIDE = new ConcurrentHashMap<>();
    private static volatile boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Temporaries::cleanUp, "liquidlens-cleanup"));
    }

    private Temporaries() {
    }

    /** Registers a temporary file or folder to remove if the process stops before it is moved into place. */
    static void add(Path temporary) {
        LIVE.add(temporary.toAbsolutePath());
    }

    /** The temporary was moved into place or removed. */
    static void remove(Path temporary) {
        LIVE.remove(temporary.toAbsolutePath());
    }

    /** Whether {@code path} is a temporary of this process that is still being written. */
    static boolean isLive(Path path) {
        return LIVE.contains(path.toAbsolutePath());
    }

    /** Registers {@code old}, the moved-aside copy of {@code target}, to be put back if the process stops. */
    static void aside(Path old, Path target) {
        ASIDE.put(old.toAbsolutePath(), target.toAbsolutePath());
    }

    /** The old copy was removed or put back. */
    static void settled(Path old) {
        ASIDE.remove(old.toAbsolutePath());
    }

    /** True once the process is shutting down: nothing more may be moved into place. */
    static boolean stopping() {
        return stopping;
    }

    private static void cleanUp() {
        stopping = true;
        for (Map.Entry<Path, Path> e : ASIDE.entrySet()) {
            if (Files.exists(e.getKey()) && !Files.exists(e.getValue())) {
                try {
                    Files.move(e.getKey(), e.getValue());
                } catch (IOException ignored) {
                    // the old copy stays beside the target under its hidden name; the next run puts it back
                }
            }
        }
        // a writer thread may still create a file or two inside a temporary folder while this runs
        for (int attempt = 0; attempt < 3 && !LIVE.isEmpty(); attempt++) {
            for (Path p : Set.copyOf(LIVE)) {
                if (removeTree(p)) {
                    LIVE.remove(p);
                }
            }
            if (!LIVE.isEmpty()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Removes a file or a folder with everything in it; false when something could not be removed. */
    static boolean removeTree(Path path) {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try (Stream<Path> s = Files.walk(path)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            return true;
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }
}
