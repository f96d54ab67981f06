package io.liquidlens.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The window's file dialogs: where to open a model or a rollout (starting in the folder of the most recent one
 * that still exists) and where to save an export.
 */
final class FileDialogs {
    private final Window owner;

    /** Dialogs owned by {@code owner}. */
    FileDialogs(Window owner) {
        this.owner = owner;
    }

    /** Asks for a folder, titled {@code title}, starting beside the first of {@code recent} that still exists. */
    Optional<Path> folder(String title, List<Path> recent) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        initialFolder(recent).ifPresent(chooser::setInitialDirectory);
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }

    /** Asks for a rollout file ({@code .npz}), starting beside the first of {@code recent} that still exists. */
    Optional<Path> rollout(List<Path> recent) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a rollout");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Rollouts (*.npz)", "*.npz"));
        initialFolder(recent).ifPresent(chooser::setInitialDirectory);
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
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
        chooser.setInitialFileName("liquidlens." + extension);
        File f = chooser.showSaveDialog(owner);
        if (f == null) {
            return null;
        }
        Path p = f.toPath();
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + extension) ? p
                : p.resolveSibling(p.getFileName() + "." + extension);
    }

    private static Optional<File> initialFolder(List<Path> recent) {
        return recent.stream().map(Path::getParent).filter(p -> p != null && p.toFile().isDirectory())
                .map(Path::toFile).findFirst();
    }
}
