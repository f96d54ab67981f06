package io.liquidlens.causal;

import io.liquidlens.LiquidLensException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * How the work units of a report reach the files the driver read, in whatever process they run: at the driver's
 * own paths, on a file system every process sees ({@link #shared()}), or as local copies a work engine makes (of a
 * Hadoop URI, of files sent with the job; the {@code spark} package). Each file is named as the driver named it
 * and comes with the SHA-256 of the bytes the driver read, and a unit gets those bytes or an error naming the file,
 * never another file's numbers. An implementation is a small value: it travels with every unit.
 */
public interface WorkInputs extends Serializable {

    /**
     * A file the driver read.
     *
     * @param name   an absolute path, or the URI the driver's copy came from; relative to its model folder for a
     *               model's files
     * @param sha256 the SHA-256 of its bytes as the driver read them
     */
    record DataFile(String name, String sha256) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A model folder the driver read.
     *
     * @param folder   an absolute path, or the URI the driver's copy came from
     * @param manifest its {@code model.json}, named relative to the folder
     * @param weights  the weights file the manifest names, relative to the folder
     */
    record ModelFiles(String folder, DataFile manifest, DataFile weights) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A local path of {@code file} holding the bytes the driver read.
     *
     * @throws LiquidLensException naming the file when it cannot be had or holds other bytes
     */
    Path file(DataFile file);

    /**
     * The local {@code model.json} of {@code model}, in a folder whose files are those the driver read.
     *
     * @throws LiquidLensException naming the file when one cannot be had or holds other bytes
     */
    Path model(ModelFiles model);

    /** Every process reads the driver's paths: one machine, or a file system mounted at the same place on all. */
    static WorkInputs shared() {
        return SharedFiles.INSTANCE;
    }

    /** The one wording of a file whose bytes are not those the driver read. */
    static LiquidLensException notTheDriversFile(String name, String actual, String expected) {
        return new LiquidLensException(name + ": is not the file the driver read (SHA-256 " + actual
                + ", the driver's " + expected + "); every executor must see the same files");
    }
}
