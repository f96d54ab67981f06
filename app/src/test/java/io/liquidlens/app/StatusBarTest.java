package io.liquidlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.task.FxTaskExecutor;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar keeps its height while work runs, and lists every running task with its own Cancel. */
@ExtendWith(ApplicationExtension.class)
class StatusBarTest {
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final CountDownLatch release = new CountDownLatch(1);
    private StatusBar bar;

    @Start
    void start(Stage stage) {
        bar = new StatusBar(new WorkspaceViewModel(TaskExecutor.sameThread()), executor, () -> { });
        stage.setScene(new Scene(new VBox(bar.node()), 700, 80));
        stage.show();
    }

    @AfterEach
    void stop() {
        release.countDown();
        executor.shutdown();
    }

    @Test
    void aRunningTaskIsListedWithItsNameTimeLeftAndALabelledCancelThatStopsIt(FxRobot robot) throws Exception {
        double idleHeight = ((Region) bar.node()).getHeight();
        AtomicBoolean cancelled = new AtomicBoolean();
        robot.interact(() -> executor.execute("Causality report of 4 models x 4 conditions", progress -> {
            progress.progress(1, 4);
            try {
                while (!release.await(20, TimeUnit.MILLISECONDS)) {
                    if (progress.isCancelled()) {
                        cancelled.set(true);
                        return null;
                    }
                }
            } catch (InterruptedException e) {
                cancelled.set(true); // Cancel interrupts the worker
            }
            return null;
        }, r -> { }, e -> { }));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#" + TasksButton.ID).queryButton()
                .isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((Region) bar.node()).getHeight()).isEqualTo(idleHeight).isLessThanOrEqualTo(StatusBar.HEIGHT + 4);
        Button cancel = robot.lookup("#" + WorkbenchApp.CANCEL_ID).queryButton();
        assertThat(cancel.getWidth()).as("Cancel keeps its label").isGreaterThanOrEqualTo(cancel.prefWidth(-1) - 0.5);

        robot.clickOn("#" + TasksButton.ID);
        WaitForAsyncUtils.waitForFxEvents();
        var rows = robot.lookup("." + TasksButton.ROW_CLASS).queryAllAs(VBox.class);
        assertThat(rows).hasSize(1);
        VBox row = rows.iterator().next();
        assertThat(((Label) row.getChildren().get(0)).getText()).isEqualTo("Causality report of 4 models x 4 conditions");
        Button rowCancel = robot.from(row).lookup(".button").queryButton();
        assertThat(rowCancel.getText()).isEqualTo("Cancel");
        robot.interact(rowCancel::fire);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, cancelled::get);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> executor.running().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#" + TasksButton.ID).queryButton().isVisible()).isFalse();
        assertThat(((Region) bar.node()).getHeight()).isEqualTo(idleHeight);
    }

    @Test
    void whatRunsAndWhatWasDoneStayWholeWhereTheModelLineIsCut(FxRobot robot) throws Exception {
        robot.interact(() -> {
            bar.node().getScene().getWindow().setWidth(560);
            bar.say("Causality report running ...");
            executor.execute("Measuring 1 model x 4 conditions", progress -> {
                release.await();
                return null;
            }, r -> { }, e -> { });
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#" + TasksButton.ID).queryButton()
                .isVisible());
        WaitForAsyncUtils.waitForFxEvents();

        Label report = robot.lookup("#" + WorkbenchApp.REPORT_LINE_ID).queryAs(Label.class);
        Label activity = robot.lookup(".label").queryAllAs(Label.class).stream()
                .filter(l -> "Measuring 1 model x 4 conditions".equals(l.getText())).findFirst().orElseThrow();
        for (Label l : java.util.List.of(report, activity)) {
            assertThat(l.getWidth()).as("%s shown whole", l.getText()).isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5);
        }
        Label status = robot.lookup("#" + WorkbenchApp.STATUS_ID).queryAs(Label.class);
        assertThat(status.getWidth()).as("the model line gives way").isLessThan(status.prefWidth(-1));
    }
}
