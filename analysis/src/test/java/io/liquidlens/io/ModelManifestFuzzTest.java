package io.liquidlens.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.testing.ReaderFuzzing;
import java.nio.file.Path;

/**
 * Any bytes as {@code model.json} read as a manifest, ncps spec and perception head, or fail naming the
 * file. Everything a model load reads before the weights is covered: the manifest keys, the
 * ncps call and its wiring, and the head checked against the inputs and the cell as the model loader
 * does. Seeds are in {@code ModelManifestFuzzTestInputs/}.
 */
class ModelManifestFuzzTest {
    @FuzzTest
    void anyManifestReadsOrFailsInOneLine(byte[] content) {
        ReaderFuzzing.folder("model");
        Path file = ReaderFuzzing.write(content, "model/" + ModelFolder.MANIFEST);
        ModelManifest manifest = ReaderFuzzing.refusedOrRead(file, ModelFolder::readManifest);
        if (manifest != null && manifest.head() != null) {
            ReaderFuzzing.refusedOrRead(file, f -> LoadedModel.headOf(manifest, f));
        }
    }
}
