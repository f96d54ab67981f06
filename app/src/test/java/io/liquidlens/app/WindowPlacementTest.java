package io.liquidlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Pane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The window opens where the user left it, or at a first size that uses the screen. */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementTest {
    private final Preferences node = Preferences.userRoot().node("liquidlens-test-" + UUID.randomUUID());

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void theFirstWindowUsesMostOfALargeScreenAndTheDefaultOnALaptop() {
        Rectangle2D large = WindowPlacement.firstBounds(new Rectangle2D(0, 0, 2560, 1400));
        assertThat(large.getWidth()).isEqualTo(2048);
        assertThat(large.getHeight()).isEqualTo(1120);
        assertThat(large.getMinX()).isEqualTo(256);

        Rectangle2D laptop = WindowPlacement.firstBounds(new Rectangle2D(0, 30, 1366, 738));
        assertThat(laptop.getWidth()).isEqualTo(WorkbenchApp.DEFAULT_WIDTH);
        assertThat(laptop.getHeight()).isEqualTo(WorkbenchApp.DEFAULT_HEIGHT);
        assertThat(laptop.getMinY()).isEqualTo(30 + (738 - WorkbenchApp.DEFAULT_HEIGHT) / 2);

        Rectangle2D tiny = WindowPlacement.firstBounds(new Rectangle2D(0, 0, 1024, 600));
        assertThat(tiny.getWidth()).isEqualTo(1024);
        assertThat(tiny.getHeight()).isEqualTo(600);
    }

    @Test
    void sizePositionAndDividersAreRememberedAndBoundsOffEveryScreenAreDropped(FxRobot robot) {
        WindowPlacement placement = new WindowPlacement(node);
        SplitPane split = new SplitPane(new Pane(), new Pane());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        robot.interact(() -> {
            Stage first = new Stage();
            first.setScene(new Scene(split, 950, 600));
            placement.apply(first);
            first.setX(screen.getMinX() + 20);
            first.setY(screen.getMinY() + 30);
            first.show();
            split.setDividerPosition(0, 0.3);
            placement.remember(first, List.of(split));
            first.close();
        });

        SplitPane again = new SplitPane(new Pane(), new Pane());
        Stage[] second = new Stage[1];
        robot.interact(() -> {
            second[0] = new Stage();
            var size = placement.sceneSize();
            second[0].setScene(new Scene(again, size.getWidth(), size.getHeight()));
            placement.apply(second[0]);
            second[0].show();
            placement.restoreDividers(List.of(again));
        });
        assertThat(second[0].getX()).isEqualTo(screen.getMinX() + 20);
        assertThat(second[0].getScene().getWidth()).isEqualTo(950);
        assertThat(second[0].getScene().getHeight()).isEqualTo(600);
        assertThat(again.getDividerPositions()[0]).isCloseTo(0.3, org.assertj.core.api.Assertions.within(0.01));
        assertThat(second[0].getMinWidth()).isEqualTo(Math.min(WindowPlacement.MIN_WIDTH, screen.getWidth()));

        node.putDouble("x", screen.getMaxX() + 5000);
        robot.interact(() -> {
            second[0].close();
            Rectangle2D first = WindowPlacement.firstBounds(screen);
            assertThat(placement.sceneSize().getWidth()).as("unplugged monitor: the first size again")
                    .isEqualTo(first.getWidth());
        });
    }
}
