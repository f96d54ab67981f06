package io.liquidlens.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.liquidlens.testing.ReaderFuzzing;

/**
 * Any bytes as a {@code .npy} file read as an array or fail naming the file. Seeds (numpy's own files of
 * every dtype, both byte orders and header versions) are in {@code NpyFuzzTestInputs/}; run with
 * {@code -Pfuzz} to fuzz (see the analysis pom).
 */
class NpyFuzzTest {
    @FuzzTest
    void anyFileReadsOrFailsInOneLine(byte[] content) {
        ReaderFuzzing.readFile(content, "fuzz.npy", Npy::read);
    }
}
