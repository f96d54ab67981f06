/**
 * The workbench itself: {@link io.liquidlens.app.Launcher} starts it (JavaFX needs a launcher class that is not an
 * {@code Application} when run from a shaded jar), {@link io.liquidlens.app.LaunchOptions} reads the command line (a
 * model, a rollout, the hidden {@link io.liquidlens.app.ProbeMode}), and {@link io.liquidlens.app.WorkbenchApp} puts
 * the window together around one {@link io.liquidlens.app.workspace.WorkspaceViewModel}: {@link
 * io.liquidlens.app.WorkbenchMenus} (with {@link io.liquidlens.app.RecentMenu}, {@link io.liquidlens.app.ExportMenu},
 * {@link io.liquidlens.app.FileDialogs} and File &gt; Open...'s {@link io.liquidlens.app.OpenPairDialog}), {@link
 * io.liquidlens.app.WorkbenchLayout} (the named slots), {@link
 * io.liquidlens.app.WorkbenchViews} (the sub-packages' views in them), {@link io.liquidlens.app.StatusBar} (with
 * {@code TasksButton}, every running task with its own Cancel), {@link io.liquidlens.app.FileDrop}, File &gt; Import
 * checkpoint... ({@link io.liquidlens.app.ImportCheckpointAction}, which also takes a checkpoint dropped on the
 * window), and the Report menu's {@link io.liquidlens.app.CausalityReportAction} and {@link
 * io.liquidlens.app.DriveWithClampAction}; {@code HelpMenu} (the F1 shortcut sheet, the README, About); {@code
 * WindowPlacement} (where the window opens: where the user left it, or a first size that uses the screen); {@code
 * LoadingVeil} (a progress indicator over the empty views until the first activity arrives). {@link
 * io.liquidlens.app.Version} names the build. Depends on every app package ({@code app.drive}, {@code app.dynamics}, {@code app.export},
 * {@code app.graph}, {@code app.importing}, {@code app.input}, {@code app.playback}, {@code
 * app.report}, {@code app.saliency}, {@code app.task}, {@code app.traces}, {@code app.tree} and {@code app.workspace})
 * and, of {@code analysis}, {@code io} (the input roles the Saliency tab hands the report), {@code model} and {@code
 * tree.service} (the Tree exports); holds no numerics.
 */
package io.liquidlens.app;
