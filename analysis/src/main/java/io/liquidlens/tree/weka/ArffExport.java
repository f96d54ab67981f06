package io.liquidlens.tree.weka;

import io.liquidlens.tree.TreeDataset;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import weka.core.Instances;

/**
 * The training table as ARFF, as Weka writes it, so it opens in Weka's Explorer: every row (held-out episodes
 * included), one numeric attribute per feature named as the tree names it, then the nominal {@code class}.
 */
public final class ArffExport {
    private static final int DECIMALS = 10;
    private ArffExport() {
    }

    /** Writes {@code data} as ARFF to {@code out} (UTF-8; the stream is flushed, not closed). */
    public static void write(TreeDataset data, String relation, OutputStream out) throws IOException {
        Instances inst = WekaTables.of(data, WekaTables.all(data), relation);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        // Weka's own header; the rows as Weka writes them but with 10 decimals instead of its default 6, so the
        // float32 states come back to within 1e-10 (6 decimals would move values across the tree's thresholds)
        w.write(new Instances(inst, 0).toString());
        w.write('\n');
        for (int i = 0; i < inst.numInstances(); i++) {
            w.write(inst.instance(i).toStringMaxDecimalDigits(DECIMALS));
            w.write('\n');
        }
        w.flush();
    }
}
