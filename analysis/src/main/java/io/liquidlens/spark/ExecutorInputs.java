package io.liquidlens.spark;

import io.liquidlens.LiquidLensException;
import io.liquidlens.causal.WorkInputs;
import io.liquidlens.io.FileUris;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkFiles;

/**
 * {@link WorkInputs} on Spark's executors. A file named by a Hadoop URI is copied through Hadoop's
 * {@code FileSystem} with the executor's own Hadoop configuration; when the inputs were sent with the job
 * ({@link Shipment}) every file is taken from {@code SparkFiles} by its SHA-256; either copy is made once per
 * process ({@link ExecutorCopies}) and checked. A model's copy is a folder named as the driver's, with its
 * model.json and weights under the names they had. Any other name is a path every executor sees
 * ({@link WorkInputs#shared()}).
 *
 * @param shipped  the inputs were sent with the job
 * @param maxBytes the most one executor process copies
 */
record ExecutorInputs(boolean shipped, long maxBytes) implements WorkInputs {
    private static final long serialVersionUID = 1L;

    @Override
    public Path file(DataFile file) {
        if (!copied(file.name())) {
            return WorkInputs.shared().file(file);
        }
        return copy(file.name(), file.sha256(), file.sha256() + "/" + lastName(file.name()));
    }

    @Override
    public Path model(ModelFiles model) {
        if (!copied(model.folder())) {
            return WorkInputs.shared().model(model);
        }
        // the folder's name is the two digests: model folders of one name in different places cannot meet
        String folder = model.manifest().sha256() + "-" + model.weights().sha256() + "/" + lastName(model.folder());
        copy(model.folder() + "/" + model.weights().name(), model.weights().sha256(),
                folder + "/" + model.weights().name());
        return copy(model.folder() + "/" + model.manifest().name(), model.manifest().sha256(),
                folder + "/" + model.manifest().name());
    }

    private boolean copied(String name) {
        return shipped || FileUris.isUri(name);
    }

    private Path copy(String name, String sha256, String relative) {
        return ExecutorCopies.get(relative, name, sha256, maxBytes, shipped ? sent(name, sha256) : hadoop(name));
    }

    /** The copy of {@code name} Spark fetched for this executor, sent under its SHA-256. */
    private static ExecutorCopies.Source sent(String name, String sha256) {
        return new ExecutorCopies.Source() {
            private Path file() {
                Path file = Path.of(SparkFiles.get(sha256));
                if (!Files.isRegularFile(file)) {
                    throw new LiquidLensException(name + ": is not among the files sent with the job (SHA-256 "
                            + sha256 + ")");
                }
                return file;
            }

            @Override
            public long size() throws java.io.IOException {
                return Files.size(file());
            }

            @Override
            public InputStream open() throws java.io.IOException {
                return Files.newInputStream(file());
            }
        };
    }

    /** {@code uri} read through Hadoop on this executor. */
    private static ExecutorCopies.Source hadoop(String uri) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
        return new ExecutorCopies.Source() {
            private FileSystem fs() throws java.io.IOException {
                return HadoopFiles.fileSystem(path, HadoopFiles.executorConfiguration());
            }

            @Override
            public long size() throws java.io.IOException {
                return fs().getFileStatus(path).getLen();
            }

            @Override
            public InputStream open() throws java.io.IOException {
                return fs().open(path);
            }
        };
    }

    /** The last part of a path or URI. */
    private static String lastName(String name) {
        String trimmed = StagedInputs.trimmed(name);
        String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return last.isEmpty() ? "root" : last;
    }
}
