package io.liquidlens.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.TestModels;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.sim.Activity;
import io.liquidlens.sim.SynapseActivity;
import io.liquidlens.wiring.NeuronRole;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.text.Text;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.graphstream.ui.geom.Point3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The wiring graph on the 19-neuron fixture NCP (8 inputs) over a seeded 40-step rollout, headless. */
@ExtendWith(ApplicationExtension.class)
class WiringGraphViewTest {
    private static final int INPUTS = 8;
    private static final int NEURONS = 19;

    @TempDir
    static Path tmp;

    private WorkspaceViewModel workspace;
    private WiringGraphView view;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "case");
        workspace = new WorkspaceViewModel(TaskExecutor.sameThread());
        workspace.openModel(TestModels.ltcFixture(dir.resolve("model")));
        workspace.openRollout(TestModels.rollout(dir.resolve("r.npz"), 40, INPUTS, 7));
        view = new WiringGraphView(workspace, TaskExecutor.sameThread());
        stage.setScene(new Scene(view, 1000, 700));
        stage.show();
        view.refreshNow();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(view::close);
    }

    @Test
    void drawsOneVertexPerInputAndNeuronAndOneEdgePerSynapseInItsPolarityColour(FxRobot robot) {
        SynapseActivity synapses = workspace.synapsesProperty().get();
        WiringGraph g = view.graph();
        assertThat(g.graph().getNodeCount()).isEqualTo(INPUTS + NEURONS);
        assertThat(g.graph().getEdgeCount()).isEqualTo(synapses.synapses().size()).isPositive();
        // what the viewer draws follows the graph
        robot.interact(() -> assertThat(view.panel().getViewer().getGraphicGraph().getEdgeCount())
                .isEqualTo(synapses.synapses().size()));
        int excitatory = 0;
        int inhibitory = 0;
        for (int k = 0; k < synapses.synapses().size(); k++) {
            boolean exc = synapses.synapses().get(k).polarity() > 0;
            assertThat(g.classOfLink(k)).isEqualTo(exc ? "excitatory" : "inhibitory");
            assertThat(g.linkColorOf(k).getRed() > g.linkColorOf(k).getGreen()).isEqualTo(!exc);
            excitatory += exc ? 1 : 0;
            inhibitory += exc ? 0 : 1;
        }
        assertThat(excitatory).isPositive();
        assertThat(inhibitory).isPositive();
        // the fixture AutoNCP(19, 1): 1 motor (id 0), 7 command, 11 inter
        Set<String> commandClasses = new HashSet<>();
        int commands = 0;
        for (WiringLayout.Vertex v : g.layout().vertices()) {
            commands += v.role() == NeuronRole.COMMAND ? 1 : 0;
            if (v.role() == NeuronRole.COMMAND) {
                commandClasses.add(g.classesOf(v.index()));
            }
        }
        assertThat(commands).isEqualTo(7);
        assertThat(commandClasses).containsExactly("command");
        assertThat(g.classesOf(INPUTS)).isEqualTo("motor");
        assertThat(g.classesOf(INPUTS + NEURONS - 1)).isEqualTo("inter");
        assertThat(g.classesOf(0)).isEqualTo("sensory");
    }

    @Test
    void movingTheCursorRecoloursNeuronsFromTheirStateAtTheCursor(FxRobot robot) {
        Activity a = workspace.activityProperty().get();
        int neuron = 3;
        float[] series = a.stateSeries(neuron);
        int high = 0;
        int low = 0;
        for (int t = 1; t < series.length; t++) {
            high = series[t] > series[high] ? t : high;
            low = series[t] < series[low] ? t : low;
        }
        int v = INPUTS + neuron;
        int hi = high;
        robot.interact(() -> {
            workspace.cursor().moveTo(hi);
            view.refreshNow();
        });
        assertThat(view.graph().fillOf(v)).isEqualTo(ActivityColors.HIGH);
        Color highPixel = pixelNear(robot, v);
        int[] linksAtHigh = view.graph().linkLevels();
        int[] atHigh = view.graph().vertexLevels();

        int lo = low;
        robot.interact(() -> {
            workspace.cursor().moveTo(lo);
            view.refreshNow();
        });
        assertThat(view.graph().fillOf(v)).isEqualTo(ActivityColors.LOW);
        Color lowPixel = pixelNear(robot, v);
        int[] atLow = view.graph().vertexLevels();
        int differing = 0;
        for (int i = 0; i < atLow.length; i++) {
            differing += atLow[i] != atHigh[i] ? 1 : 0;
        }
        assertThat(differing).isGreaterThan(NEURONS / 2);
        assertThat(view.graph().linkLevels()).isNotEqualTo(linksAtHigh);

        // drawn: orange (red > blue) at the neuron's high, purple (blue > red) at its low
        assertThat(highPixel.getRed()).isGreaterThan(highPixel.getBlue() + 0.3);
        assertThat(lowPixel.getBlue()).isGreaterThan(lowPixel.getRed() + 0.1);
    }

    @Test
    void aStepChangeRasterisesTheSynapsesAgainAndAnUnchangedStepDrawsNothing(FxRobot robot) {
        SynapseLayer layer = view.synapseLayer();
        int[] counts = new int[6];
        int[][] levels = new int[2][];
        robot.interact(() -> {
            workspace.cursor().moveTo(5);
            view.refreshNow();
            counts[0] = layer.rasterised();
            counts[1] = layer.drawn();
            levels[0] = view.graph().vertexLevels();
            // nothing changed: no repaint at all
            view.refreshNow();
            view.refreshNow();
            counts[2] = layer.rasterised();
            counts[3] = layer.drawn();
            workspace.cursor().moveTo(30);
            view.refreshNow();
            counts[4] = layer.rasterised();
            counts[5] = layer.drawn();
            levels[1] = view.graph().vertexLevels();
        });
        assertThat(counts[2]).isEqualTo(counts[0]);
        assertThat(counts[3]).isEqualTo(counts[1]);
        assertThat(counts[4]).isEqualTo(counts[0] + 1);
        assertThat(counts[5]).isGreaterThan(counts[1]);
        assertThat(levels[1]).isNotEqualTo(levels[0]);
    }

    @Test
    void aSelectionRepaintsWithoutRasterisingTheUnchangedSynapses(FxRobot robot) {
        SynapseLayer layer = view.synapseLayer();
        int[] counts = new int[4];
        robot.interact(() -> {
            view.refreshNow();
            counts[0] = layer.rasterised();
            counts[1] = layer.drawn();
            workspace.selection().selectOnly(2);
            view.refreshNow();
            counts[2] = layer.rasterised();
            counts[3] = layer.drawn();
        });
        assertThat(view.graph().isSelected(INPUTS + 2)).isTrue();
        assertThat(counts[3]).isGreaterThan(counts[1]);
        assertThat(counts[2]).isEqualTo(counts[0]);
    }

    @Test
    void everyLabelSitsBesideItsVertexWithoutTouchingAnotherLabelOrVertex(FxRobot robot) {
        List<Bounds> labels = new ArrayList<>();
        List<Bounds> vertices = new ArrayList<>();
        List<Point2D> centres = new ArrayList<>();
        robot.interact(() -> {
            view.refreshNow();
            for (WiringLayout.Vertex v : view.graph().layout().vertices()) {
                Label label = view.labels().label(v.index());
                assertThat(label.isVisible()).isTrue();
                assertThat(shownText(label)).isEqualTo(v.label());
                labels.add(label.localToScene(label.getLayoutBounds()));
                Point3 px = view.panel().getCamera().transformGuToPx(v.x(), v.y(), 0);
                Point2D c = view.panel().localToScene(px.x, px.y);
                double half = WiringGraph.vertexSizePx(v.role(), false) / 2.0;
                centres.add(c);
                vertices.add(new BoundingBox(c.getX() - half, c.getY() - half, 2 * half, 2 * half));
            }
        });
        for (int i = 0; i < labels.size(); i++) {
            Bounds label = labels.get(i);
            // beside: level with the vertex's centre, left of an input, right of a neuron
            assertThat(Math.abs(label.getCenterY() - centres.get(i).getY())).isLessThan(2.0);
            boolean input = i < INPUTS;
            assertThat(input ? label.getMaxX() < vertices.get(i).getMinX() : label.getMinX() > vertices.get(i).getMaxX())
                    .as("label %d beside its vertex", i).isTrue();
            for (int j = 0; j < labels.size(); j++) {
                if (j != i) {
                    assertThat(label.intersects(labels.get(j))).as("labels %d and %d", i, j).isFalse();
                    assertThat(label.intersects(vertices.get(j))).as("label %d over vertex %d", i, j).isFalse();
                }
            }
        }
    }

    @Test
    void theVertexUnderThePointerIsFoundAtEveryVertexAndNowhereElse(FxRobot robot) {
        robot.interact(() -> {
            view.refreshNow();
            for (WiringLayout.Vertex v : view.graph().layout().vertices()) {
                Point3 px = view.panel().getCamera().transformGuToPx(v.x(), v.y(), 0);
                assertThat(view.vertexAt(px.x + 3, px.y - 3)).as("vertex %d", v.index()).isEqualTo(v.index());
            }
            assertThat(view.vertexAt(3, 3)).isEqualTo(-1);
        });
    }

    @Test
    void everyLegendEntryIsReadableInFullEvenInANarrowView(FxRobot robot) {
        // a narrower scene, as each test's own: TestFX shares one stage, and an explicit stage width would stick
        robot.interact(() -> {
            Stage stage = (Stage) view.getScene().getWindow();
            stage.getScene().setRoot(new Pane());
            stage.setScene(new Scene(view, 640, 700));
            stage.sizeToScene();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node legend = robot.lookup("#" + GraphLegend.ID).query();
        Set<Label> labels = robot.from(legend).lookup((Node n) -> n instanceof Label).queryAllAs(Label.class);
        assertThat(labels).extracting(Label::getText).contains("sensory", "inter", "command", "motor",
                "excitatory", "inhibitory", "state: low", "high (per neuron)");
        robot.interact(() -> {
            for (Label label : labels) {
                assertThat(shownText(label)).as("legend label").isEqualTo(label.getText());
                Bounds b = label.localToScene(label.getLayoutBounds());
                assertThat(b.getMaxX()).isLessThanOrEqualTo(view.getScene().getWidth());
            }
        });
    }

    /** The text a label actually draws (its skin elides it with "..." when it does not fit). */
    private static String shownText(Label label) {
        label.applyCss();
        label.layout();
        Text text = (Text) label.lookup(".text");
        return text == null ? label.getText() : text.getText();
    }

    @Test
    void clickingANeuronSelectsItAndShiftClickAddsAnother(FxRobot robot) {
        int command = view.graph().layout().vertices().stream()
                .filter(x -> x.role() == NeuronRole.COMMAND).findFirst().orElseThrow().index();
        int inter = INPUTS + NEURONS - 1;
        robot.clickOn(screenPoint(robot, command));
        WaitForAsyncUtils.waitForFxEvents();
        int commandId = command - INPUTS;
        assertThat(workspace.selection().selected()).containsExactly(commandId);
        robot.press(KeyCode.SHIFT).clickOn(screenPoint(robot, inter)).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workspace.selection().selected()).containsExactlyInAnyOrder(commandId, NEURONS - 1);
        assertThat(view.graph().classesOf(command)).contains("selected");
        // a selection made elsewhere moves the outline
        robot.interact(() -> workspace.selection().selectOnly(0));
        assertThat(view.graph().classesOf(INPUTS)).isEqualTo("selected,motor");
        assertThat(view.graph().classesOf(command)).isEqualTo("command");
        assertThat(view.graph().classesOf(inter)).isEqualTo("inter");
    }

    @Test
    void hoverNamesTheNeuronWithItsRoleStateAndTau(FxRobot robot) {
        int v = INPUTS + 4;
        robot.moveTo(screenPoint(robot, v));
        WaitForAsyncUtils.waitForFxEvents();
        Label hover = robot.lookup("#" + VertexHover.LABEL_ID).queryAs(Label.class);
        assertThat(hover.isVisible()).isTrue();
        assertThat(hover.getText()).contains("command 3 (id 4)").contains("state").contains("tau");
    }

    @Test
    void exportsAPngThatIsNotBlankAndAnSvgWithTheNeuronNames(FxRobot robot) throws Exception {
        Path png = Files.createDirectories(tmp.resolve("out")).resolve("graph.png");
        Path svg = tmp.resolve("out/graph.svg");
        robot.interact(() -> {
            workspace.cursor().moveTo(10);
            view.exportPng(png);
            view.exportSvg(svg);
        });
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).isGreaterThan(50);

        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        // the document names the SVG 1.1 DTD; parse it without fetching that from the web
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = xml.newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
        NodeList titles = doc.getElementsByTagName("title");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < titles.getLength(); i++) {
            names.add(titles.item(i).getTextContent());
        }
        assertThat(names).contains("motor 0 (id 0)", "command 3 (id 4)", "inter 10 (id 18)", "input_0");
        // each title belongs to its vertex's group, so SVG viewers show it on hover
        assertThat(titles.item(0).getParentNode().getNodeName()).isEqualTo("g");
        assertThat(Files.getPosixFilePermissions(svg)).contains(PosixFilePermission.OTHERS_READ);
        assertThat(Files.readString(svg)).contains(">C3<").contains(">excitatory<");
        try (var files = Files.list(png.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("graph.png", "graph.svg");
        }
    }

    /** Screen coordinates of vertex {@code v}'s centre. */
    private Point2D screenPoint(FxRobot robot, int v) {
        Point2D[] p = new Point2D[1];
        robot.interact(() -> {
            view.refreshNow();
            WiringLayout.Vertex vertex = view.graph().layout().vertices().get(v);
            Point3 px = view.panel().getCamera().transformGuToPx(vertex.x(), vertex.y(), 0);
            p[0] = view.panel().localToScreen(px.x, px.y);
        });
        return p[0];
    }

    /** The colour drawn a little off vertex {@code v}'s centre. */
    private Color pixelNear(FxRobot robot, int v) {
        Color[] c = new Color[1];
        robot.interact(() -> {
            WiringLayout.Vertex vertex = view.graph().layout().vertices().get(v);
            Point3 px = view.panel().getCamera().transformGuToPx(vertex.x(), vertex.y(), 0);
            PixelReader pixels = view.panel().snapshot(null, null).getPixelReader();
            c[0] = pixels.getColor((int) Math.round(px.x) + 2, (int) Math.round(px.y) - 2);
        });
        return c[0];
    }

    /** The neuron menu: right-click a command neuron, clamp it to its max, release all. */
    @Test
    void rightClickingANeuronClampsItToItsMaxAndRingsIt(FxRobot robot) {
        Activity original = workspace.activityProperty().get();
        WiringLayout.Vertex command = view.graph().layout().vertices().stream()
                .filter(v -> v.role() == NeuronRole.COMMAND).findFirst().orElseThrow();
        float max = workspace.clamps().rangeOf(command.id())[1];
        Point2D[] at = new Point2D[1];
        robot.interact(() -> {
            view.refreshNow();
            at[0] = view.panel().localToScreen(view.synapseLayer().x(command.index()),
                    view.synapseLayer().y(command.index()));
        });

        robot.moveTo(at[0]).clickOn(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.neuronMenu().isShowing()).isTrue();
        robot.clickOn("#" + NeuronContextMenu.Item.MAX.id());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(workspace.activityProperty().get()).isNotSameAs(original);
        assertThat(workspace.activityProperty().get().state(10, command.id())).isEqualTo(max);
        assertThat(view.graph().isClamped(command.index())).isTrue();
        assertThat(view.graph().classesOf(command.index())).contains(WiringGraph.CLASS_CLAMPED);
        Label line = robot.lookup("#" + ClampMarks.LINE_ID).queryAs(Label.class);
        assertThat(line.isVisible()).isTrue();
        assertThat(line.getText()).contains(command.name());

        robot.interact(() -> {
            view.openNeuronMenu(command.index());
            view.neuronMenu().getItems().stream().filter(i -> NeuronContextMenu.Item.RELEASE_ALL.id().equals(i.getId()))
                    .findFirst().orElseThrow().fire();
        });
        assertThat(workspace.activityProperty().get()).isSameAs(original);
        assertThat(view.graph().isClamped(command.index())).isFalse();
        assertThat(line.isVisible()).isFalse();
    }
}
