package io.liquidlens.app.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.app.TestModels;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.io.DType;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The input view on Monocle: camera frames with crisp pixels and labels, vector inputs as bars. */
@ExtendWith(ApplicationExtension.class)
class InputFrameViewTest {
    private static final int T = 4;
    private static final int H = 32;
    private static final int W = 96;

    @TempDir
    Path tmp;

    private WorkspaceViewModel workspace;
    private InputFrameView view;

    @Start
    void start(Stage stage) {
        workspace = new WorkspaceViewModel(TaskExecutor.sameThread());
        view = new InputFrameView(workspace);
        stage.setScene(new Scene(view, 800, 400));
        stage.show();
    }

    /** Red ramps along x, green along y, blue with the step (one value above 1 to be clipped). */
    private static float red(int t, int y, int x) {
        return x == 5 && y == 5 ? 1.7f : x / 95f;
    }

    private static float green(int t, int y, int x) {
        return y / 31f;
    }

    private static float blue(int t, int y, int x) {
        return t / 3f;
    }

    /** Stripes of 24 columns: background, road, lane marking, distractor, shifted by one stripe per step. */
    private static int label(int t, int y, int x) {
        return (x / 24 + t) % 4;
    }

    private static Path imageRollout(Path file) {
        float[] rgb = new float[T * H * W * 3];
        long[] labels = new long[T * H * W];
        float[] world = new float[T * 3];
        for (int t = 0; t < T; t++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int p = (t * H + y) * W + x;
                    rgb[3 * p] = red(t, y, x);
                    rgb[3 * p + 1] = green(t, y, x);
                    rgb[3 * p + 2] = blue(t, y, x);
                    labels[p] = label(t, y, x);
                }
            }
            world[3 * t] = 0.25f * t;
            world[3 * t + 1] = -1.5f;
            world[3 * t + 2] = 7f;
        }
        Rollouts.write(file, new Rollout(NdArray.ofFloats(new int[] {T, H, W, 3}, rgb), null, null, null,
                NdArray.ofFloats(new int[] {T, 3}, world), List.of("d_lane", "s", "mu"), null,
                NdArray.ofLongs(DType.UINT8, new int[] {T, H, W}, labels), Map.of()));
        return file;
    }

    private static int level(float v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    private static int expectedArgb(int t, int y, int x) {
        return 0xff000000 | level(red(t, y, x)) << 16 | level(green(t, y, x)) << 8 | level(blue(t, y, x));
    }

    private void openImageRollout(FxRobot robot) {
        Path file = imageRollout(tmp.resolve("frames.npz"));
        robot.interact(() -> {
            workspace.openRollout(file);
            workspace.cursor().moveTo(2);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theFrameShowsTheRolloutsColoursAtTheCursor(FxRobot robot) {
        openImageRollout(robot);
        WritableImage frame = view.frameImage();
        assertThat(frame.getWidth()).isEqualTo(W);
        assertThat(frame.getHeight()).isEqualTo(H);
        for (int[] yx : new int[][] {{0, 0}, {7, 10}, {31, 95}, {5, 5}, {20, 60}}) {
            assertThat(frame.getPixelReader().getArgb(yx[1], yx[0])).as("pixel y=%d x=%d", yx[0], yx[1])
                    .isEqualTo(expectedArgb(2, yx[0], yx[1]));
        }
        robot.interact(() -> workspace.cursor().moveTo(3));
        assertThat(view.frameImage()).isSameAs(frame);
        assertThat(frame.getPixelReader().getArgb(10, 7)).isEqualTo(expectedArgb(3, 7, 10));
    }

    @Test
    void theFrameIsScaledUpWithCrispPixels(FxRobot robot) {
        openImageRollout(robot);
        double scale = view.frameImageView().getFitWidth() / W;
        assertThat(scale).isGreaterThanOrEqualTo(2).isEqualTo(view.frameScale());
        assertThat(view.frameImageView().isSmooth()).isFalse();
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = view.frameImageView().snapshot(null, null));
        // every screen pixel of camera pixel (y=7, x=10) shows exactly its colour: no blending with neighbours
        int k = (int) scale;
        for (int dy = 0; dy < k; dy++) {
            for (int dx = 0; dx < k; dx++) {
                assertThat(shot[0].getPixelReader().getArgb(10 * k + dx, 7 * k + dy)).isEqualTo(expectedArgb(2, 7, 10));
            }
        }
    }

    @Test
    void aStepRewritesTheShownImagesInPlace(FxRobot robot) {
        openImageRollout(robot);
        CheckBox labels = robot.lookup("#" + InputFrameView.LABELS_ID).queryAs(CheckBox.class);
        robot.clickOn(labels);
        var shown = view.frameImageView().getImage();
        int k = view.frameScale();
        robot.interact(() -> workspace.cursor().moveTo(3));
        assertThat(view.frameImageView().getImage()).isSameAs(shown);
        assertThat(shown.getPixelReader().getArgb(10 * k + k - 1, 7 * k)).isEqualTo(expectedArgb(3, 7, 10));
        // the overlay follows the cursor while shown
        int got = view.labelImage().getPixelReader().getArgb(30, 3);
        assertThat(got >>> 24).isEqualTo(FramePixels.classColour(label(3, 3, 30)) >>> 24);
    }

    @Test
    void theLabelOverlayTogglesAndShowsTheClasses(FxRobot robot) {
        openImageRollout(robot);
        CheckBox labels = robot.lookup("#" + InputFrameView.LABELS_ID).queryAs(CheckBox.class);
        assertThat(labels.isDisabled()).isFalse();
        assertThat(view.labelsShown()).isFalse();
        robot.clickOn(labels);
        assertThat(view.labelsShown()).isTrue();
        for (int x : new int[] {0, 30, 50, 90}) {
            // JavaFX keeps images premultiplied, so a translucent colour reads back within a level or two
            int got = view.labelImage().getPixelReader().getArgb(x, 3);
            int want = FramePixels.classColour(label(2, 3, x));
            for (int shift = 0; shift <= 24; shift += 8) {
                assertThat((got >>> shift) & 0xff).isCloseTo((want >>> shift) & 0xff, within(2));
            }
        }
        assertThat(FramePixels.classColour(0) >>> 24).isBetween(1, 254);
        robot.clickOn(labels);
        assertThat(view.labelsShown()).isFalse();
    }

    @Test
    void theWorldLineShowsTheKeyValuesAtTheCursor(FxRobot robot) {
        openImageRollout(robot);
        Label world = robot.lookup("#" + InputFrameView.WORLD_ID).queryAs(Label.class);
        String text = world.getText();
        assertThat(text.replaceAll(" +", " ")).contains("d_lane 0.500").contains("mu 7.000").doesNotContain(" s ");
        robot.interact(() -> workspace.cursor().moveTo(0));
        assertThat(world.getText()).as("fixed widths: the line keeps its length").hasSameSizeAs(text);
    }

    @Test
    void vectorInputsAreBarsHoldingTheValuesAtTheCursor(FxRobot robot) throws Exception {
        Path model = TestModels.ltcFixture(tmp.resolve("m"));
        Path file = TestModels.rollout(tmp.resolve("v.npz"), 30, 8, 3);
        robot.interact(() -> {
            workspace.openModel(model);
            workspace.openRollout(file);
            workspace.cursor().moveTo(11);
        });
        var series = view.inputBars().getData();
        assertThat(series).hasSize(1);
        float[] inputs = workspace.rolloutProperty().get().inputs().floatsView();
        List<XYChart.Data<Number, String>> bars = series.get(0).getData();
        assertThat(bars).hasSize(8);
        for (XYChart.Data<Number, String> bar : bars) {
            int s = Integer.parseInt(bar.getYValue().substring("input_".length()));
            assertThat(bar.getXValue().floatValue()).isEqualTo(inputs[11 * 8 + s]);
        }
        var first = bars.get(0);
        robot.interact(() -> workspace.cursor().moveTo(12));
        assertThat(series.get(0).getData().get(0)).isSameAs(first);
        assertThat(first.getXValue().floatValue()).isEqualTo(inputs[12 * 8 + 7]);
        assertThat(first.getYValue()).isEqualTo("input_7");
    }

    @Test
    void theViewExportsAsANonBlankPng(FxRobot robot) throws Exception {
        openImageRollout(robot);
        Path png = tmp.resolve("frame.png");
        robot.interact(() -> view.exportPng(png));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(W);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours).hasSizeGreaterThan(50);
        try (var files = Files.list(tmp)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }
}
