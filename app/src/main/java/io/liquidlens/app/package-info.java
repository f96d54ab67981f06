/**
 * The workbench itself: {@link io.liquidlens.app.Launcher} starts it (JavaFX needs a launcher class that is not
 * an {@code Application} when run from a shaded jar), {@link io.liquidlens.app.LaunchOptions} reads the command
 * line (a model, a rollout, the hidden probe mode), {@link io.liquidlens.app.WorkbenchApp} builds the window from
 * the views of the sub-packages around one {@link io.liquidlens.app.workspace.WorkspaceViewModel}, and
 * {@link io.liquidlens.app.Version} names the build. Depends on every app package and the public packages of
 * {@code analysis}; holds no numerics.
 */
package io.liquidlens.app;
