package io.liquidlens.app.saliency;

import io.liquidlens.causal.SaliencyShare;
import io.liquidlens.io.InputRole;
import io.liquidlens.model.LoadedModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A vector model's input roles in the Saliency tab and the share of the cursor's maps on each role. The roles start
 * as the report resolves them (model.json's {@code inputs.roles}, else the sample world's naming) and the user may
 * change them for the session; the shares are the report's own ({@link SaliencyShare#ofInputs}), so the report run
 * with the changed roles measures what the tab shows. A camera model has no roles: its pixels are classed by the
 * rollout's label maps.
 */
public final class InputRoleShares {
    private final ReadOnlyObjectWrapper<Map<String, InputRole>> roles = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyObjectWrapper<SaliencyShare> clean = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SaliencyShare> perturbed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper line = new ReadOnlyStringWrapper("");
    private Map<String, InputRole> ofModel = Map.of();
    private LoadedModel model;
    private StepMaps maps;

    InputRoleShares() {
    }

    /** The loaded model: a new one brings its own roles, and the session's changes are dropped. */
    void model(LoadedModel m) {
        if (m == model) {
            return;
        }
        model = m;
        ofModel = m == null || m.network().head().isPresent() ? Map.of() : m.manifest().inputs().resolvedRoles();
        roles.set(ofModel);
        maps(null);
    }

    /** The maps shown now (null when none). */
    void maps(StepMaps s) {
        maps = s;
        measure();
    }

    /**
     * Gives input {@code name} the role {@code role} for the session; the shares follow at once.
     *
     * @throws IllegalArgumentException when {@code name} is no input of the loaded model
     */
    public void set(String name, InputRole role) {
        if (!roles.get().containsKey(name)) {
            throw new IllegalArgumentException("'" + name + "' is not one of the inputs " + roles.get().keySet());
        }
        if (roles.get().get(name) == role) {
            return;
        }
        Map<String, InputRole> next = new LinkedHashMap<>(roles.get());
        next.put(name, role);
        roles.set(Collections.unmodifiableMap(next));
        measure();
    }

    /** The roles that differ from the model's own, as {@code --input-roles} would set them (the report's). */
    public Map<String, InputRole> changed() {
        Map<String, InputRole> out = new LinkedHashMap<>();
        roles.get().forEach((name, role) -> {
            if (ofModel.get(name) != role) {
                out.put(name, role);
            }
        });
        return out;
    }

    private void measure() {
        Map<String, InputRole> r = roles.get();
        if (maps == null || r.isEmpty() || maps.cleanMap().height() * maps.cleanMap().width() != r.size()) {
            clean.set(null);
            perturbed.set(null);
            line.set(r.isEmpty() || maps != null ? "" : "share of saliency by role: once the maps at the cursor are made");
            return;
        }
        List<InputRole> inOrder = new ArrayList<>(r.values());
        clean.set(SaliencyShare.ofInputs(maps.cleanMap(), inOrder));
        String text = String.format(Locale.ROOT, "share of saliency by role at step %d: clean %s", maps.step(),
                describe(clean.get()));
        if (maps.perturbed() != maps.clean()) {
            perturbed.set(SaliencyShare.ofInputs(maps.perturbedMap(), inOrder));
            text += "; perturbed " + describe(perturbed.get());
        } else {
            perturbed.set(null);
        }
        line.set(text);
    }

    private static String describe(SaliencyShare s) {
        if (!s.defined()) {
            return "n/a (the map is zero everywhere)";
        }
        return String.format(Locale.ROOT, "task %.1f%% · distractor %.1f%% · other %.1f%%", 100 * s.task(),
                100 * s.distractor(), 100 * s.background());
    }

    /** Each input's role, in input order; empty for a camera model or none loaded. */
    public ReadOnlyObjectProperty<Map<String, InputRole>> rolesProperty() {
        return roles.getReadOnlyProperty();
    }

    /** The clean map's shares by role at the cursor, or null. */
    public ReadOnlyObjectProperty<SaliencyShare> cleanProperty() {
        return clean.getReadOnlyProperty();
    }

    /** The perturbed map's shares by role at the cursor, or null without a perturbation. */
    public ReadOnlyObjectProperty<SaliencyShare> perturbedProperty() {
        return perturbed.getReadOnlyProperty();
    }

    /** The shares in one line (empty for a camera model). */
    public ReadOnlyStringProperty lineProperty() {
        return line.getReadOnlyProperty();
    }
}
