package io.liquidlens.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The window's file dialogs: where to open a model or a rollout (starting in the folder of the most recent one
 * that still exists) and where to save an export: in the folder the last export went to (remembered across
 * sessions), under a name made of what is loaded and what is exported ({@code ncp-lanekeeping-tree.dot}).
 */
final class FileDialogs {
    private static final String LAST_EXPORT_FOLDER = "export.folder";
    private final Window owner;
    private final Supplier<String> stem;
    private final Preferences store;
    private KeepMaximised keeper;

    /**
     * Dialogs owned by {@code owner}; {@code stem} names what is loaded (e.g. the model folder's name) for the
     * suggested file names; the last export folder is kept in {@code store}.
     */
    FileDialogs(Window owner, Supplier<String> stem, Preferences store) {
        this.owner = owner;
        this.stem = stem;
        this.store = store;
    }

    /** Keeps {@code owner} maximised across these dialogs (a window manager may unmaximise it while one is up). */
    void keepMaximised(KeepMaximised keeper) {
        this.keeper = keeper;
    }

    /** Asks for a folder, titled {@code title}, starting beside the first of {@code recent} that still exists. */
    Optional<Path> folder(String title, List<Path> recent) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        initialFolder(recent).ifPresent(chooser::setInitialDirectory);
        return Optional.ofNullable(shown(() -> chooser.showDialog(owner))).map(File::toPath);
    }

    /** Asks for a rollout file ({@code .npz}), starting beside the first of {@code recent} that still exists. */
    Optional<Path> rollout(List<Path> recent) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a rollout");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Rollouts (*.npz)", "*.npz"));
        initialFolder(recent).ifPresent(chooser::setInitialDirectory);
        return Optional.ofNullable(shown(() -> chooser.showOpenDialog(owner))).map(File::toPath);
    }

    /**
     * Asks where to save a file ending in {@code .extension}, or null when the user cancels; a name typed without
     * that ending gets it.
     */
    Path saveFile(String title, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                extension.toUpperCase(Locale.ROOT) + " (*." + extension + ")", "*." + extension));
        chooser.setInitialFileName(suggestedName(stem.get(), title, extension));
        exportFolder().ifPresent(chooser::setInitialDirectory);
        File f = shown(() -> chooser.showSaveDialog(owner));
        if (f == null) {
            return null;
        }
        Path p = f.toPath();
        if (p.getParent() != null) {
            store.put(LAST_EXPORT_FOLDER, p.getParent().toAbsolutePath().toString());
        }
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + extension) ? p
                : p.resolveSibling(p.getFileName() + "." + extension);
    }

    /**
     * The name offered for an export titled {@code title} ("Tree as DOT..."): what is loaded, then what the export
     * is, in lower case, e.g. {@code ncp-lanekeeping-tree.dot}.
     */
    static String suggestedName(String stem, String title, String extension) {
        String what = title.replace("...", "").replaceAll("(?i)\\s+as\\s+\\w+$", "").trim()
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String base = stem == null ? "" : stem.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        base = base.isEmpty() ? "liquidlens" : base;
        return (what.isEmpty() ? base : base + "-" + what) + "." + extension;
    }

    /** The folder the last export went to, when it still exists; else the home folder. */
    private Optional<File> exportFolder() {
        String last = store.get(LAST_EXPORT_FOLDER, null);
        File folder = last == null ? new File(System.getProperty("user.home")) : new File(last);
        return folder.isDirectory() ? Optional.of(folder) : Optional.empty();
    }

    private File shown(Supplier<File> chooser) {
        return keeper == null ? chooser.get() : keeper.around(chooser);
    }

    private static Optional<File> initialFolder(List<Path> recent) {
        return recent.stream().map(Path::getParent).filter(p -> p != null && p.toFile().isDirectory())
                .map(Path::toFile).findFirst();
    }
}
