package io.liquidlens.causal;

import io.liquidlens.LiquidLensException;
import io.liquidlens.io.InputRole;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.ModelManifest;
import io.liquidlens.io.OutputClaim;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.BaselineSupport;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.provenance.Provenance;
import io.liquidlens.sim.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * A causality report asked for by files, as the command line and the workbench ask for it.
 *
 * @param models        model folders (or their model.json), compared in this order
 * @param rollouts      rollout files or folders of them (read whole, in path order)
 * @param perturbations the conditions, in {@link Conditions}' syntax, or null for the models' default ({@link
 *                      Conditions#defaultFor})
 * @param channels      vector models: the inputs the {@code channels} condition perturbs (empty: the inputs
 *                      declared distractors when any are, else all)
 * @param options       how to measure
 * @param groupOf       the group each model belongs to, in model order ({@code ""} for a model given alone); empty
 *                      when no model is in a group
 * @param inputRoles    vector models: roles set on top of those each model.json declares (empty: none)
 * @param sources       inputs read from local copies: each copy (a model folder, or a rollout file or folder, as
 *                      it stands in {@code models} or {@code rollouts}) with the URI it was copied from, by which
 *                      the provenance and the work units name what lies in it (empty: every input is read where it
 *                      lies)
 * @param reference     the model (by the name the report gives it) every other is compared with, or null for the
 *                      default: the first when there are more than {@link Evidence#MAX_ALL_PAIRS}, else every two
 *                      with every two
 */
public record AuditRequest(List<Path> models, List<Path> rollouts, String perturbations, List<String> channels,
                           AuditOptions options, List<String> groupOf, Map<String, InputRole> inputRoles,
                           Map<Path, String> sources, String reference) {

    public AuditRequest {
        models = List.copyOf(models);
        rollouts = List.copyOf(rollouts);
        channels = List.copyOf(channels);
        groupOf = List.copyOf(groupOf);
        inputRoles = Collections.unmodifiableMap(new LinkedHashMap<>(inputRoles));
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        if (models.isEmpty() || rollouts.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one model and one rollout");
        }
        if (!groupOf.isEmpty() && groupOf.size() != models.size()) {
            throw new IllegalArgumentException(groupOf.size() + " group names for " + models.size() + " models");
        }
    }

    /** A request whose inputs are read where they lie, with the default comparisons. */
    public AuditRequest(List<Path> models, List<Path> rollouts, String perturbations, List<String> channels,
                        AuditOptions options, List<String> groupOf, Map<String, InputRole> inputRoles) {
        this(models, rollouts, perturbations, channels, options, groupOf, inputRoles, Map.of(), null);
    }

    /** A request whose models keep the roles their model.json declares. */
    public AuditRequest(List<Path> models, List<Path> rollouts, String perturbations, List<String> channels,
                        AuditOptions options, List<String> groupOf) {
        this(models, rollouts, perturbations, channels, options, groupOf, Map.of());
    }

    /** A request whose models stand alone. */
    public AuditRequest(List<Path> models, List<Path> rollouts, String perturbations, List<String> channels,
                        AuditOptions options) {
        this(models, rollouts, perturbations, channels, options, List.of());
    }

    /**
     * {@link SaliencySpec#reportDefault} for these models, judged by the first one's {@code model.json} (a report
     * compares models of one kind: its conditions apply to camera frames or to vectors, not both).
     *
     * @throws LiquidLensException naming the model when its {@code model.json} cannot be read
     */
    public static SaliencySpec defaultMethodFor(List<Path> models) {
        return SaliencySpec.reportDefault(ModelFolder.readManifest(models.get(0)).head() != null);
    }

    /**
     * {@code loaded} with {@link #inputRoles} declared on top of its own; every name must be one of its inputs.
     *
     * @throws io.liquidlens.BadOptionException naming {@code --input-roles} and the model when a name is not an
     *                                          input or the model reads images
     */
    static LoadedModel withRoles(LoadedModel loaded, Map<String, InputRole> inputRoles) {
        if (inputRoles.isEmpty()) {
            return loaded;
        }
        ModelManifest.InputSpec in = loaded.manifest().inputs();
        if (loaded.network().head().isPresent()) {
            throw new io.liquidlens.BadOptionException("--input-roles: " + loaded.manifestFile()
                    + " reads camera frames, not named inputs; input roles are for vector models");
        }
        for (String name : inputRoles.keySet()) {
            if (!in.names().contains(name)) {
                throw new io.liquidlens.BadOptionException("--input-roles: '" + name + "' is not one of the inputs "
                        + in.names() + " of " + loaded.manifestFile());
            }
        }
        return new LoadedModel(loaded.folder(), loaded.manifestFile(), loaded.weightsFile(),
                loaded.manifest().withInputs(in.withRoles(inputRoles)), loaded.network());
    }

    /**
     * Checks {@link #reference} before anything is measured: it names one of the models, and no group has several.
     *
     * @throws io.liquidlens.BadOptionException naming {@code --reference} and what is wrong
     */
    private void requireReference(List<CausalAuditor.Subject> subjects, List<ModelGroup> groups) {
        List<String> names = subjects.stream().map(CausalAuditor.Subject::name).toList();
        if (groups.stream().anyMatch(ModelGroup::isGroup)) {
            throw new io.liquidlens.BadOptionException("--reference " + reference() + ": groups of seeds are"
                    + " compared every two with every two; a reference applies to models given alone");
        }
        if (!names.contains(reference())) {
            throw new io.liquidlens.BadOptionException("--reference " + reference() + ": not one of the models, which"
                    + " are named by their folders: " + (names.size() <= 12 ? String.join(", ", names)
                    : String.join(", ", names.subList(0, 12)) + ", ... (" + names.size() + " in all)"));
        }
    }

    /**
     * The frame measures' plan: the files by their names ({@link #nameOf}) with the digests the provenance took of
     * them (models' model.json and weights first, in model order, then the rollouts), and how {@code engine}'s
     * units reach them.
     */
    private FramePlan plan(WorkEngine engine, Provenance provenance, List<LoadedModel> loaded, List<Path> files,
                           String spec, List<String> inputs, List<String> noisy) {
        List<Provenance.InputFile> read = provenance.inputs();
        Map<Path, String> local = new LinkedHashMap<>();
        List<WorkInputs.ModelFiles> modelFiles = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            LoadedModel m = loaded.get(i);
            Path folder = m.folder().toAbsolutePath().normalize();
            Path manifest = m.manifestFile().toAbsolutePath().normalize();
            Path weights = m.weightsFile().toAbsolutePath().normalize();
            String manifestSha = read.get(2 * i).sha256();
            String weightsSha = read.get(2 * i + 1).sha256();
            modelFiles.add(new WorkInputs.ModelFiles(nameOf(folder),
                    new WorkInputs.DataFile(relative(folder, manifest), manifestSha),
                    new WorkInputs.DataFile(relative(folder, weights), weightsSha)));
            local.put(manifest, manifestSha);
            local.put(weights, weightsSha);
        }
        List<WorkInputs.DataFile> rolloutFiles = new ArrayList<>();
        for (int j = 0; j < files.size(); j++) {
            Path file = files.get(j).toAbsolutePath().normalize();
            String sha = read.get(2 * loaded.size() + j).sha256();
            rolloutFiles.add(new WorkInputs.DataFile(nameOf(file), sha));
            local.put(file, sha);
        }
        AuditOptions o = options();
        return new FramePlan(modelFiles, rolloutFiles, engine.inputs(local), inputRoles(), spec, inputs, noisy,
                o.method().text(), o.output(), o.frames(), o.overlays(), o.seed());
    }

    /** {@code file} inside {@code folder} as a name with '/' between its parts (a URI's, on any system). */
    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    /** How a work unit names {@code file}: the URI it was copied from ({@link #sourceOf}), else its absolute path. */
    private String nameOf(Path file) {
        String source = sourceOf(file);
        return source != null ? source : file.toAbsolutePath().normalize().toString();
    }

    /**
     * The URI {@code file} was copied from, when it lies in one of the {@link #sources} (a file inside a copied
     * folder is the folder's URI and its path inside it); null for a file read where it lies.
     */
    private String sourceOf(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        for (Map.Entry<Path, String> e : sources().entrySet()) {
            Path copy = e.getKey().toAbsolutePath().normalize();
            if (abs.startsWith(copy)) {
                String uri = e.getValue();
                return abs.equals(copy) ? uri : uri.replaceAll("/+$", "") + "/" + relative(copy, abs);
            }
        }
        return null;
    }

    /**
     * Claims {@code out} for the report before anything is measured: it may not be, hold or sit inside a model or
     * rollout of this request, and it is locked against a second report on it.
     *
     * @param command what asks (e.g. {@code liquidlens report})
     * @throws LiquidLensException one line naming the folder and saying why it cannot be written
     */
    public OutputClaim claim(String command, Path out) {
        OutputClaim.Builder b = OutputClaim.by(command);
        models().forEach(b::model);
        // a copy's original on this machine (a file: URI) is the user's as much as a path given is
        sources().values().forEach(uri -> b.input("input", io.liquidlens.io.FileUris.localPath(uri)));
        return b.inputs("rollouts", rollouts()).folder(out).claim();
    }

    /**
     * Reads the models and rollouts and measures them, with a provenance of every file read (with
     * its SHA-256) and every option. Models are named by their folders ({@code name (2)} for a repeat), members
     * of a group {@code GROUP/folder}.
     *
     * @param command what asks, for the provenance (e.g. {@code liquidlens report})
     * @throws LiquidLensException         naming the file or option at fault
     * @throws CancellationException       when the listener asks to stop
     */
    public CausalAudit run(String command, ProgressListener listener) {
        return run(command, listener, null);
    }

    /**
     * As {@link #run(String, ProgressListener)}, with the work made as units on {@code engine} (frame measures by
     * model x condition x block of frames, closed-loop drives by model x condition, intervention rankings by
     * model), each reading the models and rollouts as the engine's {@link WorkEngine#inputs} say: at the same
     * absolute paths in every process unless the engine copies them. The numbers are those of the run in this
     * process, bit for bit.
     *
     * @throws LiquidLensException naming the file or option at fault, also when a process read another file
     */
    public CausalAudit runOn(WorkEngine engine, String command, ProgressListener listener) {
        return run(command, listener, java.util.Objects.requireNonNull(engine, "engine"));
    }

    private CausalAudit run(String command, ProgressListener listener, WorkEngine engine) {
        Provenance.Builder p = Provenance.of(command);
        List<CausalAuditor.Subject> subjects = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        java.util.Map<String, List<String>> grouped = new java.util.LinkedHashMap<>();
        java.util.Set<String> alone = new java.util.HashSet<>();
        List<LoadedModel> loadedModels = new ArrayList<>();
        for (int i = 0; i < models().size(); i++) {
            LoadedModel loaded = withRoles(LoadedModel.load(models().get(i)), inputRoles());
            String group = groupOf().isEmpty() ? "" : groupOf().get(i);
            String base = (group.isEmpty() ? "" : group + "/") + loaded.folder().getFileName();
            String name = base;
            for (int k = 2; !names.add(name); k++) {
                name = base + " (" + k + ")";
            }
            subjects.add(new CausalAuditor.Subject(name, loaded));
            // a model given alone is a group of one under its own name, which no group may take
            String key = group.isEmpty() ? name : group;
            if (grouped.containsKey(key) && (group.isEmpty() || alone.contains(key))) {
                throw new io.liquidlens.BadOptionException("--models " + key + "=...: the group has the name of"
                        + " the model " + key + " given alone; rename the group");
            }
            if (group.isEmpty()) {
                alone.add(key);
            }
            grouped.computeIfAbsent(key, g -> new ArrayList<>()).add(name);
            loaded.addTo(p, this::sourceOf);
            loadedModels.add(loaded);
        }
        List<ModelGroup> groups = grouped.entrySet().stream().map(e -> new ModelGroup(e.getKey(), e.getValue()))
                .toList();
        LoadedModel first = subjects.get(0).model();
        boolean camera = first.network().head().isPresent();
        List<String> inputs = camera ? List.of() : first.manifest().inputs().names();
        AuditOptions o = options();
        String spec = perturbations() == null ? Conditions.defaultFor(camera) : perturbations();
        List<String> noisy = channels().isEmpty() && !camera ? first.manifest().inputs().declaredDistractors()
                : channels();
        List<Condition> conditions = Conditions.parse(spec, o.seed(), inputs, noisy);
        List<Path> files = Rollouts.listRecursively(rollouts());
        List<Rollout> read = new ArrayList<>();
        for (Path f : files) {
            read.add(Rollouts.read(f));
            p.input("rollout", f, sourceOf(f));
        }
        p.option("perturbations", spec).option("channels", String.join(",", noisy))
                .option("method", o.method().text()).option("output", o.output()).option("frames", o.frames())
                .option("overlays", o.overlays()).option("episodes", o.episodes())
                .option("episode_steps", o.episodeSteps()).option("interventions", o.interventions())
                .option("seed", o.seed());
        if (!inputRoles().isEmpty()) {
            p.option("input_roles", String.join(",", inputRoles().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue().text()).toList()));
        }
        if (reference() != null) {
            requireReference(subjects, groups);
            p.option("reference", reference());
        }
        if (groups.stream().anyMatch(ModelGroup::isGroup)) {
            p.option("groups", String.join(";", groups.stream().map(g -> g.name() + "=" + String.join(",",
                    g.members())).toList()));
        }
        Provenance provenance = p.build();
        CausalAuditor.Distributed distributed = engine == null ? null : new CausalAuditor.Distributed(
                plan(engine, provenance, loadedModels, files, spec, inputs, noisy), engine);
        try {
            return CausalAuditor.run(subjects, groups, read, conditions, o, provenance, listener, distributed,
                    reference());
        } catch (CausalAuditor.RolloutException e) {
            throw new LiquidLensException(files.get(e.index()), e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new LiquidLensException(e.getMessage(), e);
        }
    }
}
