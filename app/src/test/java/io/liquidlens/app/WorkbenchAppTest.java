package io.liquidlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WorkbenchAppTest {

    @Start
    void start(Stage stage) {
        new WorkbenchApp().start(stage);
    }

    @Test
    void windowOpensWithAStatusLine(FxRobot robot) {
        Label status = robot.lookup("#" + WorkbenchApp.STATUS_ID).queryAs(Label.class);
        assertThat(status.getText()).startsWith("LiquidLens").contains("no model loaded");
        assertThat(robot.window(0).isShowing()).isTrue();
    }
}
