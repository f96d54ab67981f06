package io.liquidlens.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How long one native thread has stood ready to run while no core was free for it, read from Linux's
 * {@code /proc/self/task/TID/schedstat} (its second field: nanoseconds spent waiting on a run queue). On a machine
 * whose cores other builds keep busy this is where a "block" comes from that no code of ours caused. Where the
 * file cannot be read (another OS, a kernel without schedstats) the clock always says 0, and nothing is
 * subtracted.
 */
final class RunQueueClock {
    static final RunQueueClock NONE = new RunQueueClock(null);

    private final Path schedstat;

    private RunQueueClock(Path schedstat) {
        this.schedstat = schedstat;
    }

    /** The clock of the calling thread. */
    static RunQueueClock ofCurrentThread() {
        try {
            // "PID/task/TID"
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return of(Path.of("/proc/self/task", self.getFileName().toString(), "schedstat"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return NONE;
        }
    }

    /** The clock of the first thread whose native name (15 characters at most) starts like {@code name}. */
    static RunQueueClock ofThreadNamed(String name) {
        String prefix = name.length() > 15 ? name.substring(0, 15) : name;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).strip().startsWith(prefix);
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().map(t -> of(t.resolve("schedstat"))).orElse(NONE);
        } catch (IOException | SecurityException e) {
            return NONE;
        }
    }

    private static RunQueueClock of(Path schedstat) {
        RunQueueClock clock = new RunQueueClock(schedstat);
        return clock.waitedNanos() < 0 ? NONE : clock;
    }

    /** Nanoseconds this thread has waited on a run queue since it started (0 without a clock, -1 unreadable). */
    long waitedNanos() {
        if (schedstat == null) {
            return 0;
        }
        try {
            String[] fields = Files.readString(schedstat).trim().split("\\s+");
            return Long.parseLong(fields[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
