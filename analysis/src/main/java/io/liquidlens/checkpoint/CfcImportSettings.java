package io.liquidlens.checkpoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CfC options a state dict does not record ({@code --set KEY=VALUE} of an import), with ncps's {@code CfC}
 * defaults: whether the gate is used ({@code mode}: {@code default} or {@code no_gate} hold the same tensors; pure
 * mode is seen in them), the backbone's activation (a dense CfC with a backbone only), and the wrapper's flags.
 */
final class CfcImportSettings {
    /** The number of motor neurons of a one-layer wired CfC, whose masks do not tell it. */
    static final String OUTPUT_SIZE = "output_size";
    static final String MODE = "mode";
    static final String ACTIVATION = "activation";

    private CfcImportSettings() {
    }

    /** The settings a CfC's state dict cannot tell, with ncps's defaults as text. */
    static Map<String, String> defaults(boolean wired, boolean pure, boolean backbone) {
        Map<String, String> d = new LinkedHashMap<>();
        if (!pure) {
            d.put(MODE, "default");
        }
        if (!wired && backbone) {
            d.put(ACTIVATION, "lecun_tanh");
        }
        d.put("return_sequences", "true");
        d.put("batch_first", "true");
        return Collections.unmodifiableMap(d);
    }

    /** Refuses a key that is no setting of this CfC's import. */
    static void requireKnown(Map<String, String> settings, boolean wired, Map<String, String> defaults) {
        List<String> known = new ArrayList<>(defaults.keySet());
        if (!known.contains(MODE)) {
            known.add(MODE);
        }
        if (wired) {
            known.add(OUTPUT_SIZE);
        }
        SettingValues.requireKnown(settings, wired ? "a wired CfC" : "a CfC", known);
    }
}
