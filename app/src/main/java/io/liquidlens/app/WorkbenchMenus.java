package io.liquidlens.app;

import io.liquidlens.app.workspace.WorkspaceViewModel;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/**
 * The menu bar: File (open a model and a rollout together, or either alone; recent; quit), Export, and Report
 * (causality report, drive with clamp).
 */
final class WorkbenchMenus {
    static final String OPEN_PAIR_ID = "menu-open-pair";

    private WorkbenchMenus() {
    }

    /**
     * The menu bar over {@code workspace}; {@code openPair} shows File &gt; Open..., {@code exports} is the Export
     * menu, {@code openReport} and {@code openDrive} open the Report menu's dialogs.
     */
    static MenuBar of(WorkspaceViewModel workspace, FileDialogs dialogs, Runnable openPair, ExportMenu exports,
                      Runnable openReport, Runnable openDrive) {
        MenuItem open = item("Open...", openPair);
        open.setId(OPEN_PAIR_ID);
        MenuItem openModel = item("Open model...", () -> dialogs.folder("Open a model folder (model.json + weights)",
                workspace.recent().models()).ifPresent(workspace::openModel));
        openModel.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        MenuItem openRollout = item("Open rollout...",
                () -> dialogs.rollout(workspace.recent().rollouts()).ifPresent(workspace::openRollout));
        openRollout.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+O"));
        MenuItem openRolloutFolder = item("Open rollout folder (first episode)...", () -> dialogs.folder(
                "Open a folder of rollouts (its first episode)", workspace.recent().rollouts())
                .ifPresent(workspace::openRollout));
        MenuItem quit = item("Quit", Platform::exit);
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        Menu file = new Menu("File", null, open, openModel, openRollout, openRolloutFolder,
                new RecentMenu(workspace).menu(), new SeparatorMenuItem(), quit);
        MenuItem causality = item("Causality report...", openReport);
        causality.setId(WorkbenchApp.CAUSALITY_REPORT_ID);
        return new MenuBar(file, exports.menu(), new Menu("Report", null, causality,
                item("Drive with clamp...", openDrive)));
    }

    /** A menu item labelled {@code text} that runs {@code action}. */
    static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }
}
