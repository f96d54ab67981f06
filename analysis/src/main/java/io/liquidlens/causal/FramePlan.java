package io.liquidlens.causal;

import io.liquidlens.io.InputRole;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report's frame measures described by files and options alone: what a work unit carries to a process that
 * has none of the driver's models and rollouts in memory, so that it can read them and measure the same frames.
 * The digests are those the driver read, so an executor that sees other files fails instead of measuring them.
 *
 * @param models        the model folders (absolute paths, or the URIs they were copied from) with their files'
 *                      SHA-256, in report order
 * @param rollouts      the rollout files (the same) with their SHA-256, in report order
 * @param files         how a unit reaches those files in its process
 * @param inputRoles    input roles set on top of each model.json's (empty: none)
 * @param perturbations the conditions in {@link Conditions}' syntax
 * @param inputs        the first model's input names (empty for camera models), as the conditions were parsed
 * @param channels      the inputs the channels condition perturbs
 * @param method        the saliency method in {@link SaliencySpec#text()} form
 * @param output        the explained output
 * @param frames        frames measured per model and condition
 * @param overlays      overlay frames per model and condition
 * @param seed          the report's seed
 */
record FramePlan(List<WorkInputs.ModelFiles> models, List<WorkInputs.DataFile> rollouts, WorkInputs files,
                 Map<String, InputRole> inputRoles, String perturbations, List<String> inputs, List<String> channels,
                 String method, int output, int frames, int overlays, long seed) implements Serializable {
    private static final long serialVersionUID = 1L;

    FramePlan {
        models = List.copyOf(models);
        rollouts = List.copyOf(rollouts);
        inputRoles = Collections.unmodifiableMap(new LinkedHashMap<>(inputRoles));
        inputs = List.copyOf(inputs);
        channels = List.copyOf(channels);
        java.util.Objects.requireNonNull(files, "files");
    }
}
