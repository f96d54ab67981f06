package io.liquidlens.app.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The last {@value #LIMIT} model folders and rollout files opened, most recent first, kept in
 * {@link Preferences} so File > Recent survives a restart. Tests point the store at a throwaway node through
 * the {@value #NODE_PROPERTY} system property and remove it afterwards.
 */
public final class RecentFiles {
    /** How many models and how many rollouts are remembered. */
    public static final int LIMIT = 8;
    /** System property naming the user preferences node (a path relative to the user root). */
    public static final String NODE_PROPERTY = "liquidlens.prefs.node";
    /** The node used when the property is not set. */
    public static final String DEFAULT_NODE = "io/liquidlens/app";

    private static final String MODEL_KEY = "recent.model.";
    private static final String ROLLOUT_KEY = "recent.rollout.";

    private final Preferences store;
    private final ObservableList<Path> models = FXCollections.observableArrayList();
    private final ObservableList<Path> rollouts = FXCollections.observableArrayList();
    // kept in fields: an unmodifiable view listens weakly to its list, so a view made per call can be
    // collected together with the listeners added to it
    private final ObservableList<Path> modelsView = FXCollections.unmodifiableObservableList(models);
    private final ObservableList<Path> rolloutsView = FXCollections.unmodifiableObservableList(rollouts);

    /** Lists kept in {@code store}, or only in memory when it is null. */
    public RecentFiles(Preferences store) {
        this.store = store;
        if (store != null) {
            models.setAll(read(MODEL_KEY));
            rollouts.setAll(read(ROLLOUT_KEY));
        }
    }

    /** Lists kept only while the program runs. */
    public static RecentFiles inMemory() {
        return new RecentFiles(null);
    }

    /** Lists kept in the user preferences node named by {@value #NODE_PROPERTY} (or {@value #DEFAULT_NODE}). */
    public static RecentFiles fromUserPreferences() {
        return new RecentFiles(Preferences.userRoot().node(System.getProperty(NODE_PROPERTY, DEFAULT_NODE)));
    }

    /** Recent model folders, most recent first (read-only view). */
    public ObservableList<Path> models() {
        return modelsView;
    }

    /** Recent rollout files, most recent first (read-only view). */
    public ObservableList<Path> rollouts() {
        return rolloutsView;
    }

    /** Puts {@code folder} first in the model list. */
    public void addModel(Path folder) {
        push(models, folder, MODEL_KEY);
    }

    /** Puts {@code file} first in the rollout list. */
    public void addRollout(Path file) {
        push(rollouts, file, ROLLOUT_KEY);
    }

    /** Forgets both lists. */
    public void clear() {
        models.clear();
        rollouts.clear();
        write(MODEL_KEY, models);
        write(ROLLOUT_KEY, rollouts);
    }

    private void push(ObservableList<Path> list, Path path, String key) {
        Path p = path.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(list);
        next.remove(p);
        next.add(0, p);
        list.setAll(next.subList(0, Math.min(LIMIT, next.size())));
        write(key, list);
    }

    private List<Path> read(String key) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            String value = store.get(key + i, null);
            if (value != null && !value.isBlank()) {
                out.add(Path.of(value));
            }
        }
        return out;
    }

    private void write(String key, List<Path> list) {
        if (store == null) {
            return;
        }
        for (int i = 0; i < LIMIT; i++) {
            if (i < list.size()) {
                store.put(key + i, list.get(i).toString());
            } else {
                store.remove(key + i);
            }
        }
        try {
            store.flush();
        } catch (BackingStoreException e) {
            // the lists still work for this session; failing to persist them is not worth a dialog
        }
    }
}
