package io.liquidlens.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.liquidlens.testing.ReaderFuzzing;
import java.nio.file.Path;

/**
 * Any bytes as a {@code .safetensors} file read as tensors (and as metadata alone) or fail naming the file.
 * Seeds are in {@code SafetensorsFuzzTestInputs/}.
 */
class SafetensorsFuzzTest {
    @FuzzTest
    void anyFileReadsOrFailsInOneLine(byte[] content) {
        Path file = ReaderFuzzing.write(content, "fuzz.safetensors");
        ReaderFuzzing.refusedOrRead(file, Safetensors::readMetadata);
        ReaderFuzzing.refusedOrRead(file, Safetensors::read);
    }
}
