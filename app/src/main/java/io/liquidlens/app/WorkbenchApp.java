package io.liquidlens.app;

import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The LiquidLens workbench window. For now a frame with a status line; the wiring graph, traces and
 * input views arrive with the desktop issue.
 */
public final class WorkbenchApp extends Application {
    /** Node id of the status line, for tests. */
    public static final String STATUS_ID = "status";

    @Override
    public void start(Stage stage) {
        Label status = new Label("LiquidLens " + Version.current() + " - no model loaded");
        status.setId(STATUS_ID);
        BorderPane root = new BorderPane();
        root.setBottom(status);
        BorderPane.setMargin(status, new Insets(4, 8, 4, 8));
        stage.setTitle("LiquidLens");
        stage.setScene(new Scene(root, 1100, 720));
        stage.show();
    }
}
