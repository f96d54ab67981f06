package io.liquidlens.app.export;

import io.liquidlens.LiquidLensException;
import io.liquidlens.app.task.BackgroundTask;
import io.liquidlens.app.task.LatestTask;
import io.liquidlens.app.task.TaskExecutor;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs exports: the capture at once on the calling (JavaFX) thread, the writing as a background task through the
 * {@link TaskExecutor}, with its progress and cancel in the status bar. Exports do not replace one another (a PNG
 * and then an SVG are both written); {@link #cancel()} stops every one still writing. A problem is one line,
 * naming the file, for {@code onError}.
 */
public final class Exporter {
    private final TaskExecutor executor;
    private final Consumer<String> onError;
    private final List<Running> running = new ArrayList<>();

    /** Exports through {@code executor}; {@code onError} receives each failure as one line (on the UI thread). */
    public Exporter(TaskExecutor executor, Consumer<String> onError) {
        this.executor = executor;
        this.onError = onError;
    }

    /**
     * Captures what {@code export} shows now and writes it to {@code file} in the background; {@code title} names
     * the task in the status bar.
     */
    public void export(String title, Export export, Path file) {
        Export.Writing writing;
        try {
            writing = export.capture(file);
        } catch (RuntimeException e) {
            onError.accept(describe(file, e));
            return;
        }
        Running mine = new Running();
        BackgroundTask task = executor.execute(title, sink -> {
            writing.write(sink);
            return file;
        }, written -> finished(mine), failure -> {
            finished(mine);
            onError.accept(describe(file, failure));
        });
        // an executor on the calling thread has finished already: nothing to cancel
        if (!mine.finished) {
            mine.task = task;
            running.add(mine);
        }
    }

    /** Stops every export still writing; their files stay as they were. */
    public void cancel() {
        for (Running r : List.copyOf(running)) {
            r.task.cancel();
        }
        running.clear();
    }

    /** True while an export is being written. */
    public boolean isWriting() {
        return !running.isEmpty();
    }

    private void finished(Running r) {
        r.finished = true;
        running.remove(r);
    }

    private static String describe(Path file, Throwable failure) {
        String message = failure instanceof LiquidLensException || failure instanceof UncheckedIOException
                ? failure.getMessage() : file + ": " + failure;
        return LatestTask.oneLine(message);
    }

    /** One export being written, and whether it has finished (then it is no longer in the list). */
    private static final class Running {
        private BackgroundTask task = BackgroundTask.DONE;
        private boolean finished;
    }
}
