package io.liquidlens.checkpoint;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.liquidlens.testing.ReaderFuzzing;
import java.util.Map;

/**
 * Any {@code .pt} imports or fails naming the file: a whole pickled module whose bytes are damaged is refused in one
 * line, never with another exception. Seeds (two of the module fixtures) are in
 * {@code ModulePickleImportFuzzTestInputs/}.
 */
class ModulePickleImportFuzzTest {
    @FuzzTest
    void anyModuleImportsOrFailsInOneLine(byte[] content) {
        ReaderFuzzing.readFile(content, "fuzz.pt", file -> CheckpointImport.inspect(file, Map.of()));
    }
}
