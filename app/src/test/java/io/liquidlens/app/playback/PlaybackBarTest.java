package io.liquidlens.app.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.workspace.TimeCursor;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.shape.Shape;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The playback bar on Monocle: every button shows something, and the step label keeps its size. */
@ExtendWith(ApplicationExtension.class)
class PlaybackBarTest {
    private TimeCursor cursor;
    private Playback playback;
    private PlaybackBar bar;

    @Start
    void start(Stage stage) {
        cursor = new TimeCursor();
        cursor.reset(400);
        playback = new Playback(cursor);
        bar = new PlaybackBar(playback);
        stage.setScene(new Scene(bar, 900, 40));
        stage.show();
    }

    @Test
    void everyButtonShowsADrawnSymbolAndNamesItsShortcut(FxRobot robot) {
        for (String id : new String[] {PlaybackBar.PLAY_ID, PlaybackBar.BACK_ID, PlaybackBar.FORWARD_ID}) {
            Button b = robot.lookup("#" + id).queryAs(Button.class);
            // drawn shapes, never a media-control character the fonts may lack
            assertThat(shapes(b.getGraphic())).as(id).isPositive();
            assertThat(b.getGraphic().getLayoutBounds().getWidth()).as(id).isGreaterThan(8);
            assertThat(b.getText() == null ? "" : b.getText()).as(id).matches("[A-Za-z ]*");
            assertThat(b.getTooltip().getText()).as(id).containsPattern("\\((space|Left|Right)");
        }
        Button play = robot.lookup("#" + PlaybackBar.PLAY_ID).queryAs(Button.class);
        assertThat(play.getText()).isEqualTo("Play");
        Node playing = play.getGraphic();
        robot.interact(playback::play);
        assertThat(play.getText()).isEqualTo("Pause");
        assertThat(play.getGraphic()).isNotSameAs(playing);
        robot.interact(playback::pause);
    }

    @Test
    void theStepLabelKeepsOneWidthAndLength(FxRobot robot) {
        Label step = robot.lookup("#" + PlaybackBar.STEP_LABEL_ID).queryAs(Label.class);
        String first = step.getText();
        double width = step.getWidth();
        robot.interact(() -> cursor.moveTo(123));
        assertThat(step.getText()).hasSameSizeAs(first).isEqualToNormalizingWhitespace("step 123 of 0-399");
        assertThat(step.getWidth()).isEqualTo(width);
        assertThat(PlaybackBar.stepText(7, 1000)).isEqualTo("step   7 of 0-999");
        assertThat(PlaybackBar.stepText(0, 0)).isEqualTo("no rollout");
    }

    private static int shapes(Node n) {
        if (n instanceof Shape) {
            return 1;
        }
        int count = 0;
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                count += shapes(c);
            }
        }
        return count;
    }
}
