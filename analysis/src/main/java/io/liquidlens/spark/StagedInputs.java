package io.liquidlens.spark;

import io.liquidlens.Limits;
import io.liquidlens.LiquidLensException;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.ScratchFolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The driver's local copies of the inputs a report names by Hadoop URIs ({@code hdfs://}, {@code s3a://},
 * {@code file:}, any scheme the classpath has a Hadoop file system for), so that the report reads local paths as
 * always while its provenance names the URIs ({@link #sources}). A model folder is copied as its model.json and the
 * weights file that names, a rollout file as itself, a folder of rollouts as every {@code .npz} under it, each under
 * its own name, so the report names models by their folders as it does for paths. Sizes are counted from the file
 * system's listing before anything is copied, and all copies together may not pass {@link Limits#STAGED_BYTES}.
 * The copies live in the engine's scratch folder, which goes when the run ends.
 */
public final class StagedInputs {
    private static final String MANIFEST = ModelFolder.MANIFEST;

    private final Configuration conf;
    private final java.util.function.Supplier<ScratchFolder> folder;
    private ScratchFolder scratch;
    private final long maxBytes;
    private long bytes;
    private int count;
    /** Each input's copy by its qualified URI, so an input named twice is copied once. */
    private final Map<String, Path> copies = new HashMap<>();
    private final Map<Path, String> sources = new LinkedHashMap<>();

    /** @param folder the scratch folder for the copies, asked for when the first is made */
    StagedInputs(Configuration conf, java.util.function.Supplier<ScratchFolder> folder, long maxBytes) {
        this.conf = conf;
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    /**
     * The model folders {@code token} stands for, as URIs, read as {@code --models} reads paths
     * ({@link UriModelFolders}); at most {@code most + 1}.
     *
     * @throws LiquidLensException naming the URI when it cannot be listed
     */
    public List<String> modelFolders(String token, int most) {
        String uri = trimmed(token);
        org.apache.hadoop.fs.Path path = hadoopPath(uri);
        try {
            return UriModelFolders.of(HadoopFiles.fileSystem(path, conf), path, uri, most);
        } catch (IOException e) {
            throw new LiquidLensException(uri + ": " + HadoopFiles.problem(e), e);
        }
    }

    /**
     * A local copy of the model folder {@code uri} (or of the folder of its model.json), under the folder's name.
     *
     * @throws LiquidLensException naming the URI when it is not a model folder, its weights lie outside it, a file
     *                             cannot be read, or the copies would pass the limit
     */
    public Path model(String uri) {
        return read(uri, "no such model folder or file", (fs, path, status, name) -> {
            if (!status.isFile()) {
                return once(fs, path, name, "models", (into, copy) -> copyModel(fs, path, name, into, copy));
            }
            if (!path.getName().equals(MANIFEST) || path.getParent() == null) {
                throw new LiquidLensException(name + ": is a file, not a model folder (a folder holding " + MANIFEST
                        + ")");
            }
            String folder = name.substring(0, name.length() - MANIFEST.length() - 1);
            return once(fs, path.getParent(), folder, "models",
                    (into, copy) -> copyModel(fs, path.getParent(), folder, into, copy));
        });
    }

    private void copyModel(FileSystem fs, org.apache.hadoop.fs.Path path, String folder, String into, Path copy)
            throws IOException {
        FileStatus manifest = HadoopFiles.statusOrNull(fs, new org.apache.hadoop.fs.Path(path, MANIFEST));
        if (manifest == null || !manifest.isFile()) {
            throw new LiquidLensException(folder + ": no " + MANIFEST + " in this folder");
        }
        copy(fs, manifest, folder + "/" + MANIFEST, into + "/" + MANIFEST);
        Path weights = ModelFolder.weightsFile(copy, ModelFolder.readManifest(copy));
        if (!weights.startsWith(copy)) {
            throw new LiquidLensException(folder + "/" + MANIFEST + ": \"weights\" names a file outside the model"
                    + " folder; a model read from a URI must hold its weights");
        }
        String relative = copy.relativize(weights).toString().replace(java.io.File.separatorChar, '/');
        FileStatus w = HadoopFiles.statusOrNull(fs, new org.apache.hadoop.fs.Path(path, relative));
        if (w == null || !w.isFile()) {
            throw new LiquidLensException(folder + "/" + relative + ": weights file named in model.json does not exist");
        }
        copy(fs, w, folder + "/" + relative, into + "/" + relative);
    }

    /**
     * A local copy of the rollout file {@code uri}, or of the folder {@code uri} with every {@code .npz} under it
     * at any depth (as {@code --rollouts} reads a folder), under its own name; a folder's files are all counted
     * before the first is copied.
     *
     * @throws LiquidLensException naming the URI when it does not exist, a folder holds no {@code .npz}, a file
     *                             cannot be read, or the copies would pass the limit
     */
    public Path rollouts(String uri) {
        return read(uri, "no such rollout file or folder", (fs, path, status, name) ->
                once(fs, path, name, "rollouts", (into, copy) -> {
                    if (status.isFile()) {
                        copy(fs, status, name, into);
                    } else {
                        copyRollouts(fs, path, name, into);
                    }
                }));
    }

    /** What is done with an input that exists. */
    private interface Reading {
        Path read(FileSystem fs, org.apache.hadoop.fs.Path path, FileStatus status, String name) throws IOException;
    }

    /**
     * {@code reading} of the input {@code uri}, named as the user wrote it without its closing slashes.
     *
     * @throws LiquidLensException "URI: {@code missing}" when nothing is there, or naming the URI when it cannot be read
     */
    private Path read(String uri, String missing, Reading reading) {
        String name = trimmed(uri);
        org.apache.hadoop.fs.Path path = hadoopPath(name);
        try {
            FileSystem fs = HadoopFiles.fileSystem(path, conf);
            FileStatus status = HadoopFiles.statusOrNull(fs, path);
            if (status == null) {
                throw new LiquidLensException(name + ": " + missing);
            }
            return reading.read(fs, path, status, name);
        } catch (IOException e) {
            throw new LiquidLensException(name + ": " + HadoopFiles.problem(e), e);
        }
    }

    private void copyRollouts(FileSystem fs, org.apache.hadoop.fs.Path path, String name, String into)
            throws IOException {
        String base = fs.makeQualified(path).toUri().getPath();
        Map<String, FileStatus> files = new LinkedHashMap<>();
        long total = 0;
        RemoteIterator<LocatedFileStatus> all = fs.listFiles(path, true);
        while (all.hasNext()) {
            LocatedFileStatus f = all.next();
            if (f.isFile() && f.getPath().getName().toLowerCase(Locale.ROOT).endsWith(".npz")) {
                String relative = f.getPath().toUri().getPath().substring(base.length()).replaceFirst("^/+", "");
                files.put(relative, f);
                total += f.getLen();
            }
        }
        if (files.isEmpty()) {
            throw new LiquidLensException(name + ": folder holds no .npz rollouts (nor do its subfolders)");
        }
        reserve(name, total);
        for (Map.Entry<String, FileStatus> f : files.entrySet()) {
            write(fs, f.getValue(), name + "/" + f.getKey(), into + "/" + f.getKey());
        }
    }

    /** Copies an input. */
    private interface Copying {
        /** Copies into {@code into} of the scratch folder, which is {@code copy}. */
        void copy(String into, Path copy) throws IOException;
    }

    /**
     * The copy of the input {@code name} at {@code path}, made by {@code copying} under {@code kind/N/NAME} the first
     * time it is asked for; it stands in {@link #sources} from the start, so a problem met while it is made is
     * said of the URI.
     */
    private Path once(FileSystem fs, org.apache.hadoop.fs.Path path, String name, String kind, Copying copying)
            throws IOException {
        String key = fs.makeQualified(path).toString();
        Path done = copies.get(key);
        if (done != null) {
            return done;
        }
        String into = kind + "/" + (count++) + "/" + nameOf(path);
        Path copy = scratch().inside(into);
        sources.put(copy, name);
        copying.copy(into, copy);
        copies.put(key, copy);
        return copy;
    }

    /** The copies made, each with the URI it was copied from (as {@code AuditRequest}'s sources). */
    public Map<Path, String> sources() {
        return java.util.Collections.unmodifiableMap(sources);
    }

    /** {@code message} with every copy's path replaced by the URI it was copied from, so a problem names the URI. */
    public String named(String message) {
        String named = message;
        List<Map.Entry<Path, String>> longestFirst = new ArrayList<>(sources.entrySet());
        longestFirst.sort(Comparator.comparingInt((Map.Entry<Path, String> e) -> e.getKey().toString().length())
                .reversed());
        for (Map.Entry<Path, String> e : longestFirst) {
            named = named.replace(e.getKey().toString(), e.getValue());
        }
        return named;
    }

    private void copy(FileSystem fs, FileStatus file, String name, String into) throws IOException {
        reserve(name, file.getLen());
        write(fs, file, name, into);
    }

    private void write(FileSystem fs, FileStatus file, String name, String into) {
        try (InputStream in = fs.open(file.getPath())) {
            scratch().copy(in, into, file.getLen());
        } catch (IOException e) {
            throw new LiquidLensException(name + ": " + HadoopFiles.problem(e), e);
        }
    }

    private ScratchFolder scratch() {
        if (scratch == null) {
            scratch = folder.get();
        }
        return scratch;
    }

    /** Counts {@code more} bytes of {@code name} against the limit before they are copied. */
    private void reserve(String name, long more) {
        if (bytes + more > maxBytes) {
            throw new LiquidLensException(name + ": " + Limits.overLimit("the bytes read from URIs", bytes + more,
                    maxBytes) + "; give the largest inputs as paths every executor sees");
        }
        bytes += more;
    }

    private static org.apache.hadoop.fs.Path hadoopPath(String uri) {
        try {
            return new org.apache.hadoop.fs.Path(uri);
        } catch (IllegalArgumentException e) {
            throw new LiquidLensException(uri + ": not a URI Hadoop reads (" + e.getMessage() + ")", e);
        }
    }

    /** A copy's name: the input's own, or its host's for the root of a file system. */
    private static String nameOf(org.apache.hadoop.fs.Path path) {
        String name = path.getName();
        if (!name.isEmpty()) {
            return name;
        }
        String host = path.toUri().getAuthority();
        return host == null || host.isEmpty() ? "root" : host;
    }

    /** A URI as the user wrote it, without the slashes that may end a folder's. */
    static String trimmed(String uri) {
        String t = uri.strip();
        while (t.endsWith("/") && !t.endsWith(":/") && !t.endsWith("://")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}
