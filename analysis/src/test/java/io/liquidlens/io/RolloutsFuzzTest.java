package io.liquidlens.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.liquidlens.testing.ReaderFuzzing;

/**
 * Any rollout {@code .npz} reads as a rollout (every array's shape and dtype checked against the others)
 * or fails naming the file. The archive is built from {@link ZipRecords} so mutations reach the arrays and
 * their names; the raw zip side is {@link NpzFuzzTest}'s. Seeds are in {@code RolloutsFuzzTestInputs/}.
 */
class RolloutsFuzzTest {
    @FuzzTest
    void anyRolloutReadsOrFailsInOneLine(byte[] records) {
        ReaderFuzzing.readFile(ZipRecords.toZip(records), "fuzz.npz", Rollouts::read);
    }
}
