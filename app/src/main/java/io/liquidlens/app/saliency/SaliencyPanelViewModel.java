package io.liquidlens.app.saliency;

import io.liquidlens.LiquidLensException;
import io.liquidlens.app.task.LatestTask;
import io.liquidlens.app.task.ProgressSink;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.causal.FrameChange;
import io.liquidlens.causal.FrameSaliency;
import io.liquidlens.causal.Perturbation;
import io.liquidlens.causal.SaliencyChoice;
import io.liquidlens.causal.SaliencyMap;
import io.liquidlens.causal.SaliencyModel;
import io.liquidlens.causal.SaliencySpec;
import io.liquidlens.causal.Ssim;
import io.liquidlens.io.Rollout;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.Activities;
import io.liquidlens.sim.Activity;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Saliency panel's state: the chosen method and perturbation, the perturbed rollout they call for, and the two
 * maps at the time cursor. Two kinds of background task, each a {@link LatestTask}: the perturbed rollout (and its
 * simulation, for the output's deviation) once per (model, rollout, perturbation, seed), and the two maps once per
 * cursor step and method. A result of superseded work is dropped, so the latest cursor wins.
 *
 * <p>The methods and their options are the report's ({@link SaliencySpec#defaultsFor}), the maps are made by the
 * report's {@link FrameSaliency} and measured by its {@link FrameChange}, and the seed is the report's one seed
 * (the perturbation's draws and SmoothGrad's noise), so the panel at a step shows the report's numbers.
 *
 * <p>While the panel is not {@linkplain #activeProperty() active} (its tab hidden) nothing is computed; it catches
 * up with the cursor when shown again, so playback does not pay for maps nobody sees.
 */
public final class SaliencyPanelViewModel {
    private static final String NOTHING = "Open a model and a rollout to see where the model looks.";
    /** Output explained (the lane-keeping models steer with one). */
    private static final int OUTPUT = 0;

    private final WorkspaceViewModel workspace;
    private final ObservableList<SaliencySpec> methods =
            FXCollections.observableArrayList(SaliencySpec.defaultsFor(true));
    private final ObservableList<PerturbationChoice> perturbations =
            FXCollections.observableArrayList(PerturbationChoice.forRollout(true));
    private final ObjectProperty<SaliencySpec> method = new SimpleObjectProperty<>(SaliencySpec.of(SaliencyChoice.VBP));
    private final ObjectProperty<PerturbationChoice> perturbation = new SimpleObjectProperty<>(PerturbationChoice.NONE);
    private final IntegerProperty seed = new SimpleIntegerProperty(0);
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<StepMaps> maps = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(NOTHING);
    private final ObjectProperty<String> error = new SimpleObjectProperty<>();
    private final InputRoleShares roles = new InputRoleShares();

    private Prepared prepared;
    /** The double-precision model, read once per loaded model (not once per perturbation or rollout). */
    private SaliencyModel saliency;
    private LoadedModel saliencyOf;
    private final LatestTask preparing;
    private final LatestTask stepping;
    /** True while the pickers are refilled for a new model, so their own listeners do not start work. */
    private boolean refilling;

    /** A panel over {@code workspace}'s model, rollout and cursor; work runs on {@code executor}. */
    public SaliencyPanelViewModel(WorkspaceViewModel workspace, TaskExecutor executor) {
        this.workspace = workspace;
        this.preparing = new LatestTask(executor);
        this.stepping = new LatestTask(executor);
        computing.bind(preparing.runningProperty().or(stepping.runningProperty()));
        maps.addListener((obs, old, now) -> roles.maps(now));
        // the roles are the model's, shown even before a rollout gives the maps their shares
        workspace.modelProperty().addListener((obs, old, now) -> roles.model(now));
        workspace.activityProperty().addListener((obs, old, now) -> newInputs());
        perturbation.addListener((obs, old, now) -> changed());
        seed.addListener((obs, old, now) -> changed());
        method.addListener((obs, old, now) -> changed());
        workspace.cursor().stepProperty().addListener((obs, old, now) -> changed());
        active.addListener((obs, old, now) -> changed());
        newInputs();
    }

    /** The model, rollout or activity changed: drop what was computed and offer what applies to them. */
    private void newInputs() {
        cancelAll();
        prepared = null;
        roles.model(workspace.modelProperty().get());
        maps.set(null);
        error.set(null);
        LoadedModel m = workspace.modelProperty().get();
        Rollout r = workspace.rolloutProperty().get();
        if (m != null && r != null) {
            refilling = true;
            boolean image = r.isImage();
            methods.setAll(SaliencySpec.defaultsFor(image));
            if (!methods.contains(method.get())) {
                method.set(methods.get(0));
            }
            perturbations.setAll(PerturbationChoice.forRollout(r));
            if (!perturbations.contains(perturbation.get())) {
                perturbation.set(perturbations.get(0));
            }
            refilling = false;
        }
        changed();
    }

    /** Something the maps depend on changed: make what is missing, the perturbed rollout first. */
    private void changed() {
        if (refilling || !active.get()) {
            return;
        }
        if (workspace.activityProperty().get() == null) {
            status.set(NOTHING);
            return;
        }
        if (prepared == null || !prepared.matches(workspace, perturbation.get(), seed.get())) {
            prepare();
        } else {
            computeStep();
        }
    }

    /** Makes the perturbed rollout and simulates the model over it; then the cursor's maps. */
    private void prepare() {
        LoadedModel m = workspace.modelProperty().get();
        Rollout r = workspace.rolloutProperty().get();
        Activity a = workspace.activityProperty().get();
        PerturbationChoice choice = perturbation.get();
        long s = seed.get();
        SaliencyModel known = saliencyOf == m ? saliency : null;
        stepping.cancel();
        prepared = null;
        error.set(null);
        status.set(choice.isNone() ? "computing... (reading the model for saliency)"
                : "computing... (perturbing the rollout: " + choice + ")");
        preparing.start("Saliency: " + choice, sink -> {
            SaliencyModel sm = known != null ? known : SaliencyModel.load(m);
            sink.checkCancelled();
            Perturbation p = choice.make(s, r);
            if (p == null) {
                return new Prepared(m, sm, r, a, choice, s, r, a);
            }
            Rollout changed = p.apply(r).rollout();
            sink.checkCancelled();
            sink.message("Saliency: simulating the perturbed rollout");
            return new Prepared(m, sm, r, a, choice, s, changed, Activities.simulate(m.network(), changed, sink));
        }, done -> {
            prepared = done;
            saliency = done.saliency();
            saliencyOf = done.model();
            computeStep();
        }, failure -> fail(choice + ": " + explain(failure)));
    }

    /** The two maps at the cursor's step, superseding any still being computed. */
    private void computeStep() {
        Prepared p = prepared;
        SaliencySpec m = method.get();
        int t = workspace.cursor().step();
        status.set("computing... (" + m.label() + " at step " + t + ")");
        stepping.start("Saliency at step " + t, sink -> maps(p, m, t, sink), done -> {
            maps.set(done);
            status.set(describe(done));
        }, failure -> fail(m.label() + " at step " + t + ": " + explain(failure)));
    }

    /**
     * The work of one step, on the worker thread, as the report does it: both maps by {@link FrameSaliency} (its
     * seed the panel's), then their {@link FrameChange}; polls Cancel between the two maps.
     */
    static StepMaps maps(Prepared p, SaliencySpec m, int t, ProgressSink sink) {
        FrameSaliency saliency = FrameSaliency.of(p.saliency(), m, OUTPUT, p.seed());
        SaliencyMap clean = saliency.map(p.clean(), t);
        sink.checkCancelled();
        SaliencyMap perturbed = p.perturbed() == p.clean() ? clean : saliency.map(p.perturbed(), t);
        FrameChange change = FrameChange.of(clean, perturbed, p.cleanActivity().output(t, OUTPUT),
                p.perturbedActivity().output(t, OUTPUT));
        return new StepMaps(t, m, p.clean(), p.perturbed(), clean, perturbed, change);
    }

    /** Stops what is running; the maps shown (if any) stay. */
    public void cancel() {
        if (computing.get()) {
            cancelAll();
            status.set("Cancelled. Move the cursor or change a choice to compute again.");
        }
    }

    private void cancelAll() {
        preparing.cancel();
        stepping.cancel();
    }

    private void fail(String message) {
        error.set(LatestTask.oneLine(message));
        status.set(maps.get() == null ? NOTHING : describe(maps.get()));
    }

    private static String explain(Throwable failure) {
        return failure instanceof LiquidLensException || failure instanceof IllegalArgumentException
                ? failure.getMessage() : failure.toString();
    }

    /** The line under the maps. */
    static String describe(StepMaps s) {
        String ssim = s.change().hasSsim() ? String.format(Locale.ROOT, "SSIM %.4f", s.change().ssim())
                : "SSIM n/a (a " + s.cleanMap().height() + " x " + s.cleanMap().width() + " map is smaller than its "
                + Ssim.WINDOW + " x " + Ssim.WINDOW + " window)";
        return String.format(Locale.ROOT, "step %d · %s · %s · |y_perturbed - y_clean| %.4g", s.step(),
                s.method().label(), ssim, s.change().deviation());
    }

    /** A vector model's input roles, changeable for the session, and the maps' share on each. */
    public InputRoleShares roles() {
        return roles;
    }

    /** The registered methods that apply to the loaded model, with the report's default options. */
    public ObservableList<SaliencySpec> methods() {
        return methods;
    }

    /** The perturbations that apply to the loaded rollout. */
    public ObservableList<PerturbationChoice> perturbations() {
        return perturbations;
    }

    /** The chosen method. */
    public ObjectProperty<SaliencySpec> methodProperty() {
        return method;
    }

    /** The chosen perturbation. */
    public ObjectProperty<PerturbationChoice> perturbationProperty() {
        return perturbation;
    }

    /** The perturbation's seed. */
    public IntegerProperty seedProperty() {
        return seed;
    }

    /** True while the panel is shown; work waits while it is not. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** The two maps at the cursor (of the latest finished computation), or null. */
    public ReadOnlyObjectProperty<StepMaps> mapsProperty() {
        return maps.getReadOnlyProperty();
    }

    /** True while a perturbed rollout or a step's maps are being computed. */
    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    /** What the panel shows or is doing, one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last problem, one line, or null. */
    public ObjectProperty<String> errorProperty() {
        return error;
    }

    /** The perturbed rollout and both simulations, for one (model, rollout, perturbation, seed). */
    record Prepared(LoadedModel model, SaliencyModel saliency, Rollout clean, Activity cleanActivity,
                    PerturbationChoice choice, long seed, Rollout perturbed, Activity perturbedActivity) {
        boolean matches(WorkspaceViewModel w, PerturbationChoice c, long s) {
            return model == w.modelProperty().get() && clean == w.rolloutProperty().get()
                    && cleanActivity == w.activityProperty().get() && choice.equals(c) && seed == s;
        }
    }
}
