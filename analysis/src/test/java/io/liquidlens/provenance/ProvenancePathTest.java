package io.liquidlens.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Provenance records paths inside the working directory relative to it, so committed files name no machine. */
class ProvenancePathTest {

    @Test
    void anAbsolutePathUnderTheWorkingDirectoryIsRecordedRelativeToIt() {
        Path inside = Path.of("").toAbsolutePath().resolve("sample-models").resolve("m").resolve("model.json");
        assertThat(Provenance.displayPath(inside)).isEqualTo(Path.of("sample-models", "m", "model.json").toString());
    }

    @Test
    void relativePathsAndPathsElsewhereAreRecordedAsGiven() {
        assertThat(Provenance.displayPath(Path.of("a", "b.npz"))).isEqualTo(Path.of("a", "b.npz").toString());
        Path elsewhere = Path.of("").toAbsolutePath().getRoot().resolve("definitely-elsewhere").resolve("x.npz");
        assertThat(Provenance.displayPath(elsewhere)).isEqualTo(elsewhere.toString());
    }
}
