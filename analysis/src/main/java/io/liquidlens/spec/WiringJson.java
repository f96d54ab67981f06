package io.liquidlens.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.Limits;
import io.liquidlens.wiring.AutoNcpSpec;
import io.liquidlens.wiring.ExplicitWiringSpec;
import io.liquidlens.wiring.FullyConnectedSpec;
import io.liquidlens.wiring.NcpSpec;
import io.liquidlens.wiring.RandomSpec;
import io.liquidlens.wiring.WiringSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Wiring objects in JSON: {@code {"class": "AutoNCP" | "NCP" | "FullyConnected" | "Random", ...ncps
 * constructor kwargs...}} or {@code {"class": "Wiring", units, output_dim, adjacency_matrix,
 * sensory_adjacency_matrix}}. The checks ncps makes in the wiring constructors are made here too, so a
 * bad file fails when it is read rather than when the wiring is built.
 */
public final class WiringJson {
    private static final long MAX_U32 = 0xFFFF_FFFFL;

    private WiringJson() {
    }

    /**
     * Parses a wiring object.
     *
     * @throws IllegalArgumentException naming the offending key for an unknown class or keyword, a wrong
     *                                  type or a value ncps rejects
     */
    public static WiringSpec parse(JsonNode node) {
        JsonArgs a = new JsonArgs(node, "wiring");
        String cls = a.requireString("class");
        WiringSpec spec = switch (cls) {
            case "AutoNCP" -> autoNcp(a);
            case "NCP" -> ncp(a);
            case "FullyConnected" -> new FullyConnectedSpec(a.requireInt("units", 1, Limits.UNITS),
                    a.optionalInt("output_dim", 1, Limits.UNITS),
                    a.longValue("erev_init_seed", 0, Long.MAX_VALUE, FullyConnectedSpec.DEFAULT_SEED),
                    a.bool("self_connections", true));
            case "Random" -> random(a);
            case "Wiring" -> explicit(a);
            default -> throw new IllegalArgumentException("wiring: unknown class '" + cls
                    + "' (expected AutoNCP, NCP, FullyConnected, Random or Wiring)");
        };
        a.rejectUnknown();
        checkOutputDim(spec);
        return spec;
    }

    private static AutoNcpSpec autoNcp(JsonArgs a) {
        int units = a.requireInt("units", 1, Limits.UNITS);
        int out = a.requireInt("output_size", 1, Limits.UNITS);
        double sparsity = a.number("sparsity_level", AutoNcpSpec.DEFAULT_SPARSITY);
        long seed = a.longValue("seed", 0, MAX_U32, AutoNcpSpec.DEFAULT_SEED);
        if (out >= units - 2) {
            throw new IllegalArgumentException("wiring: 'output_size' " + out + " must be less than units - 2 = "
                    + (units - 2));
        }
        if (!(sparsity >= 0.1 && sparsity <= 1.0)) {
            throw new IllegalArgumentException("wiring: 'sparsity_level' must be in [0.1, 1.0], got " + sparsity);
        }
        return new AutoNcpSpec(units, out, sparsity, seed);
    }

    private static NcpSpec ncp(JsonArgs a) {
        int inter = a.requireInt("inter_neurons", 1, Limits.UNITS);
        int command = a.requireInt("command_neurons", 1, Limits.UNITS);
        int motor = a.requireInt("motor_neurons", 1, Limits.UNITS);
        int sensoryFanout = a.requireInt("sensory_fanout", 0, Limits.UNITS);
        int interFanout = a.requireInt("inter_fanout", 0, Limits.UNITS);
        int recurrent = a.requireInt("recurrent_command_synapses", 0, Limits.SYNAPSES);
        int motorFanin = a.requireInt("motor_fanin", 0, Limits.UNITS);
        long seed = a.longValue("seed", 0, MAX_U32, NcpSpec.DEFAULT_SEED);
        Limits.atMost("wiring: inter_neurons + command_neurons + motor_neurons", (long) inter + command + motor,
                Limits.UNITS);
        if (motorFanin > command) {
            throw new IllegalArgumentException("wiring: 'motor_fanin' " + motorFanin + " exceeds command_neurons " + command);
        }
        if (sensoryFanout > inter) {
            throw new IllegalArgumentException("wiring: 'sensory_fanout' " + sensoryFanout + " exceeds inter_neurons "
                    + inter);
        }
        if (interFanout > command) {
            throw new IllegalArgumentException("wiring: 'inter_fanout' " + interFanout + " exceeds command_neurons "
                    + command);
        }
        return new NcpSpec(inter, command, motor, sensoryFanout, interFanout, recurrent, motorFanin, seed);
    }

    private static RandomSpec random(JsonArgs a) {
        int units = a.requireInt("units", 1, Limits.UNITS);
        Integer out = a.optionalInt("output_dim", 1, Limits.UNITS);
        double sparsity = a.number("sparsity_level", 0.0);
        long seed = a.longValue("random_seed", 0, Long.MAX_VALUE, RandomSpec.DEFAULT_SEED);
        if (!(sparsity >= 0.0 && sparsity < 1.0)) {
            throw new IllegalArgumentException("wiring: 'sparsity_level' must be in [0, 1), got " + sparsity);
        }
        return new RandomSpec(units, out, sparsity, seed);
    }

    private static ExplicitWiringSpec explicit(JsonArgs a) {
        int units = a.requireInt("units", 1, Limits.UNITS);
        int out = a.requireInt("output_dim", 1, Limits.UNITS);
        int[][] adjacency = a.matrix("adjacency_matrix", units);
        if (adjacency.length != units) {
            throw new IllegalArgumentException("wiring: 'adjacency_matrix' has " + adjacency.length + " rows, expected "
                    + units);
        }
        if (!a.has("sensory_adjacency_matrix")) {
            throw new IllegalArgumentException("wiring: 'sensory_adjacency_matrix' is required");
        }
        int[][] sensory = a.matrix("sensory_adjacency_matrix", units);
        if (a.has("input_dim")) {
            int inputDim = a.requireInt("input_dim", 1, Limits.INPUT_SIZE);
            if (inputDim != sensory.length) {
                throw new IllegalArgumentException("wiring: 'input_dim' " + inputDim
                        + " does not match the " + sensory.length + " rows of sensory_adjacency_matrix");
            }
        }
        try {
            return new ExplicitWiringSpec(out, adjacency, sensory, a.has("layers") ? layers(a.raw("layers"), units)
                    : null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("wiring: " + e.getMessage(), e);
        }
    }

    /** The optional groups of an explicit wiring: lists of neuron ids, at most one group per unit. */
    private static List<int[]> layers(JsonNode v, int units) {
        if (!v.isArray() || v.size() > units) {
            throw new IllegalArgumentException("wiring: 'layers' must be a list of at most " + units
                    + " lists of neuron ids");
        }
        List<int[]> out = new ArrayList<>();
        for (JsonNode group : v) {
            if (!group.isArray() || group.size() > units) {
                throw new IllegalArgumentException("wiring: 'layers' must be a list of lists of neuron ids, got "
                        + group);
            }
            int[] ids = new int[group.size()];
            for (int k = 0; k < ids.length; k++) {
                JsonNode id = group.get(k);
                if (!id.isIntegralNumber() || !id.canConvertToInt()) {
                    throw new IllegalArgumentException("wiring: 'layers' holds " + id + "; give neuron ids");
                }
                ids[k] = id.asInt();
            }
            out.add(ids);
        }
        return out;
    }

    private static void checkOutputDim(WiringSpec spec) {
        Integer out = null;
        int units = 0;
        if (spec instanceof FullyConnectedSpec f) {
            out = f.outputDim();
            units = f.units();
        } else if (spec instanceof RandomSpec r) {
            out = r.outputDim();
            units = r.units();
        } else if (spec instanceof ExplicitWiringSpec e) {
            out = e.outputDim();
            units = e.adjacency().length;
        }
        if (out != null && out > units) {
            throw new IllegalArgumentException("wiring: 'output_dim' " + out + " exceeds units " + units);
        }
    }

    /** The wiring object in the form {@link #parse} reads (ncps names, every argument explicit). */
    public static ObjectNode toJson(WiringSpec spec) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("class", spec.ncpsClass());
        if (spec instanceof AutoNcpSpec s) {
            o.put("units", s.units());
            o.put("output_size", s.outputSize());
            o.put("sparsity_level", s.sparsityLevel());
            o.put("seed", s.seed());
        } else if (spec instanceof NcpSpec s) {
            o.put("inter_neurons", s.interNeurons());
            o.put("command_neurons", s.commandNeurons());
            o.put("motor_neurons", s.motorNeurons());
            o.put("sensory_fanout", s.sensoryFanout());
            o.put("inter_fanout", s.interFanout());
            o.put("recurrent_command_synapses", s.recurrentCommandSynapses());
            o.put("motor_fanin", s.motorFanin());
            o.put("seed", s.seed());
        } else if (spec instanceof FullyConnectedSpec s) {
            o.put("units", s.units());
            putNullable(o, "output_dim", s.outputDim());
            o.put("erev_init_seed", s.erevInitSeed());
            o.put("self_connections", s.selfConnections());
        } else if (spec instanceof RandomSpec s) {
            o.put("units", s.units());
            putNullable(o, "output_dim", s.outputDim());
            o.put("sparsity_level", s.sparsityLevel());
            o.put("random_seed", s.randomSeed());
        } else if (spec instanceof ExplicitWiringSpec s) {
            o.put("units", s.adjacency().length);
            o.put("output_dim", s.outputDim());
            o.set("adjacency_matrix", matrix(s.adjacency()));
            o.set("sensory_adjacency_matrix", matrix(s.sensoryAdjacency()));
            if (s.layers() != null) {
                o.set("layers", matrix(s.layers().toArray(int[][]::new)));
            }
        }
        return o;
    }

    private static void putNullable(ObjectNode o, String key, Integer v) {
        if (v == null) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }

    private static ArrayNode matrix(int[][] m) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (int[] r : m) {
            ArrayNode row = rows.addArray();
            for (int v : r) {
                row.add(v);
            }
        }
        return rows;
    }
}
