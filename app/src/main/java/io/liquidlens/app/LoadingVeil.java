package io.liquidlens.app;

import io.liquidlens.app.task.FxTaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/**
 * What the middle of the window shows while there is nothing to see yet: a spinning indicator and what is being
 * done ("Simulating episode-0000.npz"), over the empty views, from the moment the window opens until the first
 * activity arrives. It takes no clicks, so the menus and the status bar's Cancel stay usable.
 */
final class LoadingVeil {
    /** Node id, for tests. */
    static final String ID = "loading-veil";

    private LoadingVeil() {
    }

    static Node over(WorkspaceViewModel workspace, FxTaskExecutor executor) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(56, 56);
        Label what = new Label();
        what.textProperty().bind(Bindings.when(executor.activityProperty().isEmpty()).then("Opening ...")
                .otherwise(executor.activityProperty()));
        what.setStyle("-fx-font-size: 14px; -fx-text-fill: #333333;");
        VBox veil = new VBox(12, spinner, what);
        veil.setId(ID);
        veil.setAlignment(javafx.geometry.Pos.CENTER);
        veil.setStyle("-fx-background-color: rgba(255,255,255,0.75);");
        veil.setMouseTransparent(true);
        veil.visibleProperty().bind(executor.busyProperty().and(workspace.activityProperty().isNull()));
        return veil;
    }
}
