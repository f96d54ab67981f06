package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.BadOptionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTokensExpansionTest {
    @TempDir
    Path tmp;

    private Path model(String name) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve(name));
        Files.writeString(folder.resolve("model.json"), "{}");
        return folder;
    }

    @Test
    void aFolderOfModelFoldersStandsForThemInNameOrder() throws IOException {
        Path run = tmp.resolve("run");
        model("run/epoch-10");
        model("run/epoch-02");
        Files.createDirectories(run.resolve("logs"));
        Files.writeString(run.resolve("notes.txt"), "not a model");
        ModelTokens tokens = ModelTokens.parse(List.of(run.toString()));
        assertThat(tokens.models()).containsExactly(run.resolve("epoch-02"), run.resolve("epoch-10"));
        assertThat(tokens.groupOf()).isEmpty();
    }

    @Test
    void aPathHoldingAnEqualsSignIsAPathNotAGroup() throws IOException {
        Path partitioned = model("runs/date=2024/e1");
        model("runs/date=2024/e2");
        assertThat(ModelTokens.parse(List.of(partitioned.toString())).models()).containsExactly(partitioned);
        assertThat(ModelTokens.parse(List.of(tmp.resolve("runs/date=2024").toString())).models())
                .containsExactly(tmp.resolve("runs/date=2024/e1"), tmp.resolve("runs/date=2024/e2"));
        ModelTokens group = ModelTokens.parse(List.of("ncp=" + partitioned));
        assertThat(group.groupOf()).containsExactly("ncp");
    }

    @Test
    void unpaddedEpochNumbersComeInTheirNumbersOrder() throws IOException {
        Path run = tmp.resolve("torch-run");
        for (String name : List.of("epoch-10", "epoch-9", "epoch-1", "epoch-2")) {
            model("torch-run/" + name);
        }
        assertThat(ModelTokens.parse(List.of(run.toString())).models()).containsExactly(run.resolve("epoch-1"),
                run.resolve("epoch-2"), run.resolve("epoch-9"), run.resolve("epoch-10"));
        assertThat(ModelTokens.parse(List.of(run.resolve("epoch-*").toString())).models())
                .containsExactly(run.resolve("epoch-1"), run.resolve("epoch-2"), run.resolve("epoch-9"),
                        run.resolve("epoch-10"));
    }

    @Test
    void aModelFolderStaysItselfAndAPatternTakesTheModelFoldersItMatches() throws IOException {
        Path single = model("single");
        model("single/inner");
        assertThat(ModelTokens.parse(List.of(single.toString())).models()).containsExactly(single);
        model("runs/a-epoch-1");
        model("runs/a-epoch-2");
        model("runs/b-epoch-1");
        Files.createDirectories(tmp.resolve("runs/a-epoch-3"));
        assertThat(ModelTokens.parse(List.of(tmp.resolve("runs/a-epoch-*").toString())).models())
                .containsExactly(tmp.resolve("runs/a-epoch-1"), tmp.resolve("runs/a-epoch-2"));
    }

    @Test
    void emptyExpansionsAndTooManyAreOneLineNamingTheToken() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> ModelTokens.parse(List.of(empty.toString())))
                .isInstanceOf(BadOptionException.class)
                .hasMessage("--models " + empty + ": is neither a model folder (no model.json) nor a folder of model"
                        + " folders");
        assertThatThrownBy(() -> ModelTokens.parse(List.of(tmp.resolve("nothing-*").toString())))
                .isInstanceOf(BadOptionException.class).hasMessageContaining("matches no model folder");
        for (int i = 0; i <= ModelTokens.MAX_EXPANDED; i++) {
            model("many/m" + i);
        }
        assertThatThrownBy(() -> ModelTokens.parse(List.of(tmp.resolve("many").toString())))
                .isInstanceOf(BadOptionException.class)
                .hasMessageContaining("stands for more than " + ModelTokens.MAX_EXPANDED + " model folders");
        // a path that does not exist is left to the model loader, which names it
        assertThat(ModelTokens.parse(List.of(tmp.resolve("missing").toString())).models())
                .containsExactly(tmp.resolve("missing"));
    }
}
