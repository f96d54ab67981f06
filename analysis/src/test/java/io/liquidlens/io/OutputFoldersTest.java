package io.liquidlens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.LiquidLensException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folders an output may take, the marker that says so, and the names kept beside an output. */
class OutputFoldersTest {
    @TempDir
    Path dir;

    @Test
    void missingAndEmptyFoldersMayBeReplaced() throws IOException {
        OutputFolders.requireReplaceable(dir.resolve("new"));
        OutputFolders.requireReplaceable(Files.createDirectories(dir.resolve("empty")));
    }

    @Test
    void aFolderWithAnythingUnmarkedIsRefusedNamingWhatItHolds() throws IOException {
        Path f = Files.createDirectories(dir.resolve("mine/sub"));
        Files.writeString(f.resolve("a.txt"), "x");
        assertThatThrownBy(() -> OutputFolders.requireReplaceable(dir.resolve("mine")))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("sub/a.txt")
                .hasMessageContaining("did not write");
        Path onlyFolders = Files.createDirectories(dir.resolve("skeleton/empty-sub"));
        assertThatThrownBy(() -> OutputFolders.requireReplaceable(onlyFolders.getParent()))
                .hasMessageContaining("empty-sub/");
    }

    @Test
    void aFileIsNotAFolderOutput() throws IOException {
        Path f = Files.writeString(dir.resolve("f"), "x");
        assertThatThrownBy(() -> OutputFolders.requireReplaceable(f)).hasMessageContaining("is not a folder");
    }

    @Test
    void aMarkedFolderMayBeReplacedOnlyWhileItHoldsWhatTheMarkerLists() throws IOException {
        Path out = dir.resolve("out");
        AtomicFolders.write(out, "liquidlens tree", d -> Files.writeString(d.resolve("tree.json"), "{}"));
        assertThat(OutputFolders.read(out)).contains(new OutputFolders.Marker("liquidlens tree", List.of("tree.json")));
        OutputFolders.requireReplaceable(out);

        Files.delete(out.resolve("tree.json"));
        OutputFolders.requireReplaceable(out); // fewer files than written: nothing of the user's

        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> OutputFolders.requireReplaceable(out)).hasMessageContaining("notes.txt");
    }

    @Test
    void aFolderACommandKeepsUpdatingIsNeverReplacedWhole() throws IOException {
        Path model = dir.resolve("model");
        AtomicFolders.create(model, "liquidlens train", d -> Files.writeString(d.resolve("model.json"), "{}"));
        assertThatThrownBy(() -> OutputFolders.requireReplaceable(model)).hasMessageContaining("liquidlens train");
        OutputFolders.requireUpdatable(model, "liquidlens train", f -> false);
        assertThatThrownBy(() -> OutputFolders.requireUpdatable(model, "liquidlens record", f -> false))
                .hasMessageContaining("liquidlens train");
        assertThatThrownBy(() -> AtomicFolders.create(model, "liquidlens train", d -> { }))
                .hasMessageContaining("no longer empty");
    }

    @Test
    void aCorruptMarkerCountsAsNoMarker() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve(OutputFolders.MARKER), "{ not json");
        assertThat(OutputFolders.read(out)).isEmpty();
        assertThatThrownBy(() -> OutputFolders.requireReplaceable(out)).hasMessageContaining("did not write");
    }

    @Test
    void aFailedFolderWriteLeavesTheOldFolderAndNothingBeside() throws IOException {
        Path out = dir.resolve("out");
        AtomicFolders.write(out, "liquidlens report", d -> Files.writeString(d.resolve("a.txt"), "old"));
        assertThatThrownBy(() -> AtomicFolders.write(out, "liquidlens report", d -> {
            Files.writeString(d.resolve("a.txt"), "half");
            throw new IOException("disk full");
        })).hasMessageContaining("disk full");
        assertThat(out.resolve("a.txt")).hasContent("old");
        assertThat(names(dir)).containsExactly("out");
    }

    @Test
    void sideNamesStayWithinTheFileSystemLimitAndAreRecognisedAsLeftovers() {
        for (String name : List.of("out", "x".repeat(200), "y".repeat(255), "é".repeat(127))) {
            Path target = dir.resolve(name);
            for (Path side : List.of(SideNames.temporary(target), SideNames.aside(target), SideNames.lock(target))) {
                assertThat(side.getFileName().toString().getBytes(StandardCharsets.UTF_8).length).as(name)
                        .isLessThanOrEqualTo(255);
                assertThat(side.getParent()).isEqualTo(target.getParent());
            }
            assertThat(SideNames.isLeftover(SideNames.temporary(target).getFileName().toString(), name)).isTrue();
            assertThat(SideNames.isOldCopy(SideNames.aside(target).getFileName().toString(), name)).isTrue();
            assertThat(SideNames.isLeftover(SideNames.lock(target).getFileName().toString(), name)).isFalse();
        }
        assertThat(SideNames.isLeftover(".out.12345678901234567890", "out")).isTrue();
        assertThat(SideNames.isOldCopy(".out.old.1234567890123456789", "out")).isTrue();
        assertThat(SideNames.isLeftover(".out.1234567890123456789.tmp", "out")).isTrue();
        assertThat(SideNames.isLeftover(".out.2023", "out")).as("a user's own hidden file").isFalse();
        assertThat(SideNames.isLeftover(".outer.ll-tmp-1-2", "out")).isFalse();
        assertThat(SideNames.isLeftover(".out.ll-tmp-1-2", "out2")).isFalse();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
