package io.liquidlens.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.liquidlens.testing.ReaderFuzzing;

/**
 * Any {@code .pt} reads as a state dict or fails naming the file, and loading never runs anything it holds:
 * raw archive bytes, archives built from {@link ZipRecords} (the pickle and the storages, which raw
 * mutations cannot reach past the CRC-32s), and the pickle machine alone with the torch whitelist and with a whole module's. Seeds
 * are in {@code TorchCheckpointFuzzTestInputs/}.
 */
class TorchCheckpointFuzzTest {
    @FuzzTest
    void anyArchiveReadsOrFailsInOneLine(byte[] content) {
        ReaderFuzzing.readFile(content, "fuzz.pt", TorchCheckpoint::read);
    }

    @FuzzTest
    void anyRecordsReadOrFailInOneLine(byte[] records) {
        ReaderFuzzing.readFile(ZipRecords.toZip(records), "fuzz.pt", TorchCheckpoint::read);
    }

    @FuzzTest
    void anyModulePickleLoadsOrFailsInOneLine(byte[] pickle) {
        try {
            PickleMachine.load(pickle, new TorchModulePickle());
        } catch (FormatException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("a problem without a description", e);
            }
        }
    }

    @FuzzTest
    void anyPickleLoadsOrFailsInOneLine(byte[] pickle) {
        try {
            PickleMachine.load(pickle, new TorchPickle());
        } catch (FormatException e) {
            // the reader puts the checkpoint's name in front of this message
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("a problem without a description", e);
            }
        }
    }
}
