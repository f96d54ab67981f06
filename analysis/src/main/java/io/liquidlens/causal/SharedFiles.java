package io.liquidlens.causal;

import io.liquidlens.provenance.Provenance;
import java.nio.file.Path;

/**
 * {@link WorkInputs#shared()}: the driver's paths read where they are, each file checked against the driver's
 * digest. An enum, so the one instance stays one when units are serialised (a plan's equality, by which each
 * process keeps its {@link FrameWorkspace}, holds it).
 */
enum SharedFiles implements WorkInputs {
    INSTANCE;

    @Override
    public Path file(DataFile file) {
        return checked(Path.of(file.name()), file.sha256());
    }

    @Override
    public Path model(ModelFiles model) {
        Path folder = Path.of(model.folder());
        checked(folder.resolve(model.weights().name()).normalize(), model.weights().sha256());
        return checked(folder.resolve(model.manifest().name()), model.manifest().sha256());
    }

    private static Path checked(Path file, String expected) {
        String actual = Provenance.sha256(file);
        if (!actual.equals(expected)) {
            throw WorkInputs.notTheDriversFile(file.toString(), actual, expected);
        }
        return file;
    }
}
