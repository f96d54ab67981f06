package io.liquidlens.app.saliency;

import io.liquidlens.LiquidLensException;
import io.liquidlens.app.task.BackgroundTask;
import io.liquidlens.app.task.ProgressSink;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.causal.Perturbation;
import io.liquidlens.causal.SaliencyMap;
import io.liquidlens.causal.SaliencyModel;
import io.liquidlens.causal.Ssim;
import io.liquidlens.causal.VisualBackProp;
import io.liquidlens.head.PerceptionHead;
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
 * maps at the time cursor. Two kinds of background task, each superseding the last of its kind: the perturbed
 * rollout (and its simulation, for the output's deviation) once per (model, rollout, perturbation, seed), and the
 * two maps once per cursor step and method. A result of superseded work is dropped, so the latest cursor wins.
 *
 * <p>While the panel is not {@linkplain #activeProperty() active} (its tab hidden) nothing is computed; it catches
 * up with the cursor when shown again, so playback does not pay for maps nobody sees.
 */
public final class SaliencyPanelViewModel {
    private static final String NOTHING = "Open a model and a rollout to see where the model looks.";
    /** Output explained (the lane-keeping models steer with one). */
    private static final int OUTPUT = 0;

    private final WorkspaceViewModel workspace;
    private final TaskExecutor executor;
    private final ObservableList<MethodChoice> methods = FXCollections.observableArrayList(MethodChoice.forModel(true));
    private final ObservableList<PerturbationChoice> perturbations =
            FXCollections.observableArrayList(PerturbationChoice.forRollout(true));
    private final ObjectProperty<MethodChoice> method = new SimpleObjectProperty<>(MethodChoice.VISUAL_BACKPROP);
    private final ObjectProperty<PerturbationChoice> perturbation = new SimpleObjectProperty<>(PerturbationChoice.NONE);
    private final IntegerProperty seed = new SimpleIntegerProperty(0);
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<StepMaps> maps = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(NOTHING);
    private final ObjectProperty<String> error = new SimpleObjectProperty<>();

    private Prepared prepared;
    /** The double-precision model, read once per loaded model (not once per perturbation or rollout). */
    private SaliencyModel saliency;
    private LoadedModel saliencyOf;
    private BackgroundTask preparing = BackgroundTask.DONE;
    private BackgroundTask stepping = BackgroundTask.DONE;
    /** Bumped by every start and cancel of its kind of task, so a late result of superseded work is dropped. */
    private long prepareGeneration;
    private long stepGeneration;
    /** True while the pickers are refilled for a new model, so their own listeners do not start work. */
    private boolean refilling;

    /** A panel over {@code workspace}'s model, rollout and cursor; work runs on {@code executor}. */
    public SaliencyPanelViewModel(WorkspaceViewModel workspace, TaskExecutor executor) {
        this.workspace = workspace;
        this.executor = executor;
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
        maps.set(null);
        error.set(null);
        LoadedModel m = workspace.modelProperty().get();
        Rollout r = workspace.rolloutProperty().get();
        if (m != null && r != null) {
            refilling = true;
            boolean image = r.isImage();
            methods.setAll(MethodChoice.forModel(image));
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
        cancelAll();
        prepared = null;
        long mine = ++prepareGeneration;
        computing.set(true);
        error.set(null);
        status.set(choice.isNone() ? "computing... (reading the model for saliency)"
                : "computing... (perturbing the rollout: " + choice + ")");
        preparing = executor.execute("Saliency: " + choice, sink -> {
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
            if (mine == prepareGeneration) {
                prepared = done;
                saliency = done.saliency();
                saliencyOf = done.model();
                computeStep();
            }
        }, failure -> {
            if (mine == prepareGeneration) {
                fail(choice + ": " + explain(failure));
            }
        });
    }

    /** The two maps at the cursor's step, superseding any still being computed. */
    private void computeStep() {
        Prepared p = prepared;
        MethodChoice m = method.get();
        int t = workspace.cursor().step();
        stepping.cancel();
        long mine = ++stepGeneration;
        computing.set(true);
        status.set("computing... (" + m + " at step " + t + ")");
        stepping = executor.execute("Saliency at step " + t, sink -> maps(p, m, t, sink), done -> {
            if (mine == stepGeneration) {
                computing.set(false);
                maps.set(done);
                status.set(describe(done));
            }
        }, failure -> {
            if (mine == stepGeneration) {
                fail(m + " at step " + t + ": " + explain(failure));
            }
        });
    }

    /** The work of one step, on the worker thread; polls Cancel between the two maps. */
    static StepMaps maps(Prepared p, MethodChoice m, int t, ProgressSink sink) {
        SaliencyMap clean = map(p.saliency(), p.clean(), m, t);
        sink.checkCancelled();
        SaliencyMap perturbed = p.perturbed() == p.clean() ? clean : map(p.saliency(), p.perturbed(), m, t);
        boolean fits = clean.height() >= Ssim.WINDOW && clean.width() >= Ssim.WINDOW;
        double ssim = fits ? Ssim.between(clean, perturbed) : Double.NaN;
        double deviation = Math.abs(p.perturbedActivity().output(t, OUTPUT) - p.cleanActivity().output(t, OUTPUT));
        return new StepMaps(t, m, p.clean(), p.perturbed(), clean, perturbed, ssim, deviation);
    }

    /**
     * One map. VisualBackProp looks at the step's frame only, so it runs on that frame straight away (milliseconds);
     * the other methods need the state before the step, which {@link SaliencyModel#at} runs first.
     */
    private static SaliencyMap map(SaliencyModel model, Rollout rollout, MethodChoice m, int t) {
        if (m.frameOnly()) {
            PerceptionHead head = model.perceptionHead().orElseThrow(() -> new IllegalArgumentException(
                    "VisualBackProp needs a camera model with a conv head"));
            return new VisualBackProp(head).mask(rollout.inputs().floatsView(), t * model.stepSize(),
                    head.newWorkspace());
        }
        return m.method().map(model.at(rollout, t), OUTPUT);
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
        preparing = BackgroundTask.DONE;
        stepping = BackgroundTask.DONE;
        prepareGeneration++;
        stepGeneration++;
        computing.set(false);
    }

    private void fail(String message) {
        computing.set(false);
        error.set(message.replaceAll("\\s*[\\r\\n]+\\s*", " "));
        status.set(maps.get() == null ? NOTHING : describe(maps.get()));
    }

    private static String explain(Throwable failure) {
        return failure instanceof LiquidLensException || failure instanceof IllegalArgumentException
                ? failure.getMessage() : failure.toString();
    }

    /** The line under the maps. */
    static String describe(StepMaps s) {
        String ssim = s.hasSsim() ? String.format(Locale.ROOT, "SSIM %.4f", s.ssim())
                : "SSIM n/a (a " + s.cleanMap().height() + " x " + s.cleanMap().width() + " map is smaller than its "
                + Ssim.WINDOW + " x " + Ssim.WINDOW + " window)";
        return String.format(Locale.ROOT, "step %d · %s · %s · |y_perturbed - y_clean| %.4g", s.step(), s.method(),
                ssim, s.deviation());
    }

    /** The methods that apply to the loaded model. */
    public ObservableList<MethodChoice> methods() {
        return methods;
    }

    /** The perturbations that apply to the loaded rollout. */
    public ObservableList<PerturbationChoice> perturbations() {
        return perturbations;
    }

    /** The chosen method. */
    public ObjectProperty<MethodChoice> methodProperty() {
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
