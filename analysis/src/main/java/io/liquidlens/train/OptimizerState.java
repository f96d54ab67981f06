package io.liquidlens.train;

import io.liquidlens.LiquidLensException;
import io.liquidlens.io.DType;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Safetensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a checkpoint needs beyond its float32 weights for a resumed run to continue exactly as if it had
 * never stopped: the parameters in double precision and Adam's moments and update count, in
 * {@code optimizer-eNNNN.safetensors} beside the weights (tensors {@code values}, {@code adam.m},
 * {@code adam.v} (float64, the flat parameter vector in the order of the model's ParamSet) and
 * {@code adam.steps} (int64, one value)).
 *
 * @param values the flat parameter vector
 * @param adam   the optimizer's moments
 */
public record OptimizerState(double[] values, Adam.State adam) {
    private static final String PREFIX = "optimizer-e";
    private static final String SUFFIX = ".safetensors";

    public OptimizerState {
        values = values.clone();
        if (adam.m().length != values.length) {
            throw new IllegalArgumentException(adam.m().length + " moments for " + values.length + " parameters");
        }
    }

    /** The file name for the checkpoint of {@code epoch}. */
    public static String fileName(int epoch) {
        return String.format(Locale.ROOT, "%s%04d%s", PREFIX, epoch, SUFFIX);
    }

    /** Writes the state of {@code epoch} into {@code folder} (atomically) and returns its file name. */
    public String write(Path folder, int epoch) {
        int n = values.length;
        Map<String, NdArray> t = new LinkedHashMap<>();
        t.put("values", NdArray.ofDoubles(new int[] {n}, values.clone()));
        t.put("adam.m", NdArray.ofDoubles(new int[] {n}, adam.m().clone()));
        t.put("adam.v", NdArray.ofDoubles(new int[] {n}, adam.v().clone()));
        t.put("adam.steps", NdArray.ofLongs(DType.INT64, new int[] {1}, new long[] {adam.steps()}));
        String name = fileName(epoch);
        Safetensors.write(folder.resolve(name), t);
        return name;
    }

    /**
     * Reads a state written by {@link #write}.
     *
     * @throws LiquidLensException naming the file when it is missing a tensor or its tensors disagree
     */
    public static OptimizerState read(Path file) {
        Map<String, NdArray> t = Safetensors.read(file);
        for (String name : new String[] {"values", "adam.m", "adam.v", "adam.steps"}) {
            if (!t.containsKey(name)) {
                throw new LiquidLensException(file, "no tensor \"" + name + "\" (not an optimizer state of liquidlens train)");
            }
        }
        double[] values = t.get("values").toDoubleArray();
        double[] m = t.get("adam.m").toDoubleArray();
        double[] v = t.get("adam.v").toDoubleArray();
        long[] steps = t.get("adam.steps").toLongArray();
        if (m.length != values.length || v.length != values.length || steps.length != 1 || steps[0] < 0) {
            throw new LiquidLensException(file, "values, adam.m, adam.v and adam.steps do not fit together");
        }
        return new OptimizerState(values, new Adam.State(m, v, steps[0]));
    }

    /** Deletes every optimizer state in {@code folder} except {@code keep}. */
    public static void removeAllBut(Path folder, String keep) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.startsWith(PREFIX) && n.endsWith(SUFFIX) && !n.equals(keep)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new LiquidLensException(folder, "checkpoint written, but old optimizer states could not be removed: "
                    + e.getMessage(), e);
        }
    }
}
