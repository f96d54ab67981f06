package io.liquidlens.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The production executor: progress reaches the status bar's properties, and cancel stops the work. */
@ExtendWith(ApplicationExtension.class)
class FxTaskExecutorTest {
    private final FxTaskExecutor executor = new FxTaskExecutor();

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @AfterEach
    void shutdown() {
        executor.shutdown();
    }

    @Test
    void progressIsDeterminateWhileWorkReportsIt(FxRobot robot) throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> result = new AtomicReference<>();
        robot.interact(() -> executor.execute("Counting", sink -> {
            sink.progress(3, 4);
            sink.message("three quarters");
            reported.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "done";
        }, result::set, e -> { }));
        assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> executor.progressProperty().get() == 0.75);
        assertThat(executor.busyProperty().get()).isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "three quarters".equals(executor.activityProperty().get()));
        release.countDown();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "done".equals(result.get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(executor.busyProperty().get()).isFalse();
        assertThat(executor.progressProperty().get()).isEqualTo(-1);
    }

    @Test
    void cancelStopsWorkThatPollsAndCallsNeitherCallback(FxRobot robot) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean called = new AtomicBoolean();
        AtomicReference<BackgroundTask> task = new AtomicReference<>();
        robot.interact(() -> task.set(executor.execute("Spinning", sink -> {
            long i = 0;
            try {
                while (true) {
                    sink.progress(++i % 100, 100);
                    running.countDown();
                    sink.checkCancelled();
                    Thread.onSpinWait();
                }
            } finally {
                stopped.countDown();
            }
        }, r -> called.set(true), e -> called.set(true))));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        robot.interact(() -> task.get().cancel());
        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(called.get()).isFalse();
        assertThat(executor.busyProperty().get()).isFalse();
    }

    @Test
    void aSupersededTaskDoesNotClearTheBusyFlagOfTheNextOne(FxRobot robot) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<BackgroundTask> first = new AtomicReference<>();
        robot.interact(() -> first.set(executor.execute("first", sink -> {
            release.await(10, TimeUnit.SECONDS);
            return 1;
        }, r -> { }, e -> { })));
        robot.interact(() -> {
            first.get().cancel();
            executor.execute("second", sink -> {
                release.await(10, TimeUnit.SECONDS);
                return 2;
            }, r -> { }, e -> { });
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(executor.busyProperty().get()).isTrue();
        release.countDown();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !executor.busyProperty().get());
    }
}
