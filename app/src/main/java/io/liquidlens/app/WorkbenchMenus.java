package io.liquidlens.app;

import io.liquidlens.app.workspace.WorkspaceViewModel;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/**
 * The menu bar: File (open a model and a rollout together, or either alone; recent; quit), Export, Clamp (clamp the
 * selected neurons, release, drive with the clamps) and Report (causality report).
 */
final class WorkbenchMenus {
    static final String OPEN_PAIR_ID = "menu-open-pair";
    static final String CLAMP_MENU_ID = "menu-clamp";
    static final String CLAMP_DRIVE_ID = "menu-clamp-drive";

    private WorkbenchMenus() {
    }

    /**
     * The menu bar over {@code workspace}; {@code openPair} shows File &gt; Open..., {@code exports} is the Export
     * menu, {@code openReport} opens the Report menu's dialog and {@code openDrive} the Clamp menu's drive.
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
        return new MenuBar(file, exports.menu(), clampMenu(workspace, openDrive),
                new Menu("Report", null, causality));
    }

    /**
     * The Clamp menu: the neuron menu's clamps for the selected neurons, and the closed-loop drive with the clamps
     * beside them (a clamp's consequence, not a report).
     */
    static Menu clampMenu(WorkspaceViewModel workspace, Runnable openDrive) {
        MenuItem max = item("Clamp selected neurons to their max", () ->
                workspace.selection().selected().forEach(workspace.clamps()::clampToMax));
        MenuItem min = item("Clamp selected neurons to their min", () ->
                workspace.selection().selected().forEach(workspace.clamps()::clampToMin));
        MenuItem clear = item("Release every clamp", () -> workspace.clamps().releaseAll());
        MenuItem drive = item("Drive with clamp...", openDrive);
        drive.setId(CLAMP_DRIVE_ID);
        Menu menu = new Menu("Clamp", null, max, min, clear, new SeparatorMenuItem(), drive);
        menu.setId(CLAMP_MENU_ID);
        // what can be done is decided when the menu opens: a selection and an activity to clamp
        menu.setOnShowing(e -> {
            boolean canClamp = workspace.activityProperty().get() != null && !workspace.selection().selected()
                    .isEmpty();
            max.setDisable(!canClamp);
            min.setDisable(!canClamp);
            clear.setDisable(workspace.clampsProperty().get().isEmpty());
        });
        return menu;
    }

    /** A menu item labelled {@code text} that runs {@code action}. */
    static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }
}
