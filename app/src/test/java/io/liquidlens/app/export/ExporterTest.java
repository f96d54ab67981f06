package io.liquidlens.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.LiquidLensException;
import io.liquidlens.app.task.BackgroundTask;
import io.liquidlens.app.task.ProgressSink;
import io.liquidlens.app.task.ProgressWork;
import io.liquidlens.app.task.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports: captured at once on the calling thread, written later as a task, cancelled without a trace. */
class ExporterTest {
    @TempDir
    Path tmp;

    private final List<String> errors = new ArrayList<>();
    private final HeldExecutor executor = new HeldExecutor();
    private final Exporter exporter = new Exporter(executor, errors::add);

    @Test
    void theCaptureRunsAtOnceAndTheWritingOnlyAsATask() throws Exception {
        Path file = tmp.resolve("a.txt");
        List<String> captured = new ArrayList<>();
        exporter.export("Exporting a", f -> {
            captured.add("shown now");
            return progress -> ExportFiles.writeText(f, progress, "written later");
        }, file);

        assertThat(captured).containsExactly("shown now");
        assertThat(file).doesNotExist();
        assertThat(exporter.isWriting()).isTrue();
        assertThat(executor.titles).containsExactly("Exporting a");

        executor.runAll();

        assertThat(file).hasContent("written later");
        assertThat(exporter.isWriting()).isFalse();
        assertThat(errors).isEmpty();
    }

    @Test
    void aCaptureWithNothingToExportIsOneLineAndStartsNoTask() {
        Path file = tmp.resolve("tree.dot");
        exporter.export("Exporting", f -> {
            throw new LiquidLensException(f, "no tree to export yet:\nextract one first");
        }, file);

        assertThat(errors).singleElement().asString().contains("tree.dot").contains("no tree to export yet")
                .doesNotContain("\n");
        assertThat(executor.titles).isEmpty();
    }

    @Test
    void aFailedWritingIsOneLineNamingTheFile() {
        Path file = tmp.resolve("missing-folder").resolve("x.png");
        exporter.export("Exporting", f -> progress -> ExportFiles.writeText(f, progress, "x"), file);
        executor.runAll();

        assertThat(errors).singleElement().asString().contains("x.png").doesNotContain("\n");
        assertThat(exporter.isWriting()).isFalse();
    }

    @Test
    void aCancelledExportLeavesTheEarlierFileAsItWasAndNoTemporaryFile() throws Exception {
        Path file = tmp.resolve("chart.svg");
        Files.writeString(file, "the earlier export");
        exporter.export("Exporting", f -> progress -> ExportFiles.writeText(f, progress, "half of a new one"), file);

        exporter.cancel();
        executor.runAll();

        assertThat(file).hasContent("the earlier export");
        try (var listing = Files.list(tmp)) {
            assertThat(listing).containsExactly(file);
        }
        assertThat(errors).as("a cancel is not an error").isEmpty();
        assertThat(exporter.isWriting()).isFalse();
    }

    @Test
    void aCancelWhileEncodingStopsBeforeTheFileIsReplaced() throws Exception {
        Path file = tmp.resolve("traces.csv");
        Files.writeString(file, "old");
        boolean[] cancelled = {false};
        ProgressSink cancelledWhileWriting = new ProgressSink() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return cancelled[0];
            }
        };

        try {
            ExportFiles.write(file, cancelledWhileWriting, out -> {
                out.write("new".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                cancelled[0] = true;
            });
        } catch (java.util.concurrent.CancellationException expected) {
            // the writing stops here
        }

        assertThat(file).hasContent("old");
        try (var listing = Files.list(tmp)) {
            assertThat(listing).containsExactly(file);
        }
    }

    /** An executor that holds work until the test runs it, as a worker thread would run it later. */
    private static final class HeldExecutor implements TaskExecutor {
        private final List<String> titles = new ArrayList<>();
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> BackgroundTask execute(String title, ProgressWork<T> work, Consumer<T> onDone,
                                          Consumer<Throwable> onError) {
            titles.add(title);
            boolean[] cancelled = {false};
            ProgressSink sink = new ProgressSink() {
                @Override
                public void progress(long done, long total) {
                }

                @Override
                public boolean isCancelled() {
                    return cancelled[0];
                }
            };
            held.add(() -> {
                T result;
                try {
                    result = work.run(sink);
                } catch (java.util.concurrent.CancellationException e) {
                    return;
                } catch (Exception e) {
                    if (!cancelled[0]) {
                        onError.accept(e);
                    }
                    return;
                }
                if (!cancelled[0]) {
                    onDone.accept(result);
                }
            });
            return () -> cancelled[0] = true;
        }

        void runAll() {
            List<Runnable> now = List.copyOf(held);
            held.clear();
            now.forEach(Runnable::run);
        }
    }
}
