package io.liquidlens.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.TestModels;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.Safetensors;
import io.liquidlens.train.NcpsInit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A 96-neuron AutoNCP: small vertices, no labels, no GraphStream edges; the synapse layer draws every synapse. */
@ExtendWith(ApplicationExtension.class)
class WiringGraphViewLargeTest {
    @TempDir
    static Path tmp;

    private WorkspaceViewModel workspace;
    private WiringGraphView view;

    /** An LTC AutoNCP(96, 1) on 8 inputs with ncps-style initial weights. */
    static Path autoNcp96(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("model.json"), """
                {"format": "liquidlens.model/1", "name": "AutoNCP 96",
                 "ncps": {"class": "LTC", "input_size": 8,
                          "units": {"class": "AutoNCP", "units": 96, "output_size": 1, "seed": 3}},
                 "weights": "model.safetensors", "head": null}
                """);
        var spec = ModelFolder.readManifest(dir).spec();
        Safetensors.write(dir.resolve("model.safetensors"), NcpsInit.initialStateDict(spec, 5));
        return dir;
    }

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "case");
        workspace = new WorkspaceViewModel(TaskExecutor.sameThread());
        workspace.openModel(autoNcp96(dir.resolve("model")));
        workspace.openRollout(TestModels.rollout(dir.resolve("r.npz"), 20, 8, 3));
        view = new WiringGraphView(workspace, TaskExecutor.sameThread());
        stage.setScene(new Scene(view, 900, 600));
        stage.show();
        view.refreshNow();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(view::close);
    }

    @Test
    void drawsEverySynapseOnTheBackLayerAndAnimatesIt(FxRobot robot) throws Exception {
        WiringGraph g = view.graph();
        assertThat(g.isLarge()).isTrue();
        assertThat(g.graph().getNodeCount()).isEqualTo(8 + 96);
        assertThat(g.graph().getEdgeCount()).isZero();
        assertThat(g.layout().links()).hasSize(workspace.synapsesProperty().get().synapses().size()).hasSizeGreaterThan(500);

        robot.interact(() -> {
            workspace.cursor().moveTo(2);
            view.refreshNow();
        });
        int[] early = g.linkLevels();
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> {
            workspace.cursor().moveTo(15);
            view.refreshNow();
            shot[0] = view.snapshot(null, null);
        });
        assertThat(g.linkLevels()).isNotEqualTo(early);
        assertThat(Arrays.stream(g.linkLevels()).filter(l -> l > 0).count()).isPositive();
        // synapse colours (green and red) are drawn between the columns
        PixelReader pixels = shot[0].getPixelReader();
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < (int) shot[0].getHeight(); y += 4) {
            for (int x = 0; x < (int) shot[0].getWidth(); x += 4) {
                colours.add(pixels.getArgb(x, y));
            }
        }
        assertThat(colours.size()).isGreaterThan(100);

        Path svg = tmp.resolve("large.svg");
        robot.interact(() -> view.exportSvg(svg));
        assertThat(Files.readString(svg)).contains("command 0 (id 1)").contains("<line");
    }
}
