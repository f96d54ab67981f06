package io.liquidlens.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Input names that are URIs, told from paths before anything is read. */
class FileUrisTest {
    @Test
    void urisAreToldFromPaths() {
        assertThat(FileUris.isUri("hdfs://namenode:8020/runs/e1")).isTrue();
        assertThat(FileUris.isUri("s3a://bucket/clean/")).isTrue();
        assertThat(FileUris.isUri("file:///data/x")).isTrue();
        assertThat(FileUris.isUri("file:/data/x")).isTrue();
        assertThat(FileUris.isUri("/data/x")).isFalse();
        assertThat(FileUris.isUri("runs/e1")).isFalse();
        assertThat(FileUris.isUri("C:/data/x")).isFalse();
        assertThat(FileUris.isUri("./odd:/x")).isFalse();

        assertThat(FileUris.localPath("file:///data/a b")).isEqualTo(Path.of("/data/a b"));
        assertThat(FileUris.localPath("file:/data/x")).isEqualTo(Path.of("/data/x"));
        assertThat(FileUris.localPath("file://localhost/data/x")).isEqualTo(Path.of("/data/x"));
        assertThat(FileUris.localPath("hdfs://nn/data/x")).isNull();
        assertThat(FileUris.localPath("/data/x")).isNull();
    }
}
