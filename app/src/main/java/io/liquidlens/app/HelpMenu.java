package io.liquidlens.app;

import io.liquidlens.app.playback.PlaybackKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Help menu: the shortcut sheet (F1), where the documentation is, and About. A link is offered to the system's
 * browser and its path shown with a Copy button beside it, since a browser may not be set up and then nothing opens.
 */
final class HelpMenu {
    /** Node ids and the sheet's title, for tests. */
    static final String MENU_ID = "help-menu";
    static final String SHORTCUTS_TITLE = "LiquidLens shortcuts";
    static final String ABOUT_TITLE = "About LiquidLens";
    /** What the workbench is built on, for About. */
    static final List<String> LIBRARIES = List.of("JavaFX 21", "GraphStream 2.0", "JFreeChart 1.5 / chart.fx 2.0",
            "Weka 3.8 (J48)", "Apache PDFBox 3.0", "picocli 4", "Jackson 2");

    private final Window owner;
    private final Consumer<String> browse;
    private Stage sheet;

    /** @param browse opens a URI in the system's browser (may do nothing when none is set up) */
    HelpMenu(Window owner, Consumer<String> browse) {
        this.owner = owner;
        this.browse = browse;
    }

    Menu menu() {
        MenuItem shortcuts = WorkbenchMenus.item("Keyboard shortcuts", this::showShortcuts);
        shortcuts.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        MenuItem docs = WorkbenchMenus.item("Documentation (README)...", this::showDocumentation);
        MenuItem about = WorkbenchMenus.item("About LiquidLens", this::showAbout);
        Menu help = new Menu("Help", null, shortcuts, docs, about);
        help.setId(MENU_ID);
        return help;
    }

    /** The shortcut sheet: one window, brought to front when asked again. */
    void showShortcuts() {
        if (sheet == null) {
            GridPane grid = new GridPane();
            grid.setHgap(18);
            grid.setVgap(6);
            grid.setPadding(new Insets(14));
            List<String[]> rows = new ArrayList<>(PlaybackKeys.SHEET);
            rows.add(new String[] {"Click a chart", "move the cursor to that step"});
            rows.add(new String[] {"Wheel / drag on a chart", "zoom / pan the steps shown"});
            rows.add(new String[] {"Click / Shift-click a neuron", "show it in the charts / add it"});
            rows.add(new String[] {"Click a tree split", "collapse or expand its subtree"});
            rows.add(new String[] {"Ctrl+O / Ctrl+Shift+O", "open a model / a rollout"});
            rows.add(new String[] {"F1", "this sheet (Esc closes it)"});
            rows.add(new String[] {"Ctrl+Q", "quit"});
            for (int r = 0; r < rows.size(); r++) {
                Label key = new Label(rows.get(r)[0]);
                key.setStyle("-fx-font-weight: bold;");
                grid.addRow(r, key, new Label(rows.get(r)[1]));
            }
            Label note = new Label("The playback keys work whatever pane has focus, except in a text field, on a"
                    + " focused button (space) and in lists, sliders and drop-downs (arrows).");
            note.setWrapText(true);
            note.setMaxWidth(420);
            VBox box = new VBox(10, grid, note);
            box.setPadding(new Insets(0, 0, 12, 14));
            sheet = new Stage();
            sheet.initOwner(owner);
            sheet.setTitle(SHORTCUTS_TITLE);
            sheet.setScene(new Scene(box));
            // a sheet to glance at: the key that closes a glance, not only the window manager's close button
            sheet.getScene().setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    sheet.hide();
                }
            });
        }
        if (sheet.isShowing()) {
            sheet.toFront();
        } else {
            WindowSizes.show(sheet);
        }
    }

    private void showDocumentation() {
        Path readme = readme();
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("Documentation");
        if (readme == null) {
            alert.setHeaderText("README.md is at the top of the LiquidLens checkout (none above this folder)");
            alert.getDialogPane().setContent(copyableLine(Path.of("").toAbsolutePath().toString()));
            alert.show();
            return;
        }
        String where = readme.toAbsolutePath().toUri().toString();
        alert.setHeaderText("The README of this checkout; if no browser opens, copy its path");
        alert.getDialogPane().setContent(copyableLine(readme.toAbsolutePath().toString()));
        ButtonType open = new ButtonType("Open in browser");
        alert.getButtonTypes().setAll(open, ButtonType.CLOSE);
        alert.showAndWait().filter(open::equals).ifPresent(b -> browse.accept(where));
    }

    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle(ABOUT_TITLE);
        alert.setHeaderText("LiquidLens " + Version.current());
        Label text = new Label("An interpretability workbench for liquid neural networks (LTC and CfC cells wired as"
                + " Neural Circuit Policies, as ncps trains them).\n\nLicence: GNU GPL 3.0 or later (see LICENSE)."
                + "\n\nBuilt on " + String.join(", ", LIBRARIES) + ".");
        text.setWrapText(true);
        // a preferred width, not only a maximum: else the dialog asks for the text's width on one line, and under a
        // window manager it was then cut to that one line's height
        text.setPrefWidth(440);
        alert.getDialogPane().setContent(text);
        alert.show();
    }

    /** A path or link that can be selected and copied, with a Copy button. */
    static HBox copyableLine(String text) {
        TextField field = new TextField(text);
        field.setEditable(false);
        field.setPrefColumnCount(Math.min(60, Math.max(20, text.length())));
        Button copy = new Button("Copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox line = new HBox(6, field, copy);
        line.setPadding(new Insets(6, 0, 0, 0));
        return line;
    }

    /** The README of the checkout the workbench runs from (the working folder or above the app jar), or null. */
    private static Path readme() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("sample-models"))) {
                return p.resolve("README.md");
            }
        }
        return null;
    }

    /** The sheet window once shown (tests). */
    Stage sheet() {
        return sheet;
    }

    /** Shows the About dialog without waiting (tests). */
    void about() {
        showAbout();
    }
}
