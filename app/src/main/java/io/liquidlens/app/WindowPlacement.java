package io.liquidlens.app;

import io.liquidlens.app.workspace.RecentFiles;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the main window opens and how its panes are divided: what the user left last time (size of its content,
 * position, maximised, dividers), kept in the user preferences beside the recent files, or else a first size that
 * uses the screen. Bounds that no longer fit any screen (a monitor unplugged) are dropped for the first size.
 */
final class WindowPlacement {
    /** Below this the three charts and the graph cannot be read. */
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 560;
    /** The first window takes this share of a large screen. */
    static final double SCREEN_SHARE = 0.8;
    private static final String X = "x";
    private static final String Y = "y";
    private static final String W = "width";
    private static final String H = "height";
    private static final String MAXIMISED = "maximised";
    private static final String DIVIDER = "divider.";

    private final Preferences store;

    WindowPlacement(Preferences store) {
        this.store = store;
    }

    /** The placement kept in the same user preferences node as the recent files. */
    static WindowPlacement fromUserPreferences() {
        return new WindowPlacement(preferences());
    }

    /** The window's node of the user preferences, beside the recent files (tests point both elsewhere). */
    static Preferences preferences() {
        return Preferences.userRoot().node(System.getProperty(RecentFiles.NODE_PROPERTY, RecentFiles.DEFAULT_NODE))
                .node("window");
    }

    /**
     * The size of the window's content: what the user left (when it still fits a screen), else the first size.
     * The scene carries the size, not the stage, so the stage keeps sizing itself to its scene.
     */
    Dimension2D sceneSize() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = store.getDouble(W, -1);
        double h = store.getDouble(H, -1);
        if (w > 0 && h > 0 && onSomeScreen(store.getDouble(X, Double.NaN), store.getDouble(Y, Double.NaN), w, h)) {
            return new Dimension2D(w, h);
        }
        Rectangle2D first = firstBounds(screen);
        return new Dimension2D(first.getWidth(), first.getHeight());
    }

    /**
     * Places {@code stage} (its scene already sized by {@link #sceneSize}) before it is shown; whether to maximise it
     * once shown is {@link #maximised}'s.
     */
    void apply(Stage stage) {
        // a stage that was shown before (the one a test framework reuses) keeps its old size unless told
        stage.sizeToScene();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        double x = store.getDouble(X, Double.NaN);
        double y = store.getDouble(Y, Double.NaN);
        if (store.getDouble(W, -1) > 0 && onSomeScreen(x, y, store.getDouble(W, 1), store.getDouble(H, 1))) {
            stage.setX(x);
            stage.setY(y);
        } else {
            Dimension2D size = sceneSize();
            stage.setX(screen.getMinX() + Math.max(0, (screen.getWidth() - size.getWidth()) / 2));
            stage.setY(screen.getMinY() + Math.max(0, (screen.getHeight() - size.getHeight()) / 2));
        }
    }

    /**
     * True when the user left the window maximised. It is maximised after it is shown at its remembered size: a
     * window maximised before it was first shown came back, when unmaximised, at nearly the whole screen (openbox).
     */
    boolean maximised() {
        return store.getBoolean(MAXIMISED, false);
    }

    /**
     * The first window on a screen with visible bounds {@code screen}: {@value #SCREEN_SHARE} of it, but never
     * smaller than the workbench's default size where the screen has room for that, centred.
     */
    static Rectangle2D firstBounds(Rectangle2D screen) {
        double w = Math.min(screen.getWidth(), Math.max(WorkbenchApp.DEFAULT_WIDTH, screen.getWidth() * SCREEN_SHARE));
        double h = Math.min(screen.getHeight(),
                Math.max(WorkbenchApp.DEFAULT_HEIGHT, screen.getHeight() * SCREEN_SHARE));
        return new Rectangle2D(screen.getMinX() + (screen.getWidth() - w) / 2,
                screen.getMinY() + (screen.getHeight() - h) / 2, w, h);
    }

    /** Puts back the dividers the user left, in the order {@code panes} lists them. */
    void restoreDividers(List<SplitPane> panes) {
        for (int p = 0; p < panes.size(); p++) {
            double[] positions = panes.get(p).getDividerPositions();
            for (int d = 0; d < positions.length; d++) {
                double v = store.getDouble(DIVIDER + p + "." + d, Double.NaN);
                if (v > 0.05 && v < 0.95) {
                    panes.get(p).setDividerPosition(d, v);
                }
            }
        }
    }

    /** Remembers {@code stage}'s bounds (when it is not maximised) and the dividers. */
    void remember(Stage stage, List<SplitPane> panes) {
        Scene scene = stage.getScene();
        Rectangle2D normal = stage.isMaximized() || scene == null ? null
                : new Rectangle2D(stage.getX(), stage.getY(), scene.getWidth(), scene.getHeight());
        remember(stage, normal, panes);
    }

    /**
     * Remembers whether {@code stage} is maximised, {@code normal} (where it was and its scene's size the last time
     * it was not maximised, or null) and the dividers.
     */
    void remember(Stage stage, Rectangle2D normal, List<SplitPane> panes) {
        store.putBoolean(MAXIMISED, stage.isMaximized());
        if (normal != null && normal.getWidth() > 0 && normal.getHeight() > 0) {
            store.putDouble(X, normal.getMinX());
            store.putDouble(Y, normal.getMinY());
            store.putDouble(W, normal.getWidth());
            store.putDouble(H, normal.getHeight());
        }
        for (int p = 0; p < panes.size(); p++) {
            double[] positions = panes.get(p).getDividerPositions();
            for (int d = 0; d < positions.length; d++) {
                store.putDouble(DIVIDER + p + "." + d, positions[d]);
            }
        }
    }

    /** True when the window's title bar area lies on one of the screens now attached. */
    private static boolean onSomeScreen(double x, double y, double w, double h) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return false;
        }
        Rectangle2D titleBar = new Rectangle2D(x, y, Math.max(1, w), 30);
        return Screen.getScreens().stream().anyMatch(s -> s.getVisualBounds().intersects(titleBar));
    }
}
