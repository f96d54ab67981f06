package io.liquidlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Export dialogs suggest a name made of what is loaded and what is exported. */
class FileDialogsTest {

    @Test
    void theSuggestedNameSaysWhichModelAndWhatIsExported() {
        assertThat(FileDialogs.suggestedName("ncp-lanekeeping", "Tree as DOT...", "dot"))
                .isEqualTo("ncp-lanekeeping-tree.dot");
        assertThat(FileDialogs.suggestedName("ncp-lanekeeping", "Window as PNG...", "png"))
                .isEqualTo("ncp-lanekeeping-window.png");
        assertThat(FileDialogs.suggestedName("my model (v2)", "Graph (SVG)...", "svg"))
                .isEqualTo("my-model-v2-graph-svg.svg");
        assertThat(FileDialogs.suggestedName(null, "Traces as CSV...", "csv")).isEqualTo("liquidlens-traces.csv");
    }
}
