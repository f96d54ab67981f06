package io.liquidlens.app;

import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Keeps the main window maximised across dialogs. While a modal dialog or a file chooser is up, JavaFX on Linux
 * pins the blocked window's size hints to its unmaximised size, and a window manager that honours them (openbox)
 * unmaximises it; nothing maximises it again when the dialog closes. This does, once the last dialog is gone. The
 * dialog itself, centred on the maximised window as it opened, was then moved to the screen's top-left corner with
 * its title bar above the screen; it is centred on the screen again once shown. A dialog the window manager mapped
 * smaller than its content (the import form at 200 x 200) is given its content's size.
 */
final class KeepMaximised {
    private final Stage main;
    private final ListChangeListener<Window> watcher = this::windowsChanged;
    private int dialogsUp;
    private boolean maximisedBefore;
    /** A dialog closed and the window is to be maximised again, but that has not happened yet. */
    private boolean restoring;

    private KeepMaximised(Stage main) {
        this.main = main;
    }

    /** Watches every modal window shown while {@code main} is up. */
    static KeepMaximised install(Stage main) {
        KeepMaximised keeper = new KeepMaximised(main);
        Window.getWindows().addListener(keeper.watcher);
        return keeper;
    }

    /** Stops watching (the window is closing). */
    void uninstall() {
        Window.getWindows().removeListener(watcher);
    }

    /**
     * Runs {@code chooser} (a file or folder chooser, which blocks the main window without being a JavaFX window)
     * and maximises the main window again afterwards if it was.
     */
    <T> T around(Supplier<T> chooser) {
        opened();
        try {
            return chooser.get();
        } finally {
            closed();
        }
    }

    private void windowsChanged(ListChangeListener.Change<? extends Window> change) {
        while (change.next()) {
            change.getAddedSubList().stream().filter(this::blocks).forEach(this::opened);
            change.getRemoved().stream().filter(this::blocks).forEach(w -> closed());
        }
    }

    private boolean blocks(Window window) {
        return window != main && window instanceof Stage stage && stage.getModality() != Modality.NONE;
    }

    private void opened(Window dialog) {
        boolean overMaximised = main.isMaximized();
        dialog.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<>() {
            @Override
            public void handle(WindowEvent e) {
                dialog.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                NextPulse.run(() -> {
                    WindowSizes.atLeastPreferred(dialog);
                    if (overMaximised || titleBarOffScreen(dialog)) {
                        centreOnScreen(dialog);
                    }
                });
            }
        });
        opened();
    }

    private static boolean titleBarOffScreen(Window dialog) {
        return Screen.getScreens().stream().noneMatch(s -> s.getVisualBounds().contains(dialog.getX() + 1,
                dialog.getY() + 1));
    }

    /** Centres {@code dialog} on the visible part of the screen the main window is on. */
    private void centreOnScreen(Window dialog) {
        if (!dialog.isShowing()) {
            return;
        }
        Rectangle2D screen = Screen.getScreensForRectangle(main.getX(), main.getY(), Math.max(1, main.getWidth()),
                Math.max(1, main.getHeight())).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        dialog.setX(screen.getMinX() + Math.max(0, (screen.getWidth() - dialog.getWidth()) / 2));
        dialog.setY(screen.getMinY() + Math.max(0, (screen.getHeight() - dialog.getHeight()) / 2));
    }

    private void opened() {
        if (dialogsUp++ == 0) {
            // a dialog that follows another at once (an error after a form) finds the window not yet maximised again
            maximisedBefore = main.isMaximized() || restoring;
        }
    }

    private void closed() {
        if (dialogsUp > 0 && --dialogsUp == 0 && maximisedBefore) {
            restoring = true;
            // later: the window manager is told the main window is enabled again only after the dialog is gone
            NextPulse.run(() -> {
                if (dialogsUp == 0) {
                    restoring = false;
                    if (main.isShowing() && !main.isMaximized()) {
                        main.setMaximized(true);
                    }
                }
            });
        }
    }
}
