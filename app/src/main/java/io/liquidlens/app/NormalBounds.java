package io.liquidlens.app;

import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The main window's place and content size while not maximised, put back when the user unmaximises it: under
 * openbox a JavaFX window came back from maximised at nearly the whole screen, whatever size it had before.
 */
final class NormalBounds {
    /** How long after unmaximising the window manager's own idea of the size is still overruled. */
    private static final Duration SETTLE = Duration.millis(300);
    private final Stage stage;
    private final Scene scene;
    private final InvalidationListener follow = o -> follow();
    private final ChangeListener<Boolean> unmaximised = (obs, was, now) -> {
        if (was && !now) {
            putBack();
            waiting = false;
        }
    };
    /**
     * True from showing a window that is to open maximised until it is first unmaximised: the sizes the window
     * manager gives it while mapping it (its minimum, under openbox) are not the user's.
     */
    private boolean waiting;
    /** x, y of the window and width, height of its scene, the last time it was not maximised; null before that. */
    private Rectangle2D last;

    private NormalBounds(Stage stage) {
        this.stage = stage;
        this.scene = stage.getScene();
    }

    /**
     * Follows {@code stage} (just shown, with its scene set) from now on; where it is and its scene's size now are
     * its normal bounds. If {@code maximising} (it is about to be maximised), they stay so until it is unmaximised.
     */
    static NormalBounds install(Stage stage, boolean maximising) {
        NormalBounds bounds = new NormalBounds(stage);
        stage.xProperty().addListener(bounds.follow);
        stage.yProperty().addListener(bounds.follow);
        bounds.scene.widthProperty().addListener(bounds.follow);
        bounds.scene.heightProperty().addListener(bounds.follow);
        stage.maximizedProperty().addListener(bounds.unmaximised);
        bounds.follow();
        bounds.waiting = maximising;
        return bounds;
    }

    /** Stops following the window (it is closing). */
    void uninstall() {
        stage.xProperty().removeListener(follow);
        stage.yProperty().removeListener(follow);
        scene.widthProperty().removeListener(follow);
        scene.heightProperty().removeListener(follow);
        stage.maximizedProperty().removeListener(unmaximised);
    }

    /** Where the window was, and its scene's size, the last time it was not maximised; null if never. */
    Rectangle2D last() {
        return last;
    }

    private void follow() {
        boolean normal = stage.isShowing() && !stage.isMaximized() && stage.getScene() == scene;
        if (!waiting && normal && scene.getWidth() > 0) {
            last = new Rectangle2D(stage.getX(), stage.getY(), scene.getWidth(), scene.getHeight());
        }
    }

    /**
     * At once, and again a moment later: openbox sent the whole screen's size a little after the window had been
     * unmaximised, and that size must not stand.
     */
    private void putBack() {
        Rectangle2D before = last;
        if (before == null) {
            return;
        }
        putBack(before);
        PauseTransition moment = new PauseTransition(SETTLE);
        moment.setOnFinished(e -> putBack(before));
        moment.play();
    }

    private void putBack(Rectangle2D bounds) {
        if (stage.isShowing() && !stage.isMaximized()) {
            WindowSizes.hold(stage, bounds.getWidth(), bounds.getHeight(), bounds.getMinX(), bounds.getMinY());
        }
    }
}
