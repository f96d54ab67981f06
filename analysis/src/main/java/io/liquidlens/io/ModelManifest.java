package io.liquidlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.spec.ModelSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code model.json} of a model folder (FORMATS.md): what the network is, where its weights are,
 * and how its inputs and outputs are named.
 *
 * @param name        a human name for views and reports
 * @param description free text about the model, or null; kept as written
 * @param spec        the ncps constructor call, parsed
 * @param weights     the weights file, relative to the folder ({@code .pt} or {@code .safetensors})
 * @param inputs      what the sensory neurons see and their names
 * @param outputs     names of the outputs (one per output column)
 * @param provenance  how the model was made (free-form JSON object, or null); kept as written
 * @param head        the perception head in front of the cell (FORMATS.md "head"), as written, or null; the
 *                    {@code head} package interprets it
 */
public record ModelManifest(String name, String description, ModelSpec spec, String weights, InputSpec inputs,
                            List<String> outputs, JsonNode provenance, JsonNode head) {
    /** The format tag written into every manifest. */
    public static final String FORMAT = "liquidlens.model/1";

    public ModelManifest {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(inputs, "inputs");
        outputs = List.copyOf(outputs);
    }

    /** A manifest without a perception head. */
    public ModelManifest(String name, String description, ModelSpec spec, String weights, InputSpec inputs,
                         List<String> outputs, JsonNode provenance) {
        this(name, description, spec, weights, inputs, outputs, provenance, null);
    }

    /** A manifest without a description or a perception head. */
    public ModelManifest(String name, ModelSpec spec, String weights, InputSpec inputs, List<String> outputs,
                         JsonNode provenance) {
        this(name, null, spec, weights, inputs, outputs, provenance, null);
    }

    /** The same manifest with other inputs (e.g. roles declared on top). */
    public ModelManifest withInputs(InputSpec newInputs) {
        return new ModelManifest(name, description, spec, weights, newInputs, outputs, provenance, head);
    }

    /** The same manifest naming another weights file and provenance (checkpoints). */
    public ModelManifest withWeights(String weightsFile, JsonNode newProvenance) {
        return new ModelManifest(name, description, spec, weightsFile, inputs, outputs, newProvenance, head);
    }

    /**
     * What the network's inputs are: a vector of named features or an image of a given shape.
     *
     * @param roles the roles model.json declares for some vector inputs, by name (empty when none); the others
     *              fall back to {@link InputRole#byConvention}
     */
    public record InputSpec(Kind kind, List<String> names, int[] shape, Map<String, InputRole> roles) {
        public enum Kind { VECTOR, IMAGE }

        public InputSpec {
            Objects.requireNonNull(kind, "kind");
            names = List.copyOf(names);
            shape = shape == null ? null : shape.clone();
            roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
            for (String n : roles.keySet()) {
                if (!names.contains(n)) {
                    throw new IllegalArgumentException("\"" + n + "\" is not one of the inputs " + names);
                }
            }
        }

        /** Inputs without declared roles. */
        public InputSpec(Kind kind, List<String> names, int[] shape) {
            this(kind, names, shape, Map.of());
        }

        /** Vector inputs with the given feature names. */
        public static InputSpec vector(List<String> names) {
            return new InputSpec(Kind.VECTOR, names, null);
        }

        /** Image inputs of shape (H, W, C). */
        public static InputSpec image(int height, int width, int channels) {
            return new InputSpec(Kind.IMAGE, List.of(), new int[] {height, width, channels});
        }

        /** The same inputs with {@code overrides} declared on top of the roles already declared. */
        public InputSpec withRoles(Map<String, InputRole> overrides) {
            Map<String, InputRole> merged = new LinkedHashMap<>(roles);
            merged.putAll(overrides);
            return new InputSpec(kind, names, shape, merged);
        }

        /** The role of input {@code name}: declared, or else by the sample world's naming. */
        public InputRole roleOf(String name) {
            InputRole declared = roles.get(name);
            return declared != null ? declared : InputRole.byConvention(name);
        }

        /** Every input's role in input order (declared or by convention); empty for image inputs. */
        public Map<String, InputRole> resolvedRoles() {
            Map<String, InputRole> out = new LinkedHashMap<>();
            names.forEach(n -> out.put(n, roleOf(n)));
            return Collections.unmodifiableMap(out);
        }

        /** The inputs declared distractors (by model.json or an override, not by naming), in input order. */
        public List<String> declaredDistractors() {
            return names.stream().filter(n -> roles.get(n) == InputRole.DISTRACTOR).toList();
        }
    }
}
