package io.liquidlens.app.importing;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * File > Import checkpoint...: what was read from the checkpoint, a field per setting no tensor records (marked
 * "assumed" while it holds ncps's default), the model's name, its input names and roles and the target folder, bound to an
 * {@link ImportFormViewModel}. "Import" keeps the form open while the folder is written, and closes it once the
 * model opens; a problem is one line in the form. "Cancel" stops what runs and closes.
 */
public final class ImportFormDialog extends Dialog<ButtonType> {
    /** Node ids, for tests. */
    public static final String READ_ID = "import-read";
    public static final String SETTINGS_ID = "import-settings";
    public static final String NAME_ID = "import-name";
    public static final String INPUTS_ID = "import-inputs";
    public static final String ROLES_ID = "import-roles";
    public static final String TARGET_ID = "import-target";
    public static final String ERROR_ID = "import-error";
    /** Id prefixes of a setting's field and its "assumed" mark, followed by the key. */
    public static final String SETTING_ID_PREFIX = "import-setting-";
    public static final String ASSUMED_ID_PREFIX = "import-assumed-";
    /** The button that writes the folder. */
    public static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);

    private final ImportFormViewModel form;
    private final GridPane settingsGrid = new GridPane();

    /** A form over {@code form}, owned by {@code owner} (may be null). */
    public ImportFormDialog(ImportFormViewModel form, Window owner) {
        this.form = form;
        setTitle("Import checkpoint");
        setHeaderText("A checkpoint ncps wrote, as a model folder (liquidlens import)");
        if (owner != null) {
            initOwner(owner);
        }
        setResizable(true);
        getDialogPane().getButtonTypes().addAll(IMPORT, ButtonType.CANCEL);
        getDialogPane().setContent(content());
        Button importButton = (Button) getDialogPane().lookupButton(IMPORT);
        importButton.disableProperty().bind(form.inspectionProperty().isNull().or(form.runningProperty()));
        // the form stays open while the folder is written; it closes when the model is opened
        importButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            form.importModel();
        });
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.addEventFilter(ActionEvent.ACTION, e -> form.cancel());
        form.importedProperty().addListener((obs, old, folder) -> {
            if (folder != null) {
                setResult(IMPORT);
                close();
            }
        });
        form.settings().addListener((ListChangeListener<ImportSetting>) c -> fillSettings());
        form.inspectionProperty().addListener((obs, old, now) -> fillSettings());
        form.runningProperty().addListener((obs, was, is) -> fillSettings());
        // what was read may arrive after the rows, and wraps to more lines than the form opened with
        form.readProperty().addListener((obs, old, now) -> growToContent());
        // closed by the window's own close box: nothing keeps reading or writing for a form no one sees
        setOnHidden(e -> form.cancel());
        fillSettings();
    }

    private Node content() {
        Label read = new Label();
        read.setId(READ_ID);
        read.setWrapText(true);
        read.textProperty().bind(form.readProperty());
        // a wrapped label in a box is otherwise cut to one line with an ellipsis
        read.setMinHeight(Region.USE_PREF_SIZE);

        settingsGrid.setId(SETTINGS_ID);
        settingsGrid.setHgap(8);
        settingsGrid.setVgap(4);

        TextField name = field(NAME_ID, form.nameProperty());
        TextField inputs = field(INPUTS_ID, form.inputsProperty());
        inputs.setPromptText("e.g. d_lane, mu, kappa (empty: input_0, input_1, ...)");
        TextField roles = field(ROLES_ID, form.rolesProperty());
        roles.setPromptText("e.g. noise1=distractor, spurious=distractor (task, distractor or other)");
        TextField target = field(TARGET_ID, form.targetProperty());
        Button chooseTarget = new Button("Choose...");
        chooseTarget.setOnAction(e -> chooseFolder(target.getText()).ifPresent(p -> target.setText(p.toString())));
        HBox targetRow = new HBox(6, target, chooseTarget);
        HBox.setHgrow(target, Priority.ALWAYS);

        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(6);
        fields.addRow(0, new Label("Model name:"), name);
        fields.addRow(1, new Label("Input names:"), inputs);
        fields.addRow(2, new Label("Input roles:"), roles);
        fields.addRow(3, new Label("Target folder:"), targetRow);
        GridPane.setHgrow(targetRow, Priority.ALWAYS);

        Label error = new Label();
        error.setId(ERROR_ID);
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b71c1c;");
        error.textProperty().bind(form.errorProperty());
        error.visibleProperty().bind(form.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        ProgressBar progress = new ProgressBar();
        progress.visibleProperty().bind(form.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setMaxWidth(Double.MAX_VALUE);

        VBox box = new VBox(8, new Label("What the checkpoint holds:"), read,
                new Label("Settings no tensor records (ncps's defaults unless changed):"), settingsGrid, fields,
                error, progress);
        box.setPadding(new Insets(10));
        box.setPrefWidth(620);
        return box;
    }

    private void fillSettings() {
        settingsGrid.getChildren().clear();
        int row = 0;
        for (ImportSetting s : form.settings()) {
            TextField value = field(SETTING_ID_PREFIX + s.key(), s.valueProperty());
            value.setPrefColumnCount(10);
            Label assumed = new Label("assumed (" + s.why() + ")");
            assumed.setWrapText(true);
            assumed.setPrefWidth(280);
            assumed.setMinHeight(Region.USE_PREF_SIZE);
            Label key = new Label(s.key());
            key.setMinWidth(Region.USE_PREF_SIZE);
            assumed.setId(ASSUMED_ID_PREFIX + s.key());
            assumed.setStyle("-fx-text-fill: #8a6d00;");
            assumed.visibleProperty().bind(s.assumedProperty());
            settingsGrid.addRow(row++, key, value, assumed);
        }
        if (row == 0) {
            boolean reading = form.inspectionProperty().get() == null && form.runningProperty().get();
            settingsGrid.addRow(0, new Label(reading ? "(reading ...)" : "(none)"));
        }
        growToContent();
    }

    /**
     * The form opens before the checkpoint is read; once it is, the window grows to show what was read and the
     * buttons under it (it kept its first size, cutting both off), at most to the screen's height.
     */
    private void growToContent() {
        Window window = getDialogPane().getScene() == null ? null : getDialogPane().getScene().getWindow();
        if (window == null || !window.isShowing()) {
            return;
        }
        Scene scene = window.getScene();
        // the rows just added have no style yet, so their preferred sizes would be too small
        getDialogPane().applyCss();
        Rectangle2D screen = Screen.getScreensForRectangle(window.getX(), window.getY(), 1, 1).stream().findFirst()
                .orElse(Screen.getPrimary()).getVisualBounds();
        double frameWidth = window.getWidth() - scene.getWidth();
        double frameHeight = window.getHeight() - scene.getHeight();
        double width = Math.min(Math.max(scene.getWidth(), getDialogPane().prefWidth(-1)),
                screen.getWidth() - frameWidth);
        double height = Math.min(Math.max(scene.getHeight(), getDialogPane().prefHeight(width)),
                screen.getHeight() - frameHeight);
        if (width > scene.getWidth() + 0.5 || height > scene.getHeight() + 0.5) {
            window.setWidth(width + frameWidth);
            window.setHeight(height + frameHeight);
            window.setY(Math.max(screen.getMinY(), Math.min(window.getY(), screen.getMaxY() - window.getHeight())));
        }
    }

    private static TextField field(String id, StringProperty property) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    private Optional<Path> chooseFolder(String current) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder to write the model to (new, or one LiquidLens wrote)");
        try {
            Path parent = current == null || current.isBlank() ? null : Path.of(current).toAbsolutePath().getParent();
            if (parent != null && parent.toFile().isDirectory()) {
                chooser.setInitialDirectory(parent.toFile());
            }
        } catch (InvalidPathException e) {
            // a field that is no path yet: the chooser starts where the platform starts it
        }
        return Optional.ofNullable(chooser.showDialog(getOwner())).map(File::toPath);
    }
}
