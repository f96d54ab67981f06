package io.liquidlens.app.saliency;

import io.liquidlens.app.input.FramePixels;
import io.liquidlens.causal.SaliencyMap;
import io.liquidlens.causal.SaliencySpec;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.InputRole;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Saliency panel: method and perturbation pickers on top, then the clean frame at the cursor with its map
 * over it beside the perturbed frame with its map (a vector model's maps as heat rows), and the SSIM and output
 * deviation line below. Nodes and drawing only; {@link SaliencyPanelViewModel} does the work.
 */
public final class SaliencyPanelView extends BorderPane {
    /** Node ids, for tests. */
    public static final String ID = "saliency-panel";
    public static final String METHOD_ID = "saliency-method";
    public static final String PERTURBATION_ID = "saliency-perturbation";
    public static final String SEED_ID = "saliency-seed";
    public static final String STATUS_ID = "saliency-status";
    public static final String CLEAN_ID = "saliency-clean";
    public static final String PERTURBED_ID = "saliency-perturbed";
    /** The row of input roles, the prefix of each input's role picker (followed by its name) and the share line. */
    public static final String ROLES_ID = "saliency-roles";
    public static final String ROLE_ID_PREFIX = "saliency-role-";
    public static final String SHARES_ID = "saliency-shares";
    public static final String OPACITY_ID = "saliency-opacity";
    public static final String SCALE_ID = "saliency-scale";

    /** Screen pixels per camera pixel, and per feature of a vector model's heat row. */
    private static final int FRAME_SCALE = 4;
    private static final int CELL_SCALE = 24;

    private final SaliencyPanelViewModel model;
    private final ImageView cleanView = image(CLEAN_ID);
    private final ImageView perturbedView = image(PERTURBED_ID);
    private final SaliencyBars cleanBars = new SaliencyBars();
    private final SaliencyBars perturbedBars = new SaliencyBars();
    private final Slider opacity = new Slider(0, 1, 1);
    private final FlowPane rolesRow = new FlowPane(10, 3);
    private final Map<String, ChoiceBox<InputRole>> pickers = new LinkedHashMap<>();

    public SaliencyPanelView(SaliencyPanelViewModel model) {
        this.model = model;
        setId(ID);
        setStyle("-fx-font-size: 11px;");
        setTop(new VBox(controls(), rolesRow()));
        HBox images = new HBox(8, side("clean", cleanView, cleanBars), side("perturbed", perturbedView,
                perturbedBars));
        images.setPadding(new Insets(4, 6, 4, 6));
        images.setAlignment(Pos.TOP_CENTER);
        images.setMinSize(0, 0);
        for (ImageView v : new ImageView[] {cleanView, perturbedView}) {
            v.fitWidthProperty().bind(images.widthProperty().subtract(30).divide(2));
        }
        setCenter(images);
        setBottom(lines());
        model.mapsProperty().addListener((obs, old, now) -> draw(now));
        draw(model.mapsProperty().get());
    }

    /** The panel's view model. */
    public SaliencyPanelViewModel model() {
        return model;
    }

    /** The clean frame with its map as drawn (enlarged), or null. */
    public WritableImage cleanImage() {
        return (WritableImage) cleanView.getImage();
    }

    /** The perturbed frame with its map as drawn (enlarged), or null. */
    public WritableImage perturbedImage() {
        return (WritableImage) perturbedView.getImage();
    }

    private void draw(StepMaps s) {
        if (s == null || !s.clean().isImage()) {
            // a vector model's map reads best as one labelled bar per input, with its value
            cleanView.setImage(null);
            perturbedView.setImage(null);
            List<String> names = List.copyOf(model.roles().rolesProperty().get().keySet());
            cleanBars.show(s == null ? null : s.cleanMap(), names);
            perturbedBars.show(s == null ? null : s.perturbedMap(), names);
            return;
        }
        cleanBars.show(null, List.of());
        perturbedBars.show(null, List.of());
        cleanView.setImage(picture(s.clean(), s.step(), s.cleanMap(), opacity.getValue()));
        perturbedView.setImage(picture(s.perturbed(), s.step(), s.perturbedMap(), opacity.getValue()));
    }

    /** The bars of the clean map of a vector model (tests). */
    SaliencyBars cleanBars() {
        return cleanBars;
    }

    /** Frame {@code t} of {@code r} with {@code map} over it at {@code opacity}, or the map alone as a heat row. */
    private static WritableImage picture(Rollout r, int t, SaliencyMap map, double opacity) {
        int h = map.height();
        int w = map.width();
        int[] pixels = new int[h * w];
        int k;
        if (r.isImage()) {
            NdArray in = r.inputs();
            int[] frame = new int[h * w];
            FramePixels.frame(in.floatsView(), t, in.dim(1), in.dim(2), in.dim(3), frame);
            SaliencyPixels.overlay(frame, map, opacity, pixels);
            k = FRAME_SCALE;
        } else {
            SaliencyPixels.heat(map, pixels);
            k = CELL_SCALE;
        }
        // enlarged here: not every JavaFX pipeline keeps pixels crisp when it scales (see InputFrameView)
        int[] big = new int[h * k * w * k];
        FramePixels.enlarge(pixels, w, h, k, big);
        WritableImage image = new WritableImage(w * k, h * k);
        image.getPixelWriter().setPixels(0, 0, w * k, h * k, PixelFormat.getIntArgbInstance(), big, 0, w * k);
        return image;
    }

    private Node controls() {
        ChoiceBox<SaliencySpec> method = new ChoiceBox<>(model.methods());
        method.setId(METHOD_ID);
        method.setConverter(new StringConverter<>() {
            @Override
            public String toString(SaliencySpec spec) {
                return spec == null ? "" : spec.label();
            }

            @Override
            public SaliencySpec fromString(String text) {
                return SaliencySpec.parse(text);
            }
        });
        method.valueProperty().bindBidirectional(model.methodProperty());
        fixWidth(method, 200);
        method.setTooltip(new Tooltip("How the map is made: VisualBackProp (the conv head's feature maps, per frame) "
                + "or a method on d output / d input (runs the steps before the cursor first)"));
        ChoiceBox<PerturbationChoice> perturbation = new ChoiceBox<>(model.perturbations());
        perturbation.setId(PERTURBATION_ID);
        perturbation.valueProperty().bindBidirectional(model.perturbationProperty());
        fixWidth(perturbation, 240);
        perturbation.setTooltip(new Tooltip("What is done to every frame of the rollout for the right-hand side"));
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, model.seedProperty().get());
        seed.setId(SEED_ID);
        seed.setEditable(true);
        seed.setPrefWidth(80);
        seed.setTooltip(new Tooltip("Seed of the perturbation's random draws and of SmoothGrad's noise"));
        seed.valueProperty().addListener((o, a, v) -> model.seedProperty().set(v));
        // a typed value counts once the field loses focus, not only on Enter
        seed.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                seed.increment(0);
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setFocusTraversable(false);
        cancel.setOnAction(e -> model.cancel());
        cancel.visibleProperty().bind(model.computingProperty());
        cancel.managedProperty().bind(model.computingProperty());
        opacity.setId(OPACITY_ID);
        opacity.setPrefWidth(90);
        opacity.setFocusTraversable(false);
        opacity.setTooltip(new Tooltip("How strongly the map's colours cover the camera frame"));
        opacity.valueProperty().addListener((o, a, b) -> draw(model.mapsProperty().get()));
        FlowPane row = new FlowPane(10, 3, group(new Label("Method:"), method),
                group(new Label("Perturbation:"), perturbation, new Label("seed"), seed),
                group(new Label("opacity"), opacity), cancel);
        row.setPadding(new Insets(3, 6, 3, 6));
        return row;
    }

    /** A picker per vector input for its role; hidden for a camera model. */
    private Node rolesRow() {
        rolesRow.setId(ROLES_ID);
        rolesRow.setPadding(new Insets(0, 6, 3, 6));
        rolesRow.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> !model.roles().rolesProperty().get().isEmpty(), model.roles().rolesProperty()));
        rolesRow.managedProperty().bind(rolesRow.visibleProperty());
        model.roles().rolesProperty().addListener((obs, old, now) -> showRoles(now));
        showRoles(model.roles().rolesProperty().get());
        return rolesRow;
    }

    /** Rebuilds the pickers for a new model's inputs; a changed role only moves its picker. */
    private void showRoles(Map<String, InputRole> now) {
        if (!pickers.isEmpty() && pickers.keySet().equals(now.keySet())) {
            now.forEach((name, role) -> pickers.get(name).setValue(role));
            return;
        }
        rolesRow.getChildren().clear();
        pickers.clear();
        if (now.isEmpty()) {
            return;
        }
        Label title = new Label("Input roles:");
        title.setTooltip(new Tooltip("What each input means for the audit; the shares below and the causality report"
                + " follow these roles for this session"));
        rolesRow.getChildren().add(title);
        now.forEach((name, role) -> {
            ChoiceBox<InputRole> picker = new ChoiceBox<>(FXCollections.observableArrayList(InputRole.values()));
            picker.setId(ROLE_ID_PREFIX + name);
            picker.setConverter(new StringConverter<>() {
                @Override
                public String toString(InputRole r) {
                    return r == null ? "" : r.text();
                }

                @Override
                public InputRole fromString(String text) {
                    return InputRole.parse(text);
                }
            });
            picker.setValue(role);
            picker.valueProperty().addListener((o, was, is) -> {
                if (is != null) {
                    model.roles().set(name, is);
                }
            });
            pickers.put(name, picker);
            rolesRow.getChildren().add(group(new Label(name), picker));
        });
    }

    private Node lines() {
        Label status = new Label();
        status.setId(STATUS_ID);
        status.setWrapText(true);
        status.setStyle("-fx-font-weight: bold;");
        status.textProperty().bind(model.statusProperty());
        Label error = new Label();
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b71c1c;");
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        Label shares = new Label();
        shares.setId(SHARES_ID);
        shares.setWrapText(true);
        shares.textProperty().bind(model.roles().lineProperty());
        shares.visibleProperty().bind(shares.textProperty().isNotEmpty());
        shares.managedProperty().bind(shares.visibleProperty());
        VBox box = new VBox(2, error, scale(), status, shares);
        box.setPadding(new Insets(3, 6, 4, 6));
        return box;
    }

    /**
     * The colour scale under the maps: each map is scaled to its own lowest and highest value at the step, so the
     * scale says low and high, not a number.
     */
    private static Node scale() {
        int w = 160;
        WritableImage ramp = new WritableImage(w, 10);
        for (int x = 0; x < w; x++) {
            int c = SaliencyPixels.colour(x / (double) (w - 1));
            for (int y = 0; y < 10; y++) {
                ramp.getPixelWriter().setArgb(x, y, c);
            }
        }
        Label low = new Label("map: low");
        low.setMinWidth(Label.USE_PREF_SIZE);
        Label high = new Label("high");
        high.setMinWidth(Label.USE_PREF_SIZE);
        HBox box = new HBox(6, low, new ImageView(ramp), high);
        Tooltip.install(box, new Tooltip("Each map is scaled to its own lowest and highest value at this step"));
        box.setId(SCALE_ID);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A drop-down that keeps its width whatever it shows or opens, so the toolbar does not move. */
    private static void fixWidth(javafx.scene.control.Control c, double width) {
        c.setMinWidth(width);
        c.setPrefWidth(width);
        c.setMaxWidth(width);
    }

    private static VBox side(String title, ImageView view, SaliencyBars bars) {
        Label caption = new Label(title);
        VBox box = new VBox(2, caption, view, bars);
        box.setAlignment(Pos.TOP_CENTER);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static ImageView image(String id) {
        ImageView v = new ImageView();
        v.setId(id);
        v.setPreserveRatio(true);
        v.setSmooth(false);
        return v;
    }

    private static HBox group(Node... nodes) {
        HBox h = new HBox(4, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }
}
