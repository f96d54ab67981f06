package io.liquidlens.app.traces;

import io.liquidlens.app.export.ExportFiles;
import io.liquidlens.app.task.ProgressSink;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.Activity;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The traces as a table, one row per step: {@code step, <neuron> state..., <neuron> tau..., output...,
 * action...}. This is what the CSV export writes; it holds no JavaFX so it can be checked on its own.
 * Numbers are written with {@link Float#toString(float)}: the same text in every locale, and it reads back
 * as the identical float.
 */
public final class TraceTable {
    /** Rows between two looks for a cancel while writing. */
    private static final int PROGRESS_ROWS = 4096;
    private final Activity activity;
    private final List<TraceNeuron> neurons;
    private final List<String> outputNames;
    private final float[] actions;
    private final List<String> actionNames;

    /**
     * @param activity    what the model did over the rollout
     * @param neurons     the neurons whose state and tau become columns, in column order
     * @param outputNames one name per output of {@code activity}
     * @param actions     the rollout's recorded (T, M) actions, or null
     * @param actionNames one name per action column (ignored without actions)
     */
    public TraceTable(Activity activity, List<TraceNeuron> neurons, List<String> outputNames, NdArray actions,
                      List<String> actionNames) {
        this.activity = Objects.requireNonNull(activity, "activity");
        this.neurons = List.copyOf(neurons);
        this.outputNames = List.copyOf(outputNames);
        if (this.outputNames.size() != activity.outputs()) {
            throw new IllegalArgumentException(outputNames.size() + " output names for " + activity.outputs()
                    + " outputs");
        }
        for (TraceNeuron n : this.neurons) {
            if (n.id() < 0 || n.id() >= activity.neurons()) {
                throw new IllegalArgumentException("no neuron " + n.id() + " among " + activity.neurons());
            }
        }
        if (actions == null) {
            this.actions = null;
            this.actionNames = List.of();
        } else {
            if (actions.rank() != 2 || actions.dim(0) != activity.steps()) {
                throw new IllegalArgumentException("actions must be (" + activity.steps() + ", M), not "
                        + java.util.Arrays.toString(actions.shape()));
            }
            if (actionNames.size() != actions.dim(1)) {
                throw new IllegalArgumentException(actionNames.size() + " action names for " + actions.dim(1)
                        + " action columns");
            }
            this.actions = actions.floatsView();
            this.actionNames = List.copyOf(actionNames);
        }
    }

    /**
     * The table of {@code neurons} for the workspace's current state: outputs named after the model's
     * manifest, actions (if the rollout recorded them) named the same way when the counts agree.
     */
    public static TraceTable of(Activity activity, List<TraceNeuron> neurons, LoadedModel model, Rollout rollout) {
        List<String> named = model == null ? List.of() : model.manifest().outputs();
        NdArray actions = rollout == null ? null : rollout.actions();
        if (actions != null && (actions.rank() != 2 || actions.dim(0) != activity.steps())) {
            actions = null;
        }
        return new TraceTable(activity, neurons, ColumnNames.of(named, activity.outputs(), ""), actions,
                actions == null ? List.of() : ColumnNames.of(named, actions.dim(1), ""));
    }

    /** Number of rows (= steps). */
    public int rows() {
        return activity.steps();
    }

    /** The neurons whose columns the table holds. */
    public List<TraceNeuron> neurons() {
        return neurons;
    }

    /** Output names (the {@code output <name>} columns). */
    public List<String> outputNames() {
        return outputNames;
    }

    /** Action names (the {@code action <name>} columns); empty without recorded actions. */
    public List<String> actionNames() {
        return actionNames;
    }

    /** Recorded action {@code k} at step {@code t} (only with actions). */
    public float action(int t, int k) {
        return actions[t * actionNames.size() + k];
    }

    /** True when the rollout recorded actions. */
    public boolean hasActions() {
        return actions != null;
    }

    /** Column names, in order. */
    public List<String> header() {
        List<String> h = new ArrayList<>();
        h.add("step");
        neurons.forEach(n -> h.add(n.name() + " state"));
        neurons.forEach(n -> h.add(n.name() + " tau"));
        outputNames.forEach(o -> h.add("output " + o));
        actionNames.forEach(a -> h.add("action " + a));
        return h;
    }

    /** The values of step {@code t}, as text, in header order. */
    public List<String> row(int t) {
        List<String> r = new ArrayList<>(1 + 2 * neurons.size() + outputNames.size() + actionNames.size());
        r.add(Integer.toString(t));
        neurons.forEach(n -> r.add(Float.toString(activity.state(t, n.id()))));
        neurons.forEach(n -> r.add(Float.toString(activity.tau(t, n.id()))));
        for (int m = 0; m < outputNames.size(); m++) {
            r.add(Float.toString(activity.output(t, m)));
        }
        for (int k = 0; k < actionNames.size(); k++) {
            r.add(Float.toString(action(t, k)));
        }
        return r;
    }

    /** Writes the header and every row as CSV (RFC 4180 quoting, "\n" line ends). */
    public void write(Writer out) throws IOException {
        write(out, ProgressSink.NONE);
    }

    /** As {@link #write(Writer)}, reporting the rows written and stopping at a cancel. */
    public void write(Writer out, ProgressSink progress) throws IOException {
        line(out, header());
        int rows = rows();
        for (int t = 0; t < rows; t++) {
            line(out, row(t));
            if (t % PROGRESS_ROWS == PROGRESS_ROWS - 1) {
                progress.checkCancelled();
                progress.progress(t + 1, rows);
            }
        }
    }

    /** Writes the CSV to {@code file} through a temporary file and an atomic move (UTF-8). */
    public void write(Path file) {
        write(file, ProgressSink.NONE);
    }

    /**
     * As {@link #write(Path)}, reporting progress and stopping at a cancel (the file then stays as it was); the
     * table reads activities that are never changed, so this runs on a worker thread.
     */
    public void write(Path file, ProgressSink progress) {
        ExportFiles.write(file, progress, stream -> {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            write(w, progress);
            w.flush();
        });
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write('\n');
    }

    /** Quotes a cell that holds a comma, a quote or a line break; names come from user files. */
    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
