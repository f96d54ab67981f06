package io.liquidlens.app.saliency;

import io.liquidlens.causal.SaliencyMap;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * A vector model's saliency map as one labelled bar per input: its name, a bar as long as its share of the
 * largest value and coloured as the camera maps are, and the value itself.
 */
final class SaliencyBars extends VBox {
    /** Style class of each input's row (tests). */
    static final String ROW_CLASS = "saliency-bar";
    private static final double BAR = 140;

    SaliencyBars() {
        super(2);
    }

    /** Shows {@code map} (1 x S) with {@code names} (S of them; "input k" when they do not fit), or nothing for null. */
    void show(SaliencyMap map, List<String> names) {
        getChildren().clear();
        if (map == null) {
            return;
        }
        double[] raw = map.values();
        double[] shade = map.normalised().values();
        double max = 0;
        for (double v : raw) {
            max = Math.max(max, Math.abs(v));
        }
        for (int i = 0; i < raw.length; i++) {
            Label name = new Label(names.size() == raw.length ? names.get(i) : "input " + i);
            name.setMinWidth(70);
            name.setPrefWidth(70);
            Rectangle bar = new Rectangle(max > 0 ? BAR * Math.abs(raw[i]) / max : 0, 10);
            int c = SaliencyPixels.colour(shade[i]);
            bar.setFill(Color.rgb((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff));
            HBox track = new HBox(bar);
            track.setMinWidth(BAR);
            track.setPrefWidth(BAR);
            track.setAlignment(Pos.CENTER_LEFT);
            Label value = new Label(String.format(Locale.ROOT, "%.3g", raw[i]));
            HBox row = new HBox(6, name, track, value);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add(ROW_CLASS);
            getChildren().add(row);
        }
    }
}
