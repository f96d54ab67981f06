package io.liquidlens.app.importing;

import io.liquidlens.LiquidLensException;
import io.liquidlens.app.task.LatestTask;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.checkpoint.CheckpointImport;
import io.liquidlens.checkpoint.CheckpointImport.Inspection;
import io.liquidlens.io.InputRole;
import io.liquidlens.spec.LtcSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The import form's state: the checkpoint, what {@link CheckpointImport#inspect} read from it, the settings no
 * tensor records (prefilled with ncps's defaults), the model's name, its input names and the folder to write.
 * Reading and writing are background tasks of one {@link LatestTask}; a problem is one line in
 * {@link #errorProperty()}. On success the written folder is handed to the workspace's own model opening.
 */
public final class ImportFormViewModel {
    /** Who writes, for the folder's provenance and its output lock. */
    static final String COMMAND = "LiquidLens workbench import";
    /** Why a setting no tensor of this kind records holds its default. */
    private static final String NCPS_DEFAULT = "ncps default";
    /** Folders tried beside the checkpoint before the form leaves the choice to the user. */
    private static final int MAX_TARGET_TRIES = 100;

    private final LatestTask task;
    private final Consumer<Path> open;
    private final ReadOnlyObjectWrapper<Path> checkpoint = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Inspection> inspection = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ImportSetting> settings = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty inputs = new SimpleStringProperty("");
    private final StringProperty roles = new SimpleStringProperty("");
    private final StringProperty target = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper read = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> imported = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<String> error = new SimpleObjectProperty<>();

    /** A form whose tasks run on {@code executor}; {@code open} opens a written model folder in the workspace. */
    public ImportFormViewModel(TaskExecutor executor, Consumer<Path> open) {
        this.task = new LatestTask(executor);
        this.open = open;
    }

    /** Reads {@code file} in the background and fills the form from it; the fields of an earlier file are cleared. */
    public void inspect(Path file) {
        checkpoint.set(file);
        inspection.set(null);
        settings.clear();
        imported.set(null);
        error.set(null);
        read.set("Reading " + file.getFileName() + " ...");
        name.set(stem(file));
        inputs.set("");
        roles.set("");
        target.set(defaultTarget(file).toString());
        task.start("Reading " + file.getFileName(), sink -> CheckpointImport.inspect(file, Map.of()), done -> {
            inspection.set(done);
            settings.setAll(fields(done));
            read.set(describe(done));
        }, failure -> {
            read.set("");
            error.set(explain(failure));
        });
    }

    /**
     * Checks the fields, then writes the model folder in the background and opens it; a bad field or a failed
     * write is one line in {@link #errorProperty()} and nothing is opened.
     */
    public void importModel() {
        Inspection read = inspection.get();
        if (read == null) {
            error.set("Nothing read yet: choose an ncps checkpoint (.pt, .pth or .safetensors)");
            return;
        }
        List<String> names;
        Map<String, InputRole> declared;
        Path out;
        try {
            names = inputNames(read.spec().inputSize());
            declared = inputRoles(names, read.spec().inputSize());
            out = targetFolder();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        Map<String, String> given = givenSettings();
        String modelName = name.get() == null || name.get().isBlank() ? null : name.get().trim();
        Path file = read.checkpoint();
        error.set(null);
        task.start("Importing " + file.getFileName(), sink -> {
            sink.message("Reading " + file.getFileName());
            // read again with the settings given, so what is written and what it says it assumed agree
            Inspection withSettings = given.isEmpty() ? read : CheckpointImport.inspect(file, given);
            sink.checkCancelled();
            sink.message("Writing " + out);
            CheckpointImport.write(withSettings, out, COMMAND, modelName, names, declared);
            return out;
        }, done -> {
            open.accept(done);
            imported.set(done);
        }, failure -> error.set(explain(failure)));
    }

    /** Stops reading or writing; a folder is written whole or not at all. */
    public void cancel() {
        task.cancel();
    }

    /**
     * The form's fields: the settings no tensor of this kind records, then any other setting the import had to
     * assume for this checkpoint (an LTC without output mapping does not record its {@code output_size}), each with
     * the value assumed; the import's assumed lines read {@code KEY=VALUE (why)}.
     */
    static List<ImportSetting> fields(Inspection i) {
        Map<String, ImportSetting> assumed = new LinkedHashMap<>();
        for (String line : i.assumed()) {
            int eq = line.indexOf('=');
            int end = line.indexOf(" (", Math.max(eq, 0));
            if (eq > 0 && end > eq + 1 && line.endsWith(")")) {
                String key = line.substring(0, eq);
                assumed.putIfAbsent(key, new ImportSetting(key, line.substring(eq + 1, end),
                        line.substring(end + 2, line.length() - 1)));
            }
        }
        Map<String, ImportSetting> out = new LinkedHashMap<>();
        // whose default it is (ncps's, or torch's for a baseline) is what the import's own line says
        i.unrecorded().forEach((key, value) -> out.put(key, new ImportSetting(key, value,
                assumed.containsKey(key) ? assumed.get(key).why() : NCPS_DEFAULT)));
        assumed.forEach(out::putIfAbsent);
        return List.copyOf(out.values());
    }

    /** The settings whose value differs from ncps's default, as {@code --set} would give them. */
    Map<String, String> givenSettings() {
        Map<String, String> given = new LinkedHashMap<>();
        for (ImportSetting s : settings) {
            if (!s.assumedProperty().get()) {
                given.put(s.key(), s.given());
            }
        }
        return given;
    }

    /** The names typed, comma-separated; none for {@code input_0, input_1, ...}. */
    private List<String> inputNames(int inputSize) {
        String text = inputs.get() == null ? "" : inputs.get().trim();
        if (text.isEmpty()) {
            return List.of();
        }
        String[] parts = text.split(",", -1);
        if (parts.length != inputSize) {
            throw new IllegalArgumentException("Input names: " + parts.length + " given, but the checkpoint has "
                    + inputSize + " inputs (leave empty for input_0, input_1, ...)");
        }
        List<String> names = new ArrayList<>();
        for (String p : parts) {
            String n = p.trim();
            if (n.isEmpty()) {
                throw new IllegalArgumentException("Input names: an empty name; give " + inputSize
                        + " names separated by commas");
            }
            if (names.contains(n)) {
                throw new IllegalArgumentException("Input names: '" + n + "' is given twice");
            }
            names.add(n);
        }
        return names;
    }

    /** The roles typed ({@code NAME=ROLE,...}), each NAME one of the inputs' names. */
    private Map<String, InputRole> inputRoles(List<String> names, int inputSize) {
        Map<String, InputRole> given;
        try {
            given = InputRole.parseList(roles.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Input roles: " + e.getMessage(), e);
        }
        List<String> all = new ArrayList<>(names);
        if (all.isEmpty()) {
            for (int i = 0; i < inputSize; i++) {
                all.add("input_" + i);
            }
        }
        for (String n : given.keySet()) {
            if (!all.contains(n)) {
                throw new IllegalArgumentException("Input roles: '" + n + "' is not one of the input names "
                        + (all.size() <= 12 ? all.toString() : "(" + all.size() + " of them)"));
            }
        }
        return given;
    }

    private Path targetFolder() {
        String text = target.get() == null ? "" : target.get().trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Target folder: choose the folder to write the model to");
        }
        try {
            return Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("Target folder: '" + text + "' is not a path: " + e.getReason(), e);
        }
    }

    /** A new folder beside {@code file} named after it ({@code weights-2} when {@code weights} is taken, ...). */
    static Path defaultTarget(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        String stem = stem(file);
        Path candidate = dir.resolve(stem);
        for (int i = 2; Files.exists(candidate) && i < MAX_TARGET_TRIES; i++) {
            candidate = dir.resolve(stem + "-" + i);
        }
        return candidate;
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** What was read: the model in one line, its mappings, and how many settings the tensors leave open. */
    static String describe(Inspection i) {
        StringBuilder sb = new StringBuilder(i.summary());
        if (i.spec().cell() instanceof LtcSpec ltc) {
            sb.append("\ninput mapping ").append(lower(ltc.inputMapping())).append(", output mapping ")
                    .append(lower(ltc.outputMapping()));
        }
        int open = fields(i).size();
        i.notes().forEach(note -> sb.append("\nnote: ").append(note));
        sb.append('\n').append(open == 0 ? "every setting is recorded in the tensors"
                : open + " setting" + (open == 1 ? "" : "s") + " no tensor records: the defaults are assumed"
                + " unless changed below");
        return sb.toString();
    }

    private static String lower(Object mapping) {
        return String.valueOf(mapping).toLowerCase(Locale.ROOT);
    }

    private static String explain(Throwable failure) {
        return LatestTask.oneLine(failure instanceof LiquidLensException || failure instanceof IllegalArgumentException
                ? failure.getMessage() : "import failed: " + failure);
    }

    /** The checkpoint read, or null. */
    public ReadOnlyObjectProperty<Path> checkpointProperty() {
        return checkpoint.getReadOnlyProperty();
    }

    /** What {@link CheckpointImport#inspect} read, once it has; null while reading or after a failure. */
    public ReadOnlyObjectProperty<Inspection> inspectionProperty() {
        return inspection.getReadOnlyProperty();
    }

    /** The settings no tensor records, with ncps's defaults, in ncps's order (empty until read). */
    public ObservableList<ImportSetting> settings() {
        return settings;
    }

    /** The model's name (prefilled with the checkpoint's; empty for it). */
    public StringProperty nameProperty() {
        return name;
    }

    /** The input names, comma-separated (empty for {@code input_0, input_1, ...}). */
    public StringProperty inputsProperty() {
        return inputs;
    }

    /** Roles of some inputs, {@code NAME=ROLE,...} (empty: every input by its name's convention). */
    public StringProperty rolesProperty() {
        return roles;
    }

    /** The folder to write: new, or one LiquidLens wrote. */
    public StringProperty targetProperty() {
        return target;
    }

    /** What was read, a few lines. */
    public ReadOnlyStringProperty readProperty() {
        return read.getReadOnlyProperty();
    }

    /** The folder written and opened, once an import succeeded. */
    public ReadOnlyObjectProperty<Path> importedProperty() {
        return imported.getReadOnlyProperty();
    }

    /** True while a checkpoint is read or a folder written. */
    public ReadOnlyBooleanProperty runningProperty() {
        return task.runningProperty();
    }

    /** The last problem, one line, or null. */
    public ObjectProperty<String> errorProperty() {
        return error;
    }
}
