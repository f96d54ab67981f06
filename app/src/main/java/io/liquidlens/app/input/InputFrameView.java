package io.liquidlens.app.input;

import io.liquidlens.app.export.Export;
import io.liquidlens.app.export.ExportFiles;
import io.liquidlens.app.export.Exporter;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.traces.ColumnNames;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.io.ModelManifest;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.model.LoadedModel;
import java.io.File;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import java.util.function.BiFunction;

/**
 * What the network sees at the time cursor. For image rollouts: the camera frame, scaled up by a whole
 * factor with smoothing off so every camera pixel stays a crisp square, and optionally the label map
 * over it. For vector rollouts: one horizontal bar per input, named as the model's manifest names them.
 * Below either, the rollout's key world values at the cursor.
 *
 * <p>A rollout change builds the images or bars once; a cursor move only rewrites pixels or bar values. The
 * enlarged images the screen shows sit on {@link PixelBuffer}s: a step enlarges straight into their arrays
 * and marks them changed, with no per-step format conversion or allocation; the label overlay is only
 * computed while it is shown. The world line keeps one width (fixed-width numbers), so a step never
 * changes the layout.
 */
public final class InputFrameView extends BorderPane {
    /** Node id of this view. */
    public static final String ID = "input-frame";
    /** Node id of the "labels" check box. */
    public static final String LABELS_ID = "input-labels";
    /** Node id of the world-values line. */
    public static final String WORLD_ID = "input-world";
    /** Node id of the vector inputs' bar chart. */
    public static final String BARS_ID = "input-bars";

    /** World columns worth a glance while driving, shown in this order when the rollout has them. */
    private static final List<String> KEY_WORLD = List.of("d_lane", "mu", "kappa", "expert_action", "executed_action");
    private static final int MAX_WORLD_VALUES = 8;
    /** Largest enlargement drawn pixel by pixel; beyond it the renderer scales (1536 x 512 for 96 x 32). */
    private static final int MAX_SCALE = 16;

    private final WorkspaceViewModel workspace;
    private final Exporter exporter;
    /** The window's Export menu names this export so; its file name is made from it. */
    public static final String EXPORT_TITLE = "Input frame as PNG...";
    private BiFunction<String, String, Path> saveAs;
    private final ImageView frameView = new ImageView();
    private final ImageView labelView = new ImageView();
    private final StackPane frameStack = new StackPane(frameView, labelView);
    private final CheckBox labelsBox = new CheckBox("labels");
    private final HBox legend = legend();
    private final Label world = new Label();
    private final Label placeholder = new Label("Open a rollout to see what the network sees");
    private final BorderPane content = new BorderPane();

    private Rollout rollout;
    private float[] frames;
    private byte[] labels;
    private int height;
    private int width;
    private int channels;
    private WritableImage frame;
    private WritableImage labelImage;
    private int[] pixels;
    private int[] labelPixels;
    private int scale;
    private PixelBuffer<IntBuffer> frameBuffer;
    private PixelBuffer<IntBuffer> labelBuffer;
    private PixelBuffer<IntBuffer> shownFrame;
    private PixelBuffer<IntBuffer> shownLabels;

    private BarChart<Number, String> bars;
    private final List<XYChart.Data<Number, String>> barData = new ArrayList<>();

    private float[] worldValues;
    private WorldLine worldLine;

    /**
     * A view of {@code workspace}'s inputs whose own Export button writes on the calling thread (the view on its
     * own, tests); the workbench gives it its background {@link Exporter}.
     */
    public InputFrameView(WorkspaceViewModel workspace) {
        this(workspace, new Exporter(TaskExecutor.sameThread(), InputFrameView::exportFailed));
    }

    /** A view of {@code workspace}'s inputs; it follows the workspace from here on and exports through {@code exporter}. */
    public InputFrameView(WorkspaceViewModel workspace, Exporter exporter) {
        this.workspace = workspace;
        this.exporter = exporter;
        setId(ID);
        frameView.setSmooth(false);
        labelView.setSmooth(false);
        frameView.setPreserveRatio(false);
        labelView.setPreserveRatio(false);
        labelsBox.setId(LABELS_ID);
        labelView.visibleProperty().bind(labelsBox.selectedProperty());
        legend.visibleProperty().bind(labelsBox.selectedProperty().and(labelsBox.disabledProperty().not()));
        // the overlay is not kept up to date while hidden: draw the cursor's labels when it is shown
        labelsBox.selectedProperty().addListener((obs, old, on) -> showLabels(workspace.cursor().step()));
        frameStack.setMinSize(0, 0);
        frameStack.setAlignment(Pos.CENTER);
        frameStack.widthProperty().addListener((obs, old, now) -> fitFrame());
        frameStack.heightProperty().addListener((obs, old, now) -> fitFrame());
        legend.managedProperty().bind(legend.visibleProperty());
        world.setId(WORLD_ID);
        world.setPadding(new Insets(2, 6, 2, 6));
        world.setWrapText(true);
        world.setStyle("-fx-font-family: monospace;");
        VBox below = new VBox(4, legend, world);
        below.setPadding(new Insets(4, 6, 4, 6));
        content.setBottom(below);
        content.setMinSize(0, 0);

        Button export = new Button("Export PNG...");
        export.setOnAction(e -> chooseAndExport());
        setTop(new ToolBar(labelsBox, export));
        setCenter(content);

        workspace.rolloutProperty().addListener((obs, old, now) -> rebuild());
        workspace.modelProperty().addListener((obs, old, now) -> {
            if (rollout != null && !rollout.isImage()) {
                rebuild();
            }
        });
        workspace.cursor().stepProperty().addListener((obs, old, now) -> show(now.intValue()));
        rebuild();
    }

    /** The camera frame at native size (null unless an image rollout is loaded). */
    public WritableImage frameImage() {
        return frame;
    }

    /** The label overlay at native size (null unless the image rollout has labels). */
    public WritableImage labelImage() {
        return labelImage;
    }

    /** The node that draws the frame scaled up (its overlay is the second child). */
    public ImageView frameImageView() {
        return frameView;
    }

    /** How many screen pixels wide each camera pixel is drawn (before any shrinking to fit). */
    public int frameScale() {
        return scale;
    }

    /** True while the label overlay is shown. */
    public boolean labelsShown() {
        return labelView.isVisible() && labelImage != null;
    }

    /** The bar chart of vector inputs (null unless a vector rollout is loaded). */
    public BarChart<Number, String> inputBars() {
        return bars;
    }

    private void rebuild() {
        rollout = workspace.rolloutProperty().get();
        frames = null;
        labels = null;
        frame = null;
        labelImage = null;
        bars = null;
        barData.clear();
        readWorld();
        if (rollout == null) {
            labelsBox.setDisable(true);
            content.setCenter(placeholder);
        } else if (rollout.isImage()) {
            buildFrame();
        } else {
            buildBars();
        }
        show(workspace.cursor().step());
    }

    private void buildFrame() {
        NdArray in = rollout.inputs();
        height = in.dim(1);
        width = in.dim(2);
        channels = in.dim(3);
        frames = in.floatsView();
        frameBuffer = buffer(width, height);
        pixels = frameBuffer.getBuffer().array();
        frame = new WritableImage(frameBuffer);
        scale = 0;
        NdArray l = rollout.labels();
        if (l != null) {
            // the rollout's own bytes, shared: a copy of a long recording's label maps would stall this thread
            labels = l.bytesView();
            labelBuffer = buffer(width, height);
            labelPixels = labelBuffer.getBuffer().array();
            labelImage = new WritableImage(labelBuffer);
        }
        labelsBox.setDisable(labels == null);
        content.setCenter(frameStack);
        fitFrame();
    }

    /**
     * Enlarges the frame by the largest whole factor that fits, so camera pixels stay equal squares; the
     * enlarged images are made once per factor, not per step.
     */
    private void fitFrame() {
        if (frame == null) {
            return;
        }
        double fit = Math.min(frameStack.getWidth() / width, frameStack.getHeight() / height);
        int k = fit >= 1 ? (int) Math.min(MAX_SCALE, Math.floor(fit)) : 1;
        // a view smaller than the camera shrinks the frame: there is nothing crisp to keep then
        double shown = fit > 0 && fit < 1 ? fit : k;
        for (ImageView v : List.of(frameView, labelView)) {
            v.setFitWidth(width * shown);
            v.setFitHeight(height * shown);
        }
        if (k != scale) {
            scale = k;
            shownFrame = buffer(width * k, height * k);
            shownLabels = labelImage == null ? null : buffer(width * k, height * k);
            frameView.setImage(new WritableImage(shownFrame));
            labelView.setImage(shownLabels == null ? null : new WritableImage(shownLabels));
            show(workspace.cursor().step());
        }
    }

    /** A {@code w} x {@code h} premultiplied-ARGB pixel buffer on a plain int array, written in place. */
    private static PixelBuffer<IntBuffer> buffer(int w, int h) {
        return new PixelBuffer<>(w, h, IntBuffer.wrap(new int[w * h]), PixelFormat.getIntArgbPreInstance());
    }

    private void buildBars() {
        labelsBox.setDisable(true);
        NdArray in = rollout.inputs();
        int features = in.dim(1);
        frames = in.floatsView();
        LoadedModel m = workspace.modelProperty().get();
        List<String> named = m != null && m.manifest().inputs().kind() == ModelManifest.InputSpec.Kind.VECTOR
                ? m.manifest().inputs().names() : List.of();
        List<String> names = ColumnNames.of(named, features, "input_");
        // the value axis spans the whole rollout, so bars move against fixed ticks instead of the axis rescaling
        float lo = 0;
        float hi = 0;
        for (float v : frames) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (hi - lo < 1e-6f) {
            hi = lo + 1;
        }
        double tick = niceTick(hi - lo);
        NumberAxis values = new NumberAxis(Math.floor(lo / tick) * tick, Math.ceil(hi / tick) * tick, tick);
        values.setAnimated(false);
        CategoryAxis inputs = new CategoryAxis();
        inputs.setAnimated(false);
        bars = new BarChart<>(values, inputs);
        bars.setId(BARS_ID);
        bars.setAnimated(false);
        bars.setLegendVisible(false);
        bars.setCategoryGap(2);
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        XYChart.Data<Number, String>[] byInput = newDataArray(features);
        // categories run bottom-up; add them last-first so input 0 reads at the top
        for (int s = features - 1; s >= 0; s--) {
            byInput[s] = new XYChart.Data<>(0f, names.get(s));
            series.getData().add(byInput[s]);
        }
        barData.addAll(List.of(byInput));
        bars.getData().add(series);
        content.setCenter(bars);
    }

    @SuppressWarnings("unchecked")
    private static XYChart.Data<Number, String>[] newDataArray(int n) {
        return (XYChart.Data<Number, String>[]) new XYChart.Data[n];
    }

    /** A tick unit of 1, 2 or 5 times a power of ten giving about five ticks. */
    private static double niceTick(double span) {
        double raw = span / 5;
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / pow;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * pow;
    }

    private void readWorld() {
        worldValues = null;
        worldLine = null;
        if (rollout == null || rollout.world() == null) {
            world.setText("");
            return;
        }
        List<String> worldNames = rollout.worldNames();
        List<Integer> columns = new ArrayList<>();
        for (String key : KEY_WORLD) {
            int k = worldNames.indexOf(key);
            if (k >= 0) {
                columns.add(k);
            }
        }
        for (int k = 0; columns.isEmpty() && k < Math.min(MAX_WORLD_VALUES, worldNames.size()); k++) {
            columns.add(k);
        }
        worldLine = new WorldLine(worldNames, columns.stream().mapToInt(Integer::intValue).toArray(), rollout.steps());
        worldValues = rollout.world().floatsView();
    }

    /** Draws step {@code t}: pixels, bar values and the world line are rewritten in place. */
    private void show(int t) {
        if (rollout == null || t < 0 || t >= rollout.steps()) {
            return;
        }
        if (frame != null) {
            // frame pixels are opaque, so their ARGB is already premultiplied
            FramePixels.frame(frames, t, height, width, channels, pixels);
            frameBuffer.updateBuffer(b -> null);
            enlarge(pixels, shownFrame);
            showLabels(t);
        }
        int features = barData.size();
        for (int s = 0; s < features; s++) {
            barData.get(s).setXValue(frames[t * features + s]);
        }
        if (worldValues != null) {
            world.setText(worldLine.at(worldValues, t));
        }
    }

    /** Draws the label overlay of step {@code t}, when the rollout has labels and the overlay is shown. */
    private void showLabels(int t) {
        if (labelImage == null || !labelsBox.isSelected() || t < 0 || t >= rollout.steps()) {
            return;
        }
        FramePixels.labels(labels, t, height, width, labelPixels);
        FramePixels.premultiply(labelPixels);
        labelBuffer.updateBuffer(b -> null);
        enlarge(labelPixels, shownLabels);
    }

    /** Enlarges premultiplied native pixels into {@code target}'s array and marks it changed. */
    private void enlarge(int[] pixels, PixelBuffer<IntBuffer> target) {
        if (target == null || scale < 1) {
            return;
        }
        FramePixels.enlarge(pixels, width, height, scale, target.getBuffer().array());
        target.updateBuffer(b -> null);
    }

    private static HBox legend() {
        HBox box = new HBox(10);
        box.setAlignment(Pos.CENTER_LEFT);
        for (int c = 0; c < FramePixels.CLASS_NAMES.length; c++) {
            int argb = FramePixels.classColour(c);
            Rectangle swatch = new Rectangle(12, 12, Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff,
                    Math.max(0.6, ((argb >>> 24) & 0xff) / 255.0)));
            Label name = new Label(FramePixels.CLASS_NAMES[c], swatch);
            box.getChildren().add(name);
        }
        return box;
    }

    /** Writes what the view shows (frame or bars, and the world line) as a PNG, atomically, on the calling thread. */
    public void exportPng(Path file) {
        Export.now(pngExport(), file);
    }

    /** The PNG export: what the view shows is snapshot on the JavaFX thread, converted and encoded off it. */
    public Export pngExport() {
        return file -> {
            WritableImage snap = content.snapshot(null, null);
            return progress -> ExportFiles.writePng(file, progress, snap);
        };
    }

    /**
     * Asks {@code chooser} (title, extension to a path or null) where the Export PNG... button saves: the window's
     * dialogs, which start in the last export folder and suggest a name from the model. Without one (the view on
     * its own) a plain save dialog asks.
     */
    public void askWhereToSave(BiFunction<String, String, Path> chooser) {
        this.saveAs = chooser;
    }

    private void chooseAndExport() {
        Path target;
        if (saveAs != null) {
            target = saveAs.apply(EXPORT_TITLE, "png");
        } else {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("input.png");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
            File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            target = file == null ? null : file.toPath();
        }
        if (target != null) {
            exporter.export("Exporting the input frame", pngExport(), target);
        }
    }

    private static void exportFailed(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText("Export failed");
        alert.show();
    }
}
