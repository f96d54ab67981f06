package io.liquidlens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** A scratch folder for copies of inputs: private, bounded copies with their SHA-256, gone when closed. */
class ScratchFolderTest {
    /** SHA-256("abc"), the test vector of FIPS 180-2. */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void aCopyKeepsTheBytesAndGivesTheirSha256() throws IOException {
        try (ScratchFolder scratch = ScratchFolder.create("test")) {
            String sha = scratch.copy(new ByteArrayInputStream(bytes("abc")), "a/b/c.bin", 3);

            assertThat(sha).isEqualTo(ABC);
            assertThat(Files.readAllBytes(scratch.path().resolve("a/b/c.bin"))).isEqualTo(bytes("abc"));
        }
    }

    @Test
    void aSourceLongerOrShorterThanCountedLeavesNoFile() throws IOException {
        try (ScratchFolder scratch = ScratchFolder.create("test")) {
            assertThatThrownBy(() -> scratch.copy(new ByteArrayInputStream(bytes("abcd")), "long", 3))
                    .isInstanceOf(IOException.class).hasMessageContaining("longer than the 3 bytes counted");
            assertThatThrownBy(() -> scratch.copy(new ByteArrayInputStream(bytes("ab")), "short", 3))
                    .isInstanceOf(IOException.class).hasMessageContaining("ended after 2 of the 3 bytes");

            assertThat(scratch.path().resolve("long")).doesNotExist();
            assertThat(scratch.path().resolve("short")).doesNotExist();
        }
    }

    @Test
    void aNameLeavingTheFolderIsRefused() throws IOException {
        try (ScratchFolder scratch = ScratchFolder.create("test")) {
            assertThatThrownBy(() -> scratch.copy(new ByteArrayInputStream(bytes("abc")), "../outside", 3))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(scratch.path().resolveSibling("outside")).doesNotExist();
        }
    }

    @Test
    void theFolderIsTheOwnersAloneNamedByTheProcessAndGoneWhenClosed() throws IOException {
        Path path;
        try (ScratchFolder scratch = ScratchFolder.create("test")) {
            path = scratch.path();
            scratch.copy(new ByteArrayInputStream(bytes("abc")), "x/y", 3);

            assertThat(path.getFileName().toString())
                    .startsWith(ScratchFolder.prefix("test", ProcessHandle.current().pid()));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rwx------");
        }
        assertThat(path).doesNotExist();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
