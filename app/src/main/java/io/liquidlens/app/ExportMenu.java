package io.liquidlens.app;

import io.liquidlens.LiquidLensException;
import io.liquidlens.app.export.Export;
import io.liquidlens.app.export.ExportFiles;
import io.liquidlens.app.export.Exporter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiFunction;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;

/**
 * The Export menu and what each of its items does: ask where to save, then write through the {@link Exporter}
 * (capture now on the JavaFX thread, write in the background with progress and cancel in the status bar).
 */
final class ExportMenu {
    private final Menu menu = new Menu("Export");
    private final Exporter exporter;
    /** Asks where to save: (title, extension) to a path or null. Replaced in tests, where no dialog can open. */
    private BiFunction<String, String, Path> saveChooser;

    /** Exports through {@code exporter}, asking {@code saveChooser} for each target file. */
    ExportMenu(Exporter exporter, BiFunction<String, String, Path> saveChooser) {
        this.exporter = exporter;
        this.saveChooser = saveChooser;
        menu.setId(WorkbenchApp.EXPORT_MENU_ID);
    }

    /**
     * Adds {@code label} to the menu: choosing it asks for a file ending in {@code .extension} and exports to it.
     * An export reports a problem by throwing ({@link LiquidLensException} with a one-line message, or an
     * unchecked IO error); the exporter hands it on as one line.
     */
    void add(String label, Export export, String extension) {
        MenuItem item = new MenuItem(label);
        item.setId("export-" + label.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-+$", "").toLowerCase(Locale.ROOT));
        Runnable action = action(label, export, extension);
        item.setOnAction(e -> action.run());
        menu.getItems().add(item);
    }

    /** Asks for a file ending in {@code .extension}, then exports to it in the background. */
    Runnable action(String label, Export export, String extension) {
        return () -> {
            Path target = saveChooser.apply(label, extension);
            if (target != null) {
                exporter.export("Exporting " + label.replace("...", "").toLowerCase(Locale.ROOT), export, target);
            }
        };
    }

    /** Asks where to save, as the menu's items do: the views' own export buttons ask the same way. */
    Path ask(String title, String extension) {
        return saveChooser.apply(title, extension);
    }

    /** Replaces the save dialog (tests). */
    void setSaveChooser(BiFunction<String, String, Path> chooser) {
        this.saveChooser = chooser;
    }

    /** The menu, for the menu bar. */
    Menu menu() {
        return menu;
    }

    /**
     * What the window holding {@code node} shows, as PNG: the snapshot is taken on the JavaFX thread; converting
     * and encoding it (as long again as the snapshot for a full window) run off it, and the file is replaced
     * atomically.
     */
    static Export windowPng(Node node) {
        return file -> {
            WritableImage image = node.getScene().snapshot(null);
            return progress -> ExportFiles.writePng(file, progress, image);
        };
    }
}
