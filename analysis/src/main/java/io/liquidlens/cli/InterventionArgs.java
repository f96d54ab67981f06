package io.liquidlens.cli;

import io.liquidlens.BadOptionException;
import io.liquidlens.LiquidLensException;
import io.liquidlens.model.BaselineSupport;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.Intervention;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --clamp ID=VALUE} and {@code --cut FROM->TO}: interventions made on a model before it runs. */
final class InterventionArgs {
    @Option(names = "--clamp", paramLabel = "ID=VALUE",
            description = "Hold neuron ID (wiring id; a baseline's hidden unit by its place in the state) at VALUE"
                    + " throughout every step (repeatable).")
    List<String> clamps = new ArrayList<>();

    @Option(names = "--cut", paramLabel = "FROM->TO",
            description = "Remove the synapse from neuron FROM (or input K written sK) to neuron TO, as ncps computes"
                    + " with that mask entry 0 (repeatable; a baseline has no synapses).")
    List<String> cuts = new ArrayList<>();

    /** The interventions in the order given, cuts first. */
    List<Intervention> parse() {
        List<Intervention> out = new ArrayList<>();
        for (String c : cuts) {
            String[] parts = c.split("->", -1);
            if (parts.length != 2) {
                throw new BadOptionException("--cut " + c + ": write FROM->TO, e.g. 4->0 or s2->7 for input 2");
            }
            String from = parts[0].trim();
            boolean sensory = from.startsWith("s");
            out.add(new Intervention.CutSynapse(integer("--cut", c, sensory ? from.substring(1) : from),
                    integer("--cut", c, parts[1].trim()), sensory));
        }
        for (String c : clamps) {
            int eq = c.indexOf('=');
            if (eq < 0) {
                throw new BadOptionException("--clamp " + c + ": write ID=VALUE, e.g. 4=0.5");
            }
            float value;
            try {
                value = Float.parseFloat(c.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new BadOptionException("--clamp " + c + ": the value is not a number");
            }
            if (!Float.isFinite(value)) {
                throw new BadOptionException("--clamp " + c + ": the value must be finite");
            }
            out.add(new Intervention.ClampNeuron(integer("--clamp", c, c.substring(0, eq).trim()), value));
        }
        return out;
    }

    /** The loaded model's network with the interventions made; a model that cannot take one is a one-line error. */
    LiquidModel apply(LoadedModel loaded) {
        List<Intervention> interventions = parse();
        if (!cuts.isEmpty()) {
            BaselineSupport.requireSynapses(loaded.manifestFile(), loaded.manifest().spec());
        }
        try {
            return Intervention.apply(loaded.network(), interventions);
        } catch (IllegalArgumentException e) {
            throw new LiquidLensException(e.getMessage(), e);
        }
    }

    /** The interventions as given, for the provenance. */
    String describe() {
        List<String> all = new ArrayList<>();
        cuts.forEach(c -> all.add("cut " + c));
        clamps.forEach(c -> all.add("clamp " + c));
        return String.join("; ", all);
    }

    private static int integer(String option, String arg, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new BadOptionException(option + " " + arg + ": '" + text + "' is not a neuron id");
        }
    }
}
