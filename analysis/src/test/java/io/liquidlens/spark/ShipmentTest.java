package io.liquidlens.spark;

import static io.liquidlens.testing.Samples.modelFolder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.LiquidLensException;
import io.liquidlens.io.ScratchFolder;
import io.liquidlens.provenance.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inputs sent with a job: each file once, under its SHA-256, within the limit, counted before sending. */
class ShipmentTest {
    @TempDir
    Path tmp;
    private ScratchFolder scratch;
    private final List<String> added = new ArrayList<>();

    @BeforeEach
    void scratch() {
        scratch = ScratchFolder.create("test-shipment");
    }

    @AfterEach
    void removeScratch() {
        scratch.close();
    }

    @Test
    void modelFoldersOfOneNameAreSentUnderTheirDigestsAndAFileNamedTwiceOnce() throws IOException {
        Path a = modelFolder("sample-models/vector-study/ncp-s1", tmp.resolve("a/ncp")).resolve("model.json");
        Path b = modelFolder("sample-models/vector-study/ncp-s2", tmp.resolve("b/ncp")).resolve("model.json");
        Path again = modelFolder("sample-models/vector-study/ncp-s1", tmp.resolve("c/ncp")).resolve("model.json");
        Map<Path, String> files = new LinkedHashMap<>();
        for (Path f : List.of(a, b, again)) {
            files.put(f, Provenance.sha256(f));
        }

        new Shipment(scratch, 1L << 30, added::add).send(files);

        assertThat(added).containsExactly(scratch.path().resolve("shipped/" + files.get(a)).toString(),
                scratch.path().resolve("shipped/" + files.get(b)).toString());
        assertThat(Path.of(added.get(0))).hasSameBinaryContentAs(a);
        assertThat(Path.of(added.get(1))).hasSameBinaryContentAs(b);
    }

    @Test
    void inputsPastTheLimitAreRefusedBeforeAnyIsSent() throws IOException {
        Path m = modelFolder("sample-models/vector-lanekeeping", tmp.resolve("m"));
        Map<Path, String> files = new LinkedHashMap<>();
        long total = 0;
        try (var list = Files.list(m)) {
            for (Path f : list.toList()) {
                files.put(f, Provenance.sha256(f));
                total += Files.size(f);
            }
        }
        long limit = total - 1;

        assertThatThrownBy(() -> new Shipment(scratch, limit, added::add).send(files))
                .isInstanceOf(LiquidLensException.class)
                .hasMessage("--ship: the bytes of the models and rollouts " + total + " is over the limit of " + limit
                        + " (docs/FORMATS.md#limits); put them where every executor reads them (a shared path or a"
                        + " Hadoop URI)");
        assertThat(added).isEmpty();
        assertThat(scratch.path()).isEmptyDirectory();
    }

    @Test
    void aFileChangedSinceTheDriverReadItIsNotSent() throws IOException {
        Path f = Files.writeString(tmp.resolve("changed.npz"), "new bytes");

        assertThatThrownBy(() -> new Shipment(scratch, 1L << 30, added::add).send(Map.of(f, "0".repeat(64))))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("is not the file the driver read");
        assertThat(added).isEmpty();
    }
}
