package io.liquidlens.app.tree;

import io.liquidlens.tree.LabelSource;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Tree panel: the extraction's options and the Extract button on top, the tree in the middle (with the path
 * of the step at the time cursor), and below it the fidelity line, the rule that holds at the cursor, the tree's
 * decision next to the label's at the cursor, and the export buttons. Nodes and bindings only; {@link TreePanelViewModel} does the work.
 */
public final class TreePanelView extends BorderPane {
    /** Node ids, for tests. */
    public static final String ID = "tree-panel";
    public static final String EXTRACT_ID = "tree-extract";
    public static final String CANCEL_ID = "tree-cancel";
    public static final String SUMMARY_ID = "tree-summary";
    public static final String DECISION_ID = "tree-decision";
    public static final String RULE_ID = "tree-rule";
    public static final String INTER_ID = "tree-inter";
    public static final String RATES_ID = "tree-rates";
    public static final String MIN_LEAF_ID = "tree-min-leaf";
    public static final String FIND_ID = "tree-find";
    public static final String FOUND_ID = "tree-found";

    private final TreeCanvas canvas = new TreeCanvas();
    private final HBox exports = new HBox(6);
    private final TreePanelViewModel model;
    private final TextField find = new TextField();
    private final Label found = new Label();

    public TreePanelView(TreePanelViewModel model) {
        this.model = model;
        setId(ID);
        // a compact font: the tab shares the upper right with the input view, and the tree needs the height
        setStyle("-fx-font-size: 11px;");
        setTop(controls(model));
        setCenter(canvas);
        setBottom(lines(model));
        model.resultProperty().addListener((obs, old, r) -> {
            canvas.show(r == null ? null : r.tree());
            canvas.highlight(model.pathProperty().get());
            search();
        });
        model.pathProperty().addListener((obs, old, p) -> canvas.highlight(p));
    }

    /** The panel's view model. */
    public TreePanelViewModel model() {
        return model;
    }

    /** The tree's drawing. */
    public TreeCanvas canvas() {
        return canvas;
    }

    /** Adds an export button (e.g. "DOT...") that runs {@code action} (which asks for the file). */
    public void addExport(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        exports.getChildren().add(b);
    }

    private Node controls(TreePanelViewModel m) {
        CheckBox inter = check("inter", INTER_ID, "Also split on the inter neurons (the command neurons always)");
        inter.selectedProperty().bindBidirectional(m.interProperty());
        CheckBox rates = check("rates", RATES_ID, "Also each neuron's rate of change (x[t] - x[t-1]) / dt");
        rates.selectedProperty().bindBidirectional(m.ratesProperty());

        ChoiceBox<LabelSource> source = new ChoiceBox<>();
        source.getItems().setAll(LabelSource.values());
        source.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(LabelSource s) {
                return s == null ? "" : s.key();
            }

            @Override
            public LabelSource fromString(String s) {
                return LabelSource.valueOf(s.toUpperCase(java.util.Locale.ROOT));
            }
        });
        source.valueProperty().bindBidirectional(m.sourceProperty());
        source.setTooltip(new Tooltip("Whose decision the tree explains: the network's output or the expert's action"));
        ChoiceBox<String> binning = new ChoiceBox<>();
        binning.getItems().setAll("3 classes", "k bins");
        binning.setValue(m.quantileBinsProperty().get() ? "k bins" : "3 classes");
        binning.setTooltip(new Tooltip("right / straight / left, or k quantile bins"));
        Spinner<Integer> bins = new Spinner<>(2, 12, m.binsProperty().get());
        bins.setPrefWidth(46);
        source.setPrefWidth(80);
        binning.setPrefWidth(84);
        bins.disableProperty().bind(m.quantileBinsProperty().not());
        binning.valueProperty().addListener((o, a, v) -> m.quantileBinsProperty().set("k bins".equals(v)));
        bins.valueProperty().addListener((o, a, v) -> m.binsProperty().set(v));

        Spinner<Double> confidence = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.01, 0.5,
                m.confidenceProperty().get(), 0.05));
        confidence.setPrefWidth(64);
        confidence.setTooltip(new Tooltip("J48 pruning confidence, in (0, 0.5]; smaller prunes more"));
        confidence.valueProperty().addListener((o, a, v) -> m.confidenceProperty().set(v));
        Spinner<Integer> minLeaf = new Spinner<>(1, 100_000, m.minLeafProperty().get());
        minLeaf.setId(MIN_LEAF_ID);
        minLeaf.setPrefWidth(64);
        minLeaf.setTooltip(new Tooltip("J48 minimum steps per leaf"));
        minLeaf.valueProperty().addListener((o, a, v) -> m.minLeafProperty().set(v));
        for (Spinner<?> s : new Spinner<?>[] {bins, confidence, minLeaf}) {
            s.setEditable(true);
            // a typed value counts once the field loses focus, not only on Enter
            s.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    s.increment(0);
                }
            });
        }
        CheckBox unpruned = check("unpruned", "tree-unpruned", "J48 without pruning");
        unpruned.selectedProperty().bindBidirectional(m.unprunedProperty());
        confidence.disableProperty().bind(m.unprunedProperty());

        Button extract = new Button("Extract");
        extract.setId(EXTRACT_ID);
        extract.setDefaultButton(false);
        extract.setOnAction(e -> {
            // disabled while the tree is extracted, the button would hand the focus to the next control, the find
            // field, where space and arrows type instead of playing: the panel keeps it
            requestFocus();
            m.extract();
        });
        extract.disableProperty().bind(m.extractingProperty());
        Button cancel = new Button("Cancel");
        cancel.setId(CANCEL_ID);
        cancel.setOnAction(e -> m.cancel());
        cancel.visibleProperty().bind(m.extractingProperty());
        cancel.managedProperty().bind(m.extractingProperty());

        FlowPane row = new FlowPane(10, 3,
                group(new Label("Features: command +"), inter, rates),
                group(new Label("Label:"), source, binning, bins),
                group(new Label("J48: confidence"), confidence, new Label("min leaf"), minLeaf, unpruned),
                group(extract, cancel));
        row.setPadding(new Insets(3, 6, 3, 6));
        return row;
    }

    private Node lines(TreePanelViewModel m) {
        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.setWrapText(true);
        summary.textProperty().bind(m.summaryProperty());
        Label decision = new Label();
        decision.setId(DECISION_ID);
        decision.setStyle("-fx-font-weight: bold;");
        decision.textProperty().bind(m.decisionProperty());
        Label rule = new Label();
        rule.setId(RULE_ID);
        rule.setWrapText(true);
        rule.textProperty().bind(m.ruleProperty());
        Label error = new Label();
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b71c1c;");
        error.textProperty().bind(m.errorProperty());
        error.visibleProperty().bind(m.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        Button fit = new Button("Fit");
        fit.setFocusTraversable(false);
        fit.setTooltip(new Tooltip("Show the whole tree (or double-click the background); drag to pan, scroll to"
                + " zoom, click a split to collapse or expand it"));
        fit.setOnAction(e -> canvas.fit());
        Button expand = new Button("Expand all");
        expand.setFocusTraversable(false);
        expand.setTooltip(new Tooltip("Expand every collapsed subtree"));
        expand.setOnAction(e -> canvas.expandAll());
        find.setId(FIND_ID);
        find.setPromptText("find neuron");
        find.setPrefColumnCount(8);
        find.setTooltip(new Tooltip("Frame the splits on neurons whose name contains this text"));
        found.setId(FOUND_ID);
        found.setMinWidth(60);
        find.textProperty().addListener((o, a, b) -> search());
        exports.getChildren().add(new Label("Export:"));
        exports.disableProperty().bind(m.resultProperty().isNull());
        exports.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox last = new HBox(6, decision, find, found, fit, expand, exports);
        last.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(decision, javafx.scene.layout.Priority.ALWAYS);
        decision.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(2, error, summary, rule, last);
        box.setPadding(new Insets(3, 6, 4, 6));
        return box;
    }

    private void search() {
        int n = canvas.find(find.getText());
        found.setText(find.getText().isBlank() ? "" : n + (n == 1 ? " split" : " splits"));
    }

    private static CheckBox check(String text, String id, String tip) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.setTooltip(new Tooltip(tip));
        return c;
    }

    private static HBox group(Node... nodes) {
        HBox h = new HBox(4, nodes);
        h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return h;
    }
}
