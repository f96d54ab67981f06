package io.liquidlens.app.workspace;

import io.liquidlens.model.ModelSummary;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Font;

/** Shows what the loaded model is: the summary and the NCP paper's size table. */
public final class ModelPanelView extends BorderPane {
    /** Node id of the summary text, for tests. */
    public static final String SUMMARY_ID = "model-summary";

    public ModelPanelView(WorkspaceViewModel workspace) {
        TextArea text = new TextArea();
        text.setId(SUMMARY_ID);
        text.setEditable(false);
        text.setWrapText(true);
        text.setFont(Font.font("Monospaced", 13));
        Label hint = new Label("Open a model folder (model.json + weights) with File > Open model...");
        setCenter(hint);
        workspace.summaryProperty().addListener((obs, old, summary) -> show(summary, text, hint));
    }

    private void show(ModelSummary summary, TextArea text, Label hint) {
        if (summary == null) {
            setCenter(hint);
            return;
        }
        text.setText(summary.toText());
        setCenter(text);
    }
}
