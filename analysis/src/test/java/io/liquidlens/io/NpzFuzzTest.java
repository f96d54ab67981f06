package io.liquidlens.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.liquidlens.testing.ReaderFuzzing;

/**
 * Any {@code .npz} reads as its arrays or fails naming the file: raw archive bytes (the zip reader's side:
 * directories, sizes, compression, checksums) and archives built from {@link ZipRecords} (the arrays' side,
 * where every mutation lands in an entry). Seeds are in {@code NpzFuzzTestInputs/}.
 */
class NpzFuzzTest {
    @FuzzTest
    void anyArchiveReadsOrFailsInOneLine(byte[] content) {
        ReaderFuzzing.readFile(content, "fuzz.npz", Npz::read);
    }

    @FuzzTest
    void anyEntriesReadOrFailInOneLine(byte[] records) {
        ReaderFuzzing.readFile(ZipRecords.toZip(records), "fuzz.npz", Npz::read);
    }
}
