package io.liquidlens.checkpoint;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.liquidlens.io.ZipRecords;
import io.liquidlens.testing.ReaderFuzzing;
import java.util.Map;

/**
 * Any {@code .pt} imports or fails naming the file: a whole pickled module whose bytes are damaged is refused in one
 * line, never with another exception. Seeds (two of the module fixtures, as files and as records) are in
 * {@code ModulePickleImportFuzzTestInputs/}.
 */
class ModulePickleImportFuzzTest {
    @FuzzTest
    void anyModuleImportsOrFailsInOneLine(byte[] content) {
        ReaderFuzzing.readFile(content, "fuzz.pt", file -> CheckpointImport.inspect(file, Map.of()));
    }

    /** The archive's records (see {@link ZipRecords}), so mutations reach the pickle past the zip's CRC-32s. */
    @FuzzTest
    void anyModuleRecordsImportOrFailInOneLine(byte[] records) {
        ReaderFuzzing.readFile(ZipRecords.toZip(records), "fuzz.pt", file -> CheckpointImport.inspect(file, Map.of()));
    }
}
