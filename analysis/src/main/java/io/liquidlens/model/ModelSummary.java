package io.liquidlens.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.io.InputRole;
import io.liquidlens.io.ModelManifest;
import io.liquidlens.spec.BaselineSpec;
import io.liquidlens.spec.CfcSpec;
import io.liquidlens.spec.CtrnnSpec;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.NcpsConfig;
import io.liquidlens.spec.TorchRnnSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.spec.WiringJson;
import io.liquidlens.wiring.WiringSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import io.liquidlens.wiring.NeuronRole;
import io.liquidlens.wiring.Wiring;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a model is, in the terms of the NCP paper's size table (Lechner et al. 2020): neurons by role,
 * synapses, trainable parameters, plus the cell options. Built once from a loaded model; printed by
 * {@code liquidlens info} and shown by the workbench's model panel.
 *
 * @param name             the manifest's name
 * @param source           where it was loaded from (the model folder)
 * @param cell             LTC, CfC (dense) or wired CfC
 * @param cellOptions      the cell's options as text ({@code ode_unfolds=6, ...})
 * @param wiringClass      the ncps wiring class, or null for a dense CfC
 * @param wiringCall       the wiring as its ncps call ({@code AutoNCP(units=19, ...)}), or null
 * @param neurons          neuron counts by role (sensory = input features)
 * @param stateSize        N
 * @param outputSize       M' (after mapping and projection)
 * @param synapses         synapses between internal neurons (0 for a dense CfC)
 * @param sensorySynapses  synapses from input features to neurons (0 for a dense CfC)
 * @param parameters       trainable parameter counts
 * @param headParameters   parameters of a perception head (0: none)
 * @param ncps             the ncps constructor call as JSON
 * @param checkpointWiring how the checkpoint's masks relate to the wiring the spec regenerates (synapse
 *                         counts above are always the computed ones, from the masks)
 * @param wiringSynapses   internal + sensory synapses of the regenerated wiring
 * @param inputs           what the inputs are: names and roles (declared or by naming), or the image's shape
 */
public record ModelSummary(String name, String source, CellKind cell, String cellOptions, String wiringClass,
                           String wiringCall,
                           Map<NeuronRole, Integer> neurons, int stateSize, int outputSize, int synapses,
                           int sensorySynapses, ParameterCounts parameters, long headParameters,
                           ObjectNode ncps, CheckpointWiring checkpointWiring, int wiringSynapses,
                           ModelManifest.InputSpec inputs) {

    /** Summarises a loaded model. */
    public static ModelSummary of(LoadedModel loaded) {
        LiquidModel net = loaded.network();
        Optional<Wiring> wiring = net.connectivity();
        Map<NeuronRole, Integer> neurons = new EnumMap<>(NeuronRole.class);
        neurons.put(NeuronRole.SENSORY, net.inputSize());
        for (NeuronRole r : new NeuronRole[] {NeuronRole.INTER, NeuronRole.COMMAND, NeuronRole.MOTOR}) {
            int n = 0;
            for (int p = 0; p < net.stateSize(); p++) {
                if (net.stateRole(p) == r) {
                    n++;
                }
            }
            neurons.put(r, n);
        }
        boolean wired = wiring.isPresent() && net.cellKind() != CellKind.CFC;
        String wiringClass = wired ? wiring.get().kind() : null;
        String wiringCall = wired ? describe(net.spec().wiringSpec(), wiring.get()) : null;
        return new ModelSummary(loaded.manifest().name(), loaded.folder().toString(), net.cellKind(),
                describe(net), wiringClass, wiringCall, neurons, net.stateSize(), net.outputSize(),
                wiringClass == null ? 0 : wiring.get().synapseCount(),
                wiringClass == null ? 0 : wiring.get().sensorySynapseCount(),
                net.parameterCounts(), net.head().map(h -> h.spec().parameterCount()).orElse(0L),
                NcpsConfig.toJson(net.spec()), net.checkpointWiring(),
                net.wiring().map(w -> w.synapseCount() + w.sensorySynapseCount()).orElse(0),
                loaded.manifest().inputs());
    }

    /** The wiring as its ncps call, e.g. {@code AutoNCP(units=19, output_size=1, sparsity_level=0.5, seed=22222)}. */
    private static String describe(WiringSpec spec, Wiring built) {
        if (spec == null) {
            return built.kind();
        }
        StringBuilder sb = new StringBuilder(spec.ncpsClass()).append('(');
        JsonNode json = WiringJson.toJson(spec);
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("class") || e.getValue().isArray()) {
                continue; // explicit matrices are too long for one line
            }
            sb.append(first ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
            first = false;
        }
        return sb.append(')').toString();
    }

    private static String describe(LiquidModel net) {
        if (net.spec().cell() instanceof BaselineSpec b) {
            return describe(b, ((UnitsSpec.Dense) net.spec().units()).units());
        }
        if (net.spec().cell() instanceof LtcSpec l) {
            return String.format(Locale.ROOT, "ode_unfolds=%d, epsilon=%s, %s constraints, input_mapping=%s,"
                            + " output_mapping=%s%s", l.odeUnfolds(), l.epsilon(),
                    l.implicitParamConstraints() ? "implicit (softplus)" : "explicit", l.inputMapping().ncpsName(),
                    l.outputMapping().ncpsName(), l.mixedMemory() ? ", mixed_memory" : "");
        }
        CfcSpec c = (CfcSpec) net.spec().cell();
        StringBuilder sb = new StringBuilder("mode=" + c.mode().ncpsName());
        if (net.cellKind() == CellKind.CFC) {
            sb.append(String.format(Locale.ROOT, ", backbone %d x %d units (%s), dropout %s", c.backboneLayers(),
                    c.backboneUnits(), c.activation().ncpsName(), c.backboneDropout()));
        }
        if (c.projSize() != null) {
            sb.append(", proj_size=").append(c.projSize());
        }
        if (c.mixedMemory()) {
            sb.append(", mixed_memory");
        }
        return sb.toString();
    }

    /** A baseline's options: {@code nonlinearity=relu, 2 layers x 12 hidden units, bias, readout Linear(12, 1)}. */
    private static String describe(BaselineSpec b, int units) {
        StringBuilder sb = new StringBuilder();
        if (b instanceof TorchRnnSpec t) {
            if (t.kind().nonlinearity() != null) {
                sb.append("nonlinearity=").append(t.kind().nonlinearity()).append(", ");
            }
            sb.append(String.format(Locale.ROOT, "%d layer%s x %d hidden units, %s", t.numLayers(),
                    t.numLayers() == 1 ? "" : "s", units, t.bias() ? "bias" : "no bias"));
        } else if (b instanceof CtrnnSpec c) {
            sb.append(String.format(Locale.ROOT, "%d units, ode_unfolds=%d", units, c.odeUnfolds()));
        }
        return sb.append(String.format(Locale.ROOT, ", readout Linear(%d, %d%s)", units, b.readout().outFeatures(),
                b.readout().bias() ? "" : ", bias=False")).toString();
    }

    /** Neurons of the recurrent network (inter + command + motor; sensory inputs are not neurons here). */
    public int rnnNeurons() {
        return stateSize;
    }

    /** The summary as a JSON object (what {@code liquidlens info --json} prints). */
    public ObjectNode toJson() {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("name", name);
        root.put("model", source);
        root.put("cell", cellName());
        root.put("cell_options", cellOptions);
        root.set("ncps", ncps);
        if (wiringClass != null) {
            root.put("wiring", wiringClass);
            root.put("wiring_call", wiringCall);
        } else {
            root.putNull("wiring");
        }
        root.set("inputs", inputsJson());
        ObjectNode n = root.putObject("neurons");
        neurons.forEach((r, v) -> n.put(r.ncpsName(), v));
        root.put("state_size", stateSize);
        root.put("outputs", outputSize);
        ObjectNode s = root.putObject("synapses");
        s.put("internal", synapses);
        s.put("sensory", sensorySynapses);
        s.put("total", synapses + sensorySynapses);
        ObjectNode p = root.putObject("parameters");
        p.put("trainable", parameters.total());
        p.put("effective", parameters.effective());
        ObjectNode byRole = p.putObject("by_role");
        parameters.byRole().forEach((r, v) -> byRole.put(r.ncpsName(), v));
        p.put("shared", parameters.shared());
        ObjectNode table = root.putObject("size_table");
        table.put("head_parameters", headParameters);
        table.put("rnn_neurons", rnnNeurons());
        table.put("synapses", synapses + sensorySynapses);
        table.put("rnn_trainable_parameters", parameters.total());
        table.put("rnn_effective_parameters", parameters.effective());
        root.put("checkpoint_matches_wiring", checkpointWiring == CheckpointWiring.MATCHES);
        root.put("checkpoint_wiring", checkpointWiring.name().toLowerCase(Locale.ROOT));
        return root;
    }

    private String cellName() {
        return switch (cell) {
            case LTC -> "LTC";
            case CFC -> "CfC";
            case WIRED_CFC -> "CfC (wired)";
            case LSTM, GRU, RNN -> ncps.get("class").asText() + " (baseline)";
            case CTRNN -> "CT-RNN (baseline)";
        };
    }

    /** The summary as aligned text (what {@code liquidlens info} prints). */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        line(sb, "model", name + "  (" + source + ")");
        line(sb, "cell", cellName() + ": " + cellOptions);
        line(sb, "wiring", wiringClass == null ? "none (dense)" : wiringCall);
        line(sb, "inputs", inputsText());
        line(sb, "neurons", String.format(Locale.ROOT, "%d sensory (inputs), %d inter, %d command, %d motor",
                neurons.get(NeuronRole.SENSORY), neurons.get(NeuronRole.INTER), neurons.get(NeuronRole.COMMAND),
                neurons.get(NeuronRole.MOTOR)));
        line(sb, "state", stateSize + " values; " + outputSize + " output" + (outputSize == 1 ? "" : "s") + " per step");
        line(sb, "synapses", wiringClass == null ? "dense (no wiring)"
                : String.format(Locale.ROOT, "%d internal + %d sensory = %d", synapses, sensorySynapses,
                synapses + sensorySynapses));
        line(sb, "parameters", String.format(Locale.ROOT,
                "%,d trainable (as ncps counts them), %,d effective (without masked-out entries)",
                parameters.total(), parameters.effective()));
        line(sb, "  by role", String.format(Locale.ROOT, "sensory %,d, inter %,d, command %,d, motor %,d, shared %,d",
                parameters.of(NeuronRole.SENSORY), parameters.of(NeuronRole.INTER), parameters.of(NeuronRole.COMMAND),
                parameters.of(NeuronRole.MOTOR), parameters.shared()));
        if (checkpointWiring == CheckpointWiring.BUILT_TWICE) {
            line(sb, "note", String.format(Locale.ROOT, "the checkpoint's masks hold %d synapses where %s builds %d:"
                    + " exactly what ncps gives when one wiring object is built twice (e.g. passed to two models),"
                    + " which adds synapses. The model was trained with them, so LiquidLens computes with the masks.",
                    synapses + sensorySynapses, wiringCall, wiringSynapses));
        } else if (checkpointWiring == CheckpointWiring.DIFFERS) {
            line(sb, "note", String.format(Locale.ROOT, "the checkpoint's masks hold %d synapses that differ from the"
                    + " %d of %s (another seed or edited masks?); LiquidLens computes with the masks.",
                    synapses + sensorySynapses, wiringSynapses, wiringCall));
        }
        sb.append('\n').append("Size table (as in the NCP paper)\n");
        tableRow(sb, "head parameters", String.format(Locale.ROOT, "%,d", headParameters));
        tableRow(sb, "RNN neurons", String.valueOf(rnnNeurons()));
        tableRow(sb, "synapses", wiringClass == null ? "dense" : String.valueOf(synapses + sensorySynapses));
        tableRow(sb, "RNN trainable parameters", String.format(Locale.ROOT, "%,d", parameters.total()));
        return sb.toString();
    }

    /** {@code image 48x96x3}, or each name with its role, {@code *} marking a role model.json declares. */
    private String inputsText() {
        if (inputs.kind() == ModelManifest.InputSpec.Kind.IMAGE) {
            int[] shape = inputs.shape();
            return String.format(Locale.ROOT, "image %dx%dx%d (height x width x channels)", shape[0], shape[1],
                    shape[2]);
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, InputRole> e : inputs.resolvedRoles().entrySet()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append(" (").append(e.getValue().text())
                    .append(inputs.roles().containsKey(e.getKey()) ? "*" : "").append(')');
        }
        if (!inputs.roles().isEmpty()) {
            sb.append("; * declared in model.json, the rest by name");
        }
        return sb.toString();
    }

    private ObjectNode inputsJson() {
        ObjectNode node = new ObjectMapper().createObjectNode();
        if (inputs.kind() == ModelManifest.InputSpec.Kind.IMAGE) {
            node.put("kind", "image");
            var shape = node.putArray("shape");
            for (int d : inputs.shape()) {
                shape.add(d);
            }
            return node;
        }
        node.put("kind", "vector");
        var names = node.putArray("names");
        inputs.names().forEach(names::add);
        ObjectNode roles = node.putObject("roles");
        inputs.resolvedRoles().forEach((name, role) -> roles.put(name, role.text()));
        var declared = node.putArray("declared_roles");
        inputs.roles().keySet().forEach(declared::add);
        return node;
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format(Locale.ROOT, "%-11s %s%n", key, value));
    }

    private static void tableRow(StringBuilder sb, String key, String value) {
        sb.append(String.format(Locale.ROOT, "  %-26s %s%n", key, value));
    }
}
