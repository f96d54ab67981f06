package io.liquidlens.spark;

import io.liquidlens.Limits;
import io.liquidlens.LiquidLensException;
import io.liquidlens.causal.WorkInputs;
import io.liquidlens.io.ScratchFolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The inputs sent with a Spark job ({@code report --ship}), so that executors need no file system in common with
 * the driver. Spark's {@code addFile} keeps a file under its name alone, and every model folder holds a
 * {@code model.json}: so each file is sent as a copy named by its SHA-256, which two model folders of one name in
 * different places cannot share unless their bytes are the same, and which executors ask {@code SparkFiles} for
 * ({@link ExecutorInputs}). A file is sent once however often it is named. Everything is counted before the first
 * byte is copied, and refused past {@link Limits#SHIPPED_BYTES}.
 */
final class Shipment {
    private final ScratchFolder scratch;
    private final long maxBytes;
    private final Consumer<String> addFile;
    private final Set<String> sent = new HashSet<>();
    private long bytes;

    /**
     * @param scratch  where the copies wait for the executors to fetch them
     * @param maxBytes the most sent with the job in all
     * @param addFile  adds a local file to the job ({@code JavaSparkContext::addFile})
     */
    Shipment(ScratchFolder scratch, long maxBytes, Consumer<String> addFile) {
        this.scratch = scratch;
        this.maxBytes = maxBytes;
        this.addFile = addFile;
    }

    /**
     * Sends {@code files} (local file to the SHA-256 the driver read) with the job.
     *
     * @throws LiquidLensException naming {@code --ship} when they come to more than the limit (nothing is sent),
     *                             or naming a file that cannot be read or changed since the driver read it
     */
    void send(Map<Path, String> files) {
        Map<String, Path> bySha = new LinkedHashMap<>();
        files.forEach((file, sha) -> {
            if (!sent.contains(sha)) {
                bySha.putIfAbsent(sha, file);
            }
        });
        Map<String, Long> sizes = new LinkedHashMap<>();
        long total = bytes;
        for (Map.Entry<String, Path> e : bySha.entrySet()) {
            long size = size(e.getValue());
            sizes.put(e.getKey(), size);
            total += size;
        }
        if (total > maxBytes) {
            throw new LiquidLensException("--ship: " + Limits.overLimit("the bytes of the models and rollouts", total,
                    maxBytes) + "; put them where every executor reads them (a shared path or a Hadoop URI)");
        }
        for (Map.Entry<String, Path> e : bySha.entrySet()) {
            String sha = e.getKey();
            Path file = e.getValue();
            String copied;
            try (InputStream in = Files.newInputStream(file)) {
                copied = scratch.copy(in, "shipped/" + sha, sizes.get(sha));
            } catch (IOException ex) {
                throw new LiquidLensException(file, "cannot send it with the job: " + ex.getMessage(), ex);
            }
            if (!copied.equals(sha)) {
                throw WorkInputs.notTheDriversFile(file.toString(), copied, sha);
            }
            addFile.accept(scratch.inside("shipped/" + sha).toString());
            sent.add(sha);
            bytes += sizes.get(sha);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new LiquidLensException(file, "cannot send it with the job: " + e.getMessage(), e);
        }
    }
}
