package io.liquidlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.spec.ModelSpec;
import java.util.List;
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

    /** The same manifest naming another weights file and provenance (checkpoints). */
    public ModelManifest withWeights(String weightsFile, JsonNode newProvenance) {
        return new ModelManifest(name, description, spec, weightsFile, inputs, outputs, newProvenance, head);
    }

    /** What the network's inputs are: a vector of named features or an image of a given shape. */
    public record InputSpec(Kind kind, List<String> names, int[] shape) {
        public enum Kind { VECTOR, IMAGE }

        public InputSpec {
            Objects.requireNonNull(kind, "kind");
            names = List.copyOf(names);
            shape = shape == null ? null : shape.clone();
        }

        /** Vector inputs with the given feature names. */
        public static InputSpec vector(List<String> names) {
            return new InputSpec(Kind.VECTOR, names, null);
        }

        /** Image inputs of shape (H, W, C). */
        public static InputSpec image(int height, int width, int channels) {
            return new InputSpec(Kind.IMAGE, List.of(), new int[] {height, width, channels});
        }
    }
}
