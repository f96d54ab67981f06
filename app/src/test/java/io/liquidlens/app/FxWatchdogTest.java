package io.liquidlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The watchdog itself on Monocle: it sees a block of the JavaFX thread, and only a block. */
@ExtendWith(ApplicationExtension.class)
class FxWatchdogTest {
    private static final Duration LIMIT = Duration.ofMillis(100);
    private FxWatchdog watchdog;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("watched"), 200, 100));
        stage.show();
    }

    @BeforeEach
    void watch() throws Exception {
        watchdog = FxWatchdog.start();
    }

    @AfterEach
    void stopWatching() throws Exception {
        watchdog.close();
    }

    @Test
    void aThreeHundredMillisecondSleepOnTheFxThreadIsCaughtWithWhereItSlept(FxRobot robot) throws Exception {
        FxWatchdog.Block block = watchdog.calmestOf(3, LIMIT, () -> robot.interact(FxWatchdogTest::sleepOnFxThread));

        assertThat(block.millis()).as("the sleep, minus at most the gap between pings").isBetween(290L, 2000L);
        assertThat(block.ownMillis()).as("a sleeping thread waits for no core: all of it is the block's own")
                .isGreaterThanOrEqualTo(290L);
        assertThat(block.stack()).contains("Thread.sleep").contains("sleepOnFxThread");
        assertThat(block.cpuNanos()).as("a sleeping thread uses no CPU").isLessThan(block.nanos() / 2);
        assertThat(block.toString()).startsWith(block.ownMillis() + " ms (" + block.millis() + " ms less ")
                .contains("where the JavaFX thread was:");
    }

    @Test
    void aBlockAtTheEndOfTheWindowIsCountedWhole(FxRobot robot) throws Exception {
        watchdog.reset();
        // posted without waiting for it: the window ends while the JavaFX thread still sleeps
        javafx.application.Platform.runLater(FxWatchdogTest::sleepOnFxThread);
        assertThat(watchdog.longest().ownMillis()).isGreaterThanOrEqualTo(290);
    }

    @Test
    void anIdleWindowHasNoLongBlockAndPingsAllTheTime() throws Exception {
        long before = watchdog.pings();
        FxWatchdog.Block block = watchdog.calmestOf(3, LIMIT,
                () -> WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS));

        assertThat(block.ownMillis()).isLessThan(LIMIT.toMillis());
        assertThat(watchdog.pings() - before).as("pings in at least half a second").isGreaterThan(20);
    }

    @Test
    void manyShortPiecesOfWorkAreNotOneLongBlock(FxRobot robot) throws Exception {
        FxWatchdog.Block block = watchdog.calmestOf(3, LIMIT, () -> {
            // 400 ms of work on the JavaFX thread, in 20 ms pieces with room for the pings between them
            for (int i = 0; i < 20; i++) {
                robot.interact(() -> busyFor(20));
            }
        });

        assertThat(block.ownMillis()).isLessThan(LIMIT.toMillis());
    }

    private static void sleepOnFxThread() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void busyFor(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
