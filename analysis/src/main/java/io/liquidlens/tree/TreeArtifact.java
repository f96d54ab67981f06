package io.liquidlens.tree;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One file of a tree's output folder. The command writes every artifact of its list into a fresh folder that
 * replaces the output folder only when all are written, so a new export (e.g. a PDF drawing) joins by adding
 * itself to the list.
 */
public interface TreeArtifact {

    /** The file name inside the output folder, e.g. {@code tree.dot}. */
    String fileName();

    /** Writes the file's content for {@code result} (flush, do not close). */
    void write(TreeResult result, OutputStream out) throws IOException;

    /** An artifact from a name and a writer. */
    static TreeArtifact of(String fileName, Writer writer) {
        return new TreeArtifact() {
            @Override
            public String fileName() {
                return fileName;
            }

            @Override
            public void write(TreeResult result, OutputStream out) throws IOException {
                writer.write(result, out);
            }
        };
    }

    /** Writes one artifact's content. */
    @FunctionalInterface
    interface Writer {
        /** Writes {@code result} to {@code out}. */
        void write(TreeResult result, OutputStream out) throws IOException;
    }
}
