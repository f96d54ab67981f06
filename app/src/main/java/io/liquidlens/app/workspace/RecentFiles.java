package io.liquidlens.app.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The last {@value #LIMIT} model folders, rollout files and model-and-rollout pairs opened, most recent first, kept
 * in {@link Preferences} so File > Recent survives a restart. Pairs live under keys of their own, so lists written
 * before pairs were remembered read as they were. Tests point the store at a throwaway node through
 * the {@value #NODE_PROPERTY} system property and remove it afterwards.
 */
public final class RecentFiles {
    /** How many models, how many rollouts and how many pairs are remembered. */
    public static final int LIMIT = 8;
    /** System property naming the user preferences node (a path relative to the user root). */
    public static final String NODE_PROPERTY = "liquidlens.prefs.node";
    /** The node used when the property is not set. */
    public static final String DEFAULT_NODE = "io/liquidlens/app";

    private static final String MODEL_KEY = "recent.model.";
    private static final String ROLLOUT_KEY = "recent.rollout.";
    private static final String PAIR_MODEL_KEY = "recent.pair.model.";
    private static final String PAIR_ROLLOUT_KEY = "recent.pair.rollout.";

    private final Preferences store;
    private final ObservableList<Path> models = FXCollections.observableArrayList();
    private final ObservableList<Path> rollouts = FXCollections.observableArrayList();
    private final ObservableList<RecentPair> pairs = FXCollections.observableArrayList();
    // kept in fields: an unmodifiable view listens weakly to its list, so a view made per call can be
    // collected together with the listeners added to it
    private final ObservableList<Path> modelsView = FXCollections.unmodifiableObservableList(models);
    private final ObservableList<Path> rolloutsView = FXCollections.unmodifiableObservableList(rollouts);
    private final ObservableList<RecentPair> pairsView = FXCollections.unmodifiableObservableList(pairs);

    /** Lists kept in {@code store}, or only in memory when it is null. */
    public RecentFiles(Preferences store) {
        this.store = store;
        if (store != null) {
            models.setAll(read(MODEL_KEY));
            rollouts.setAll(read(ROLLOUT_KEY));
            pairs.setAll(readPairs());
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

    /** Recent model-and-rollout pairs, most recent first (read-only view). */
    public ObservableList<RecentPair> pairs() {
        return pairsView;
    }

    /** Puts the pair of {@code folder} and {@code file} first in the pair list. */
    public void addPair(Path folder, Path file) {
        RecentPair p = new RecentPair(normal(folder), normal(file));
        List<RecentPair> next = new ArrayList<>(pairs);
        next.remove(p);
        next.add(0, p);
        pairs.setAll(next.subList(0, Math.min(LIMIT, next.size())));
        writePairs();
    }

    /** Puts {@code folder} first in the model list. */
    public void addModel(Path folder) {
        push(models, folder, MODEL_KEY);
    }

    /** Puts {@code file} first in the rollout list. */
    public void addRollout(Path file) {
        push(rollouts, file, ROLLOUT_KEY);
    }

    /** Forgets every list. */
    public void clear() {
        models.clear();
        rollouts.clear();
        pairs.clear();
        write(MODEL_KEY, models);
        write(ROLLOUT_KEY, rollouts);
        writePairs();
    }

    private void push(ObservableList<Path> list, Path path, String key) {
        Path p = normal(path);
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

    /** The pairs stored, skipping any whose model or rollout key is missing (a half-written entry). */
    private List<RecentPair> readPairs() {
        List<Path> m = readEach(PAIR_MODEL_KEY);
        List<Path> r = readEach(PAIR_ROLLOUT_KEY);
        List<RecentPair> out = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            if (m.get(i) != null && r.get(i) != null) {
                out.add(new RecentPair(m.get(i), r.get(i)));
            }
        }
        return out;
    }

    /** Slot {@code i} of {@code key}, or null where it is empty. */
    private List<Path> readEach(String key) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            String value = store.get(key + i, null);
            out.add(value == null || value.isBlank() ? null : Path.of(value));
        }
        return out;
    }

    private void writePairs() {
        if (store == null) {
            return;
        }
        put(PAIR_MODEL_KEY, pairs.stream().map(RecentPair::model).toList());
        put(PAIR_ROLLOUT_KEY, pairs.stream().map(RecentPair::rollout).toList());
        flush();
    }

    private void write(String key, List<Path> list) {
        if (store == null) {
            return;
        }
        put(key, list);
        flush();
    }

    private void put(String key, List<Path> list) {
        for (int i = 0; i < LIMIT; i++) {
            if (i < list.size()) {
                store.put(key + i, list.get(i).toString());
            } else {
                store.remove(key + i);
            }
        }
    }

    private void flush() {
        try {
            store.flush();
        } catch (BackingStoreException e) {
            // the lists still work for this session; failing to persist them is not worth a dialog
        }
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
