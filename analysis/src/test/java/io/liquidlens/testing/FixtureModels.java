package io.liquidlens.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.io.NdArray;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.NcpsConfig;
import io.liquidlens.spec.WiringJson;
import io.liquidlens.wiring.NeuronRole;
import io.liquidlens.wiring.Wiring;
import io.liquidlens.wiring.WiringSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test-side glue for the ltc.json / cfc.json cases: the fixture-only {@code "units": "wiring"}
 * indirection, a {@link Wiring} built directly from the case's explicit matrices, roles and layers (so
 * tests do not depend on wiring generation), and the state dict as NdArrays.
 */
public final class FixtureModels {

    private FixtureModels() {
    }

    /** The model spec of a case: its {@code ctor}, with {@code "units": "wiring"} resolved to the case's wiring args. */
    public static ModelSpec spec(JsonNode testCase) {
        JsonNode ctor = testCase.get("ctor");
        JsonNode units = ctor.get("units");
        if (units.isTextual() && units.asText().equals("wiring")) {
            return NcpsConfig.parse(ctor, wiringSpec(testCase.get("wiring")));
        }
        return NcpsConfig.parse(ctor);
    }

    /** The wiring spec of a fixture wiring object ({@code class} + {@code args} minus {@code input_dim}). */
    public static WiringSpec wiringSpec(JsonNode wiring) {
        ObjectNode o = ((ObjectNode) wiring.get("args")).deepCopy();
        o.remove("input_dim");
        o.put("class", wiring.get("class").asText());
        return WiringJson.parse(o);
    }

    /** The case's wiring from its explicit matrices, neuron types and layers; null if the case has none. */
    public static Wiring wiring(JsonNode testCase) {
        JsonNode w = testCase.get("wiring");
        if (w == null || w.isNull()) {
            return null;
        }
        int[][] adjacency = matrix(w.get("adjacency_matrix"));
        int[][] sensory = matrix(w.get("sensory_adjacency_matrix"));
        JsonNode types = w.get("neuron_types");
        NeuronRole[] roles = new NeuronRole[types.size()];
        for (int i = 0; i < roles.length; i++) {
            roles[i] = NeuronRole.valueOf(types.get(i).asText().toUpperCase(Locale.ROOT));
        }
        List<int[]> layers = new ArrayList<>();
        for (JsonNode layer : w.get("layers")) {
            int[] ids = new int[layer.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = layer.get(i).asInt();
            }
            layers.add(ids);
        }
        return new Wiring(w.get("class").asText(), w.get("output_dim").asInt(), adjacency, sensory, roles, layers);
    }

    private static int[][] matrix(JsonNode rows) {
        int[][] m = new int[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            JsonNode r = rows.get(i);
            m[i] = new int[r.size()];
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = r.get(j).asInt();
            }
        }
        return m;
    }

    /** The case's state dict as float32 NdArrays, in file order. */
    public static Map<String, NdArray> stateDict(JsonNode testCase) {
        Map<String, NdArray> sd = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = testCase.get("state_dict").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            sd.put(e.getKey(), tensor(e.getValue()));
        }
        return sd;
    }

    /** A {@code {shape, data}} object as a float32 NdArray; null for JSON null. */
    public static NdArray tensor(JsonNode t) {
        if (t == null || t.isNull()) {
            return null;
        }
        return NdArray.ofFloats(Fixtures.shape(t), Fixtures.floats(t));
    }

    /** The case's model with its weights and its fixture wiring. */
    public static LiquidModel model(JsonNode testCase) {
        return LiquidModel.fromStateDict(spec(testCase), wiring(testCase), stateDict(testCase));
    }

    /**
     * The {@code --set} values an import of case {@code c}'s CfC state dict needs, as a user would give them: only
     * what no tensor records (no_gate, a dense backbone's activation).
     */
    public static Map<String, String> cfcUnrecordedSettings(JsonNode c) {
        Map<String, String> settings = new java.util.HashMap<>();
        io.liquidlens.spec.CfcSpec ncps = (io.liquidlens.spec.CfcSpec) spec(c).cell();
        if (ncps.mode() == io.liquidlens.spec.CfcMode.NO_GATE) {
            settings.put("mode", "no_gate");
        }
        if (!(spec(c).units() instanceof io.liquidlens.spec.UnitsSpec.Wired) && ncps.backboneLayers() > 0) {
            settings.put("activation", ncps.activation().ncpsName());
        }
        return settings;
    }
}
