package io.liquidlens.spark;

import io.liquidlens.io.ModelFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The model folders a {@code --models} URI stands for, read as the command line reads a path: itself when it is not
 * a folder or holds model.json (copying it says what is wrong), the folders holding model.json that a pattern in
 * its last element ({@code *}, {@code ?}) matches through {@code FileSystem.globStatus}, or those inside a folder
 * of model folders (every epoch of a run); in name order, named by the URI as the user wrote it.
 */
final class UriModelFolders {
    private UriModelFolders() {
    }

    /**
     * The model folders {@code uri} (at {@code path} on {@code fs}) stands for; listing stops after {@code most + 1},
     * which the caller refuses.
     */
    static List<String> of(FileSystem fs, Path path, String uri, int most) throws IOException {
        String last = path.getName();
        List<String> found = new ArrayList<>();
        String parent;
        if (last.contains("*") || last.contains("?")) {
            parent = StagedInputs.trimmed(uri.substring(0, uri.length() - last.length()));
            FileStatus[] matched = fs.globStatus(path);
            for (int i = 0; matched != null && i < matched.length && found.size() <= most; i++) {
                if (isModelFolder(fs, matched[i])) {
                    found.add(matched[i].getPath().getName());
                }
            }
        } else {
            FileStatus status = HadoopFiles.statusOrNull(fs, path);
            if (status == null || !status.isDirectory() || fs.isFile(new Path(path, ModelFolder.MANIFEST))) {
                return List.of(uri);
            }
            parent = uri;
            RemoteIterator<FileStatus> entries = fs.listStatusIterator(path);
            while (entries.hasNext() && found.size() <= most) {
                FileStatus entry = entries.next();
                if (isModelFolder(fs, entry)) {
                    found.add(entry.getPath().getName());
                }
            }
        }
        return found.stream().sorted(io.liquidlens.io.NameOrder.NATURAL).map(name -> parent + "/" + name).toList();
    }

    private static boolean isModelFolder(FileSystem fs, FileStatus status) throws IOException {
        return status.isDirectory() && fs.isFile(new Path(status.getPath(), ModelFolder.MANIFEST));
    }
}
