package io.liquidlens.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.LiquidLensException;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.NcpsConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes model folders: {@code model.json} plus the weights file it names (FORMATS.md).
 * Every problem is reported as one line naming the file.
 */
public final class ModelFolder {
    /** The manifest's file name inside a model folder. */
    public static final String MANIFEST = "model.json";
    /** A model.json larger than this is not a manifest (64 MiB: room for any provenance, not for data). */
    static final long MAX_MANIFEST_BYTES = 64L << 20;

    /**
     * The system property that lets {@code weights} name a file outside the model folder
     * ({@code liquidlens --allow-outside-weights} sets it for one run).
     */
    public static final String ALLOW_OUTSIDE_WEIGHTS = "liquidlens.allowOutsideWeights";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> TOP_LEVEL_KEYS =
            Set.of("format", "name", "description", "ncps", "weights", "head", "inputs", "outputs", "provenance");

    private ModelFolder() {
    }

    /**
     * The manifest path for a user's {@code --model} argument: a folder holding {@code model.json}, or the
     * {@code model.json} file itself.
     */
    public static Path manifestPath(Path modelArg) {
        if (Files.isDirectory(modelArg)) {
            Path manifest = modelArg.resolve(MANIFEST);
            if (!Files.exists(manifest)) {
                try (var files = Files.list(modelArg)) {
                    Path weights = files.filter(ModelFolder::isCheckpointName).sorted().findFirst().orElse(null);
                    throw new LiquidLensException(modelArg, weights != null
                            ? "no model.json, only the checkpoint " + weights.getFileName() + "; make a model folder"
                            + " from it with: liquidlens import " + weights + " --out NEW_FOLDER"
                            : "no model.json in this folder");
                } catch (IOException e) {
                    throw new LiquidLensException(modelArg, "cannot list the folder: " + e.getMessage(), e);
                }
            }
            return manifest;
        }
        if (!Files.exists(modelArg)) {
            throw new LiquidLensException(modelArg, "no such model folder or file");
        }
        if (isCheckpointName(modelArg)) {
            throw new LiquidLensException(modelArg, "is a checkpoint, not a model folder; make one from it with:"
                    + " liquidlens import " + modelArg + " --out NEW_FOLDER");
        }
        return modelArg;
    }

    /** True for the file names PyTorch and safetensors users give checkpoints. */
    public static boolean isCheckpointName(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".pt") || n.endsWith(".pth") || n.endsWith(".safetensors");
    }

    /** Reads and validates the manifest of a model folder (or a model.json path). */
    public static ModelManifest readManifest(Path modelArg) {
        Path file = manifestPath(modelArg);
        RegularFiles.require(file);
        JsonNode root;
        try {
            if (Files.size(file) > MAX_MANIFEST_BYTES) {
                throw new LiquidLensException(file, Files.size(file) + " bytes is over the limit of "
                        + MAX_MANIFEST_BYTES + " for a model.json (it holds a constructor call and provenance, not data)");
            }
        } catch (IOException e) {
            throw new LiquidLensException(file, "cannot read: " + e.getMessage(), e);
        }
        try (JsonParser parser = JSON.createParser(Files.readAllBytes(file))) {
            root = JSON.readTree(parser);
            trailing(file, parser);
        } catch (java.io.CharConversionException e) {
            throw new LiquidLensException(file, "is not UTF-8 text; a model.json is JSON written in UTF-8 ("
                    + e.getMessage() + ")", e);
        } catch (JsonProcessingException e) {
            throw new LiquidLensException(file, "not valid JSON: " + e.getOriginalMessage()
                    + " (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")", e);
        } catch (IOException e) {
            throw new LiquidLensException(file, "cannot read: " + e.getMessage(), e);
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new LiquidLensException(file, e.getMessage(), e);
        }
    }

    /** Anything after the manifest's object (a second object, a stray word) is a broken file, not a comment. */
    private static void trailing(Path file, JsonParser parser) throws IOException {
        long line = parser.currentLocation().getLineNr();
        JsonToken next;
        try {
            next = parser.nextToken();
        } catch (JsonProcessingException e) {
            next = JsonToken.NOT_AVAILABLE;
        }
        if (next != null) {
            throw new LiquidLensException(file, "has content after the JSON object ends (line " + line
                    + "); a model.json holds exactly one object");
        }
    }

    /** Parses a manifest's JSON tree; problems are IllegalArgumentExceptions naming the key. */
    static ModelManifest parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the manifest must be a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TOP_LEVEL_KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key \"" + key + "\" (known: " + String.join(", ",
                        TOP_LEVEL_KEYS.stream().sorted().toList()) + ")");
            }
        }
        JsonNode format = root.get("format");
        if (format != null && !ModelManifest.FORMAT.equals(format.asText())) {
            throw new IllegalArgumentException("format \"" + format.asText() + "\" is not " + ModelManifest.FORMAT);
        }
        JsonNode ncps = root.get("ncps");
        if (ncps == null || !ncps.isObject()) {
            throw new IllegalArgumentException("missing \"ncps\" object (the ncps constructor call as JSON)");
        }
        ModelSpec spec = NcpsConfig.parse(ncps);
        JsonNode head = root.get("head");
        if (head != null && head.isNull()) {
            head = null;
        }
        if (head != null && !head.isObject()) {
            throw new IllegalArgumentException("\"head\" must be an object (FORMATS.md) or null");
        }
        String weights = text(root, "weights", null);
        if (weights == null || weights.isBlank()) {
            throw new IllegalArgumentException("missing \"weights\" (the .pt or .safetensors file in this folder)");
        }
        ModelManifest.InputSpec inputs = parseInputs(root.get("inputs"), spec.inputSize(), head != null);
        List<String> outputs = parseOutputs(root.get("outputs"));
        String name = text(root, "name", "unnamed model");
        String description = text(root, "description", null);
        JsonNode provenance = root.get("provenance");
        return new ModelManifest(name, description, spec, weights, inputs, outputs,
                provenance == null || provenance.isNull() ? null : provenance, head);
    }

    private static ModelManifest.InputSpec parseInputs(JsonNode inputs, int inputSize, boolean hasHead) {
        if (inputs == null || inputs.isNull()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < inputSize; i++) {
                names.add("input_" + i);
            }
            return ModelManifest.InputSpec.vector(names);
        }
        String kind = text(inputs, "kind", "vector");
        List<String> names = strings(inputs.get("names"), "inputs.names");
        switch (kind) {
            case "vector" -> {
                if (!names.isEmpty() && names.size() != inputSize) {
                    throw new IllegalArgumentException("inputs.names has " + names.size() + " names but the network has "
                            + inputSize + " inputs (ncps.input_size)");
                }
                if (names.isEmpty()) {
                    for (int i = 0; i < inputSize; i++) {
                        names.add("input_" + i);
                    }
                }
                return new ModelManifest.InputSpec(ModelManifest.InputSpec.Kind.VECTOR, names, null,
                        parseRoles(inputs.get("roles"), names));
            }
            case "image" -> {
                if (!hasHead) {
                    throw new IllegalArgumentException("inputs.kind \"image\" needs a \"head\" (the perception layers"
                            + " that turn a frame into the cell's " + inputSize + " inputs)");
                }
                JsonNode shape = inputs.get("shape");
                if (shape == null || !shape.isArray() || shape.size() != 3 || !shape.get(0).canConvertToInt()
                        || !shape.get(1).canConvertToInt() || !shape.get(2).canConvertToInt()
                        || shape.get(0).asInt() < 1 || shape.get(1).asInt() < 1 || shape.get(2).asInt() < 1) {
                    throw new IllegalArgumentException("inputs.shape must be [H, W, C] of positive integers for image"
                            + " inputs");
                }
                return ModelManifest.InputSpec.image(shape.get(0).asInt(), shape.get(1).asInt(), shape.get(2).asInt());
            }
            default -> throw new IllegalArgumentException("inputs.kind must be \"vector\" or \"image\", not \"" + kind + "\"");
        }
    }

    /** {@code inputs.roles}: an object from input name to role; the names must be inputs. */
    private static Map<String, InputRole> parseRoles(JsonNode roles, List<String> names) {
        Map<String, InputRole> out = new LinkedHashMap<>();
        if (roles == null || roles.isNull()) {
            return out;
        }
        if (!roles.isObject()) {
            throw new IllegalArgumentException("inputs.roles must be an object from input name to role ("
                    + InputRole.accepted() + ")");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = roles.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!names.contains(e.getKey())) {
                throw new IllegalArgumentException("inputs.roles.\"" + e.getKey() + "\" is not one of the inputs "
                        + names);
            }
            InputRole role = e.getValue().isTextual() ? InputRole.parse(e.getValue().asText()) : null;
            if (role == null) {
                throw new IllegalArgumentException("inputs.roles.\"" + e.getKey() + "\": " + e.getValue()
                        + " is not a role; accepted: " + InputRole.accepted());
            }
            out.put(e.getKey(), role);
        }
        return out;
    }

    private static List<String> parseOutputs(JsonNode outputs) {
        if (outputs == null || outputs.isNull()) {
            return List.of();
        }
        return strings(outputs.get("names"), "outputs.names");
    }

    private static List<String> strings(JsonNode array, String what) {
        List<String> out = new ArrayList<>();
        if (array == null || array.isNull()) {
            return out;
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException(what + " must be an array of strings");
        }
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                throw new IllegalArgumentException(what + " must be an array of strings");
            }
            out.add(n.asText());
        }
        return out;
    }

    private static String text(JsonNode node, String key, String dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a string");
        }
        return v.asText();
    }

    /** The folder a manifest was read from ({@code modelArg} itself or its parent). */
    public static Path folderOf(Path modelArg) {
        Path manifest = manifestPath(modelArg).toAbsolutePath();
        return manifest.getParent();
    }

    /**
     * Reads the weights file a manifest names ({@code .pt}/{@code .pth} via {@link TorchCheckpoint},
     * {@code .safetensors} via {@link Safetensors}).
     */
    public static Map<String, NdArray> readWeights(Path folder, ModelManifest manifest) {
        Path file = weightsFile(folder, manifest);
        if (!Files.exists(file)) {
            throw new LiquidLensException(file, "weights file named in model.json does not exist");
        }
        return readWeightsFile(file);
    }

    /**
     * The weights file a manifest names, resolved against its folder; it must lie inside the folder unless
     * the {@link #ALLOW_OUTSIDE_WEIGHTS} property is {@code true}, so a model.json from elsewhere cannot make
     * LiquidLens read (and hash into provenance) a file the user did not hand over.
     *
     * @throws LiquidLensException naming model.json when the name is absolute or leaves the folder
     */
    public static Path weightsFile(Path folder, ModelManifest manifest) {
        Path base = folder.toAbsolutePath().normalize();
        Path file = base.resolve(manifest.weights()).normalize();
        boolean outside = Path.of(manifest.weights()).isAbsolute() || !file.startsWith(base) || file.equals(base);
        if (outside && !Boolean.getBoolean(ALLOW_OUTSIDE_WEIGHTS)) {
            throw new LiquidLensException(base.resolve(MANIFEST), "\"weights\": \"" + manifest.weights()
                    + "\" is outside the model folder; move the file into the folder, or pass"
                    + " --allow-outside-weights if you trust this model.json");
        }
        return file;
    }

    /** Reads a weights file by its extension ({@code .pt}/{@code .pth}/{@code .bin} or {@code .safetensors}). */
    public static Map<String, NdArray> readWeightsFile(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".safetensors")) {
            return Safetensors.read(file);
        }
        if (n.endsWith(".pt") || n.endsWith(".pth") || n.endsWith(".bin")) {
            return TorchCheckpoint.read(file);
        }
        throw new LiquidLensException(file, "unknown weights format; use a torch .pt state dict or .safetensors");
    }

    /** The manifest as the JSON tree written to {@code model.json}. */
    public static ObjectNode toJson(ModelManifest manifest) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", ModelManifest.FORMAT);
        root.put("name", manifest.name());
        if (manifest.description() != null) {
            root.put("description", manifest.description());
        }
        root.set("ncps", NcpsConfig.toJson(manifest.spec()));
        root.put("weights", manifest.weights());
        if (manifest.head() == null) {
            root.putNull("head");
        } else {
            root.set("head", manifest.head());
        }
        ObjectNode inputs = root.putObject("inputs");
        inputs.put("kind", manifest.inputs().kind().name().toLowerCase(Locale.ROOT));
        if (manifest.inputs().kind() == ModelManifest.InputSpec.Kind.IMAGE) {
            ArrayNode shape = inputs.putArray("shape");
            for (int d : manifest.inputs().shape()) {
                shape.add(d);
            }
        } else {
            ArrayNode names = inputs.putArray("names");
            manifest.inputs().names().forEach(names::add);
            if (!manifest.inputs().roles().isEmpty()) {
                ObjectNode roles = inputs.putObject("roles");
                manifest.inputs().roles().forEach((n, r) -> roles.put(n, r.text()));
            }
        }
        ArrayNode outNames = root.putObject("outputs").putArray("names");
        manifest.outputs().forEach(outNames::add);
        if (manifest.provenance() != null) {
            root.set("provenance", manifest.provenance());
        }
        return root;
    }

    /**
     * Writes a model folder: the weights as safetensors under the manifest's weights name, then
     * {@code model.json}; each file is written to a temporary name and moved into place.
     */
    public static void write(Path folder, ModelManifest manifest, Map<String, NdArray> weights) {
        if (!manifest.weights().toLowerCase(Locale.ROOT).endsWith(".safetensors")) {
            throw new IllegalArgumentException("LiquidLens writes weights as .safetensors, not " + manifest.weights());
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new LiquidLensException(folder, "cannot create the folder: " + e.getMessage(), e);
        }
        Safetensors.write(folder.resolve(manifest.weights()), weights);
        byte[] json;
        try {
            json = (JSON.writeValueAsString(toJson(manifest)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        AtomicFiles.write(folder.resolve(MANIFEST), out -> out.write(json));
    }
}
