package io.liquidlens.app;

import io.liquidlens.app.workspace.WorkspaceViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** File &gt; Recent: the workspace's recent models and rollouts, rebuilt whenever either list changes. */
final class RecentMenu {
    private final Menu menu = new Menu("Recent");
    private final WorkspaceViewModel workspace;

    /** The menu of {@code workspace}'s recent files; choosing one opens it there. */
    RecentMenu(WorkspaceViewModel workspace) {
        this.workspace = workspace;
        menu.setId(WorkbenchApp.RECENT_MENU_ID);
        workspace.recent().models().addListener((ListChangeListener<Path>) c -> rebuild());
        workspace.recent().rollouts().addListener((ListChangeListener<Path>) c -> rebuild());
        rebuild();
    }

    /** The menu, for the File menu. */
    Menu menu() {
        return menu;
    }

    private void rebuild() {
        menu.getItems().clear();
        add("Models", workspace.recent().models(), "recent-model-", workspace::openModel);
        add("Rollouts", workspace.recent().rollouts(), "recent-rollout-", workspace::openRollout);
        MenuItem clear = new MenuItem("Clear recent");
        clear.setOnAction(e -> workspace.recent().clear());
        menu.getItems().addAll(new SeparatorMenuItem(), clear);
    }

    private void add(String heading, List<Path> paths, String idPrefix, Consumer<Path> open) {
        MenuItem head = new MenuItem(heading);
        head.setDisable(true);
        menu.getItems().add(head);
        for (int i = 0; i < paths.size(); i++) {
            Path p = paths.get(i);
            MenuItem item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setId(idPrefix + i);
            item.setOnAction(e -> open.accept(p));
            menu.getItems().add(item);
        }
    }
}
