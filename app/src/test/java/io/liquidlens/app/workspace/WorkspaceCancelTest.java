package io.liquidlens.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.TestModels;
import io.liquidlens.app.task.BackgroundTask;
import io.liquidlens.app.task.ProgressSink;
import io.liquidlens.app.task.ProgressWork;
import io.liquidlens.app.task.TaskExecutor;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancel during a simulation: the work runs on its own thread and its first progress report blocks until the
 * test has pressed cancel, so the simulation is provably mid-way when the cancel arrives.
 */
class WorkspaceCancelTest {
    @TempDir
    Path tmp;

    /** Runs work on a thread; its sink blocks on the first progress after step 0 until released. */
    private static final class BlockingExecutor implements TaskExecutor {
        final CountDownLatch reachedProgress = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean cancelled = new AtomicBoolean();
        final AtomicLong lastDone = new AtomicLong(-1);
        final AtomicLong total = new AtomicLong(-1);
        final AtomicReference<Throwable> ended = new AtomicReference<>();
        final AtomicBoolean callbackCalled = new AtomicBoolean();
        Thread worker;

        @Override
        public <T> BackgroundTask execute(String title, ProgressWork<T> work, Consumer<T> onDone,
                                          Consumer<Throwable> onError) {
            ProgressSink sink = new ProgressSink() {
                @Override
                public void progress(long done, long all) {
                    lastDone.set(done);
                    total.set(all);
                    if (done > 0) {
                        reachedProgress.countDown();
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }

                @Override
                public boolean isCancelled() {
                    return cancelled.get();
                }
            };
            worker = new Thread(() -> {
                try {
                    work.run(sink);
                    callbackCalled.set(!cancelled.get());
                } catch (Throwable e) {
                    ended.set(e);
                }
            });
            worker.start();
            return () -> cancelled.set(true);
        }
    }

    @Test
    void cancelStopsASimulationMidWayAndKeepsTheState() throws Exception {
        Path folder = TestModels.ltcFixture(tmp.resolve("m"));
        BlockingExecutor simulation = new BlockingExecutor();
        WorkspaceViewModel busy = new WorkspaceViewModel(simulation);
        busy.open(folder, TestModels.rollout(tmp.resolve("long.npz"), 5_000, 8, 3));
        assertThat(simulation.reachedProgress.await(10, TimeUnit.SECONDS)).isTrue();
        busy.cancel();
        simulation.release.countDown();
        simulation.worker.join(10_000);

        assertThat(simulation.worker.isAlive()).isFalse();
        assertThat(simulation.ended.get()).isInstanceOf(CancellationException.class);
        assertThat(simulation.lastDone.get()).isLessThan(simulation.total.get());
        assertThat(simulation.callbackCalled.get()).isFalse();
        assertThat(busy.modelProperty().get()).isNull();
        assertThat(busy.activityProperty().get()).isNull();
        assertThat(busy.statusProperty().get()).startsWith("Cancelled.");
    }
}
