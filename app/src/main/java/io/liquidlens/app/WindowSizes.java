package io.liquidlens.app;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Shows a window at the size its scene asked for. Under a window manager (seen with openbox) a stage sized only by
 * its scene maps at 200 x 200, or at its minimum size when it has one: the size the stage had when it was mapped is
 * lost. The same size set again once the window is up (its frame is known by then) sticks, so that is what this does.
 */
final class WindowSizes {
    private WindowSizes() {
    }

    /** Shows {@code stage} and, once it is up, gives its scene back the size and place it was shown with. */
    static void show(Stage stage) {
        show(stage, false);
    }

    /**
     * As {@link #show(Stage)}, then maximises {@code stage} if {@code maximise}: after its size is set, so that
     * size is the one it returns to when the user unmaximises it.
     */
    static void show(Stage stage, boolean maximise) {
        stage.show();
        double width = stage.getScene().getWidth();
        double height = stage.getScene().getHeight();
        double x = stage.getX();
        double y = stage.getY();
        NextPulse.run(() -> {
            hold(stage, width, height, x, y);
            if (maximise && stage.isShowing()) {
                stage.setMaximized(true);
            }
        });
    }

    /** Sizes {@code stage} so its scene is {@code width} x {@code height} and puts it at {@code x, y} if known. */
    static void hold(Stage stage, double width, double height, double x, double y) {
        if (!stage.isShowing() || width <= 0 || height <= 0) {
            return;
        }
        boolean maximised = stage.isMaximized();
        stage.setWidth(width + frame(stage.getWidth() - stage.getScene().getWidth()));
        stage.setHeight(height + frame(stage.getHeight() - stage.getScene().getHeight()));
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(x);
            stage.setY(y);
        }
        // the size above is what the window returns to when unmaximised; it must not unmaximise it
        stage.setMaximized(maximised);
    }

    /**
     * Grows {@code window} (shown) so its scene is at least as large as its content prefers: a dialog mapped at
     * 200 x 200 by openbox showed a corner of its form.
     */
    static void atLeastPreferred(Window window) {
        Scene scene = window.getScene();
        if (!window.isShowing() || scene == null || scene.getRoot() == null) {
            return;
        }
        Parent content = scene.getRoot();
        // the window's size, not the scene's: the scene learns of the window manager's size a moment later
        double width = content.prefWidth(-1) + frame(window.getWidth() - scene.getWidth());
        double height = content.prefHeight(content.prefWidth(-1)) + frame(window.getHeight() - scene.getHeight());
        // set even when it looks right already: openbox's 200 x 200 can still be on its way, and a size asked for
        // after the window is up is the one that stands (as for the main window)
        window.setWidth(Math.max(window.getWidth(), width));
        window.setHeight(Math.max(window.getHeight(), height));
    }

    /** The window manager's frame along one side, or 0 when what was measured cannot be one. */
    private static double frame(double measured) {
        return measured >= 0 && measured < 200 ? measured : 0;
    }
}
