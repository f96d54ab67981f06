package io.liquidlens.app.saliency;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.LaunchOptions;
import io.liquidlens.app.TestModels;
import io.liquidlens.app.ThrowawayPrefs;
import io.liquidlens.app.WorkbenchApp;
import io.liquidlens.app.Workbenches;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Saliency tab in the whole window on the camera sample: two frames with their maps over them, and the line. */
@ExtendWith(ApplicationExtension.class)
class SaliencyPanelTest {
    private static final Path EPISODE = TestModels.CAMERA_EPISODE;
    @RegisterExtension
    static final ThrowawayPrefs PREFS = new ThrowawayPrefs();
    private WorkbenchApp app;

    @Start
    void start(Stage stage) {
        app = new WorkbenchApp(new LaunchOptions(TestModels.CAMERA_SAMPLE, EPISODE, 0, 1));
        app.start(stage);
    }

    @AfterEach
    void closeWindows(FxRobot robot) throws Exception {
        Workbenches.close(robot, app);
    }

    @Test
    void theTabShowsTheCleanAndThePerturbedFrameEachWithItsMap(FxRobot robot) throws Exception {
        Workbenches.awaitSimulated(app);
        Workbenches.showSideTab(robot, "Saliency");
        SaliencyPanelView panel = robot.lookup("#" + SaliencyPanelView.ID).queryAs(SaliencyPanelView.class);
        PerturbationChoice brighter = panel.model().perturbations().stream()
                .filter(p -> p.label().equals("brightness +0.3")).findFirst().orElseThrow();
        robot.interact(() -> {
            panel.model().perturbationProperty().set(brighter);
            app.workspace().cursor().moveTo(30);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            StepMaps m = panel.model().mapsProperty().get();
            return m != null && m.step() == 30 && m.perturbed() != m.clean();
        });
        WaitForAsyncUtils.waitForFxEvents();

        WritableImage clean = panel.cleanImage();
        WritableImage perturbed = panel.perturbedImage();
        for (WritableImage image : new WritableImage[] {clean, perturbed}) {
            assertThat(image.getWidth()).isEqualTo(96 * 4);
            assertThat(image.getHeight()).isEqualTo(32 * 4);
            assertThat(colours(image)).as("distinct colours of frame and map").isGreaterThan(50);
        }
        assertThat(sameAt(clean, perturbed)).as("the brighter frame differs").isFalse();
        assertThat(robot.lookup("#" + SaliencyPanelView.STATUS_ID).queryAs(Label.class).getText())
                .startsWith("step 30 · VisualBackProp (vbp) · SSIM ").contains("|y_perturbed - y_clean|");
    }

    private static int colours(WritableImage image) {
        PixelReader r = image.getPixelReader();
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                seen.add(r.getArgb(x, y));
            }
        }
        return seen.size();
    }

    private static boolean sameAt(WritableImage a, WritableImage b) {
        for (int y = 0; y < a.getHeight(); y += 4) {
            for (int x = 0; x < a.getWidth(); x += 4) {
                if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
