package io.liquidlens.app;

import io.liquidlens.app.workspace.RecentPair;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * File &gt; Recent: the workspace's recent model-and-rollout pairs, models and rollouts, rebuilt whenever a list
 * changes. A pair opens both together; a model or a rollout opens alone, as File &gt; Open model... and Open
 * rollout... do.
 */
final class RecentMenu {
    /** The item opening recent pair {@code i} has the id {@code PAIR_ID_PREFIX + i}. */
    static final String PAIR_ID_PREFIX = "recent-pair-";

    private final Menu menu = new Menu("Recent");
    private final WorkspaceViewModel workspace;

    /** The menu of {@code workspace}'s recent files; choosing one opens it there. */
    RecentMenu(WorkspaceViewModel workspace) {
        this.workspace = workspace;
        menu.setId(WorkbenchApp.RECENT_MENU_ID);
        workspace.recent().models().addListener((ListChangeListener<Path>) c -> rebuild());
        workspace.recent().rollouts().addListener((ListChangeListener<Path>) c -> rebuild());
        workspace.recent().pairs().addListener((ListChangeListener<RecentPair>) c -> rebuild());
        rebuild();
    }

    /** The menu, for the File menu. */
    Menu menu() {
        return menu;
    }

    private void rebuild() {
        menu.getItems().clear();
        addPairs(workspace.recent().pairs());
        add("Models", workspace.recent().models(), "recent-model-", workspace::openModel);
        add("Rollouts", workspace.recent().rollouts(), "recent-rollout-", workspace::openRollout);
        MenuItem clear = new MenuItem("Clear recent");
        clear.setOnAction(e -> workspace.recent().clear());
        menu.getItems().addAll(new SeparatorMenuItem(), clear);
    }

    private void addPairs(List<RecentPair> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        menu.getItems().add(heading("Model and rollout"));
        for (int i = 0; i < pairs.size(); i++) {
            RecentPair p = pairs.get(i);
            MenuItem item = new MenuItem(p.model().getFileName() + "  +  " + p.rollout().getFileName()
                    + "   (" + p.model() + ", " + p.rollout().getParent() + ")");
            item.setMnemonicParsing(false);
            item.setId(PAIR_ID_PREFIX + i);
            item.setOnAction(e -> workspace.open(p.model(), p.rollout()));
            menu.getItems().add(item);
        }
    }

    private static MenuItem heading(String text) {
        MenuItem head = new MenuItem(text);
        head.setDisable(true);
        return head;
    }

    private void add(String heading, List<Path> paths, String idPrefix, Consumer<Path> open) {
        menu.getItems().add(heading(heading));
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
