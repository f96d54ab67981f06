package io.liquidlens.app.playback;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** Which focused controls keep a key from the playback shortcuts. */
@ExtendWith(ApplicationExtension.class)
class PlaybackKeysTest {

    @Test
    void controlsThatUseAKeyKeepItAndReadOnlyTextDoesNot() {
        TextArea readOnly = new TextArea();
        readOnly.setEditable(false);

        assertThat(PlaybackKeys.usedByFocusedControl(new TextField(), KeyCode.RIGHT)).isTrue();
        assertThat(PlaybackKeys.usedByFocusedControl(readOnly, KeyCode.RIGHT)).isFalse();
        assertThat(PlaybackKeys.usedByFocusedControl(readOnly, KeyCode.SPACE)).isFalse();
        assertThat(PlaybackKeys.usedByFocusedControl(new Slider(), KeyCode.LEFT)).isTrue();
        assertThat(PlaybackKeys.usedByFocusedControl(new Button(), KeyCode.SPACE)).isTrue();
        assertThat(PlaybackKeys.usedByFocusedControl(new Button(), KeyCode.LEFT)).isFalse();
        assertThat(PlaybackKeys.usedByFocusedControl(new ListView<String>(), KeyCode.HOME)).isTrue();
        // a closed drop-down keeps space (it opens it) and gives the arrows to playback
        assertThat(PlaybackKeys.usedByFocusedControl(new javafx.scene.control.ChoiceBox<String>(), KeyCode.SPACE))
                .isTrue();
        assertThat(PlaybackKeys.usedByFocusedControl(new javafx.scene.control.ChoiceBox<String>(), KeyCode.RIGHT))
                .isFalse();
    }
}
