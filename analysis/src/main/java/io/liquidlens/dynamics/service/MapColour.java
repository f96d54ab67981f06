package io.liquidlens.dynamics.service;

import java.util.Locale;

/**
 * What colours the map of the drive: PC1 (the default, as the NCP paper's Fig. 6 colours by activity along the
 * main axis), one neuron's state, named as everywhere ({@code command 3 (id 4)}) or by its label ({@code C3}), or
 * that neuron's time constant ({@code C3:tau}; a CfC's time gate), as the paper also colours the drive.
 *
 * @param neuron the neuron as the user named it, or null for PC1
 * @param tau    colour by the neuron's time constant instead of its state
 */
public record MapColour(String neuron, boolean tau) {
    /** The default. */
    public static final MapColour PC1 = new MapColour(null, false);
    private static final String TAU = ":tau";

    public MapColour {
        if (neuron != null && neuron.isBlank()) {
            throw new IllegalArgumentException("a neuron's name or label, or pc1, was expected; got nothing");
        }
        if (neuron == null && tau) {
            throw new IllegalArgumentException("pc1 has no time constant; give a neuron, e.g. C3:tau");
        }
    }

    /** One neuron's state. */
    public MapColour(String neuron) {
        this(neuron, false);
    }

    /** {@code pc1} (any case), a neuron's name or label, or either followed by {@code :tau}. */
    public static MapColour parse(String text) {
        String t = text.trim();
        boolean tau = t.toLowerCase(Locale.ROOT).endsWith(TAU);
        String neuron = tau ? t.substring(0, t.length() - TAU.length()).trim() : t;
        return neuron.toLowerCase(Locale.ROOT).equals("pc1") && !tau ? PC1
                : new MapColour(neuron.toLowerCase(Locale.ROOT).equals("pc1") ? null : neuron, tau);
    }

    /** True when PC1 colours the map. */
    public boolean isPc1() {
        return neuron == null;
    }

    /** As the options record it: {@code pc1} or the neuron as given. */
    @Override
    public String toString() {
        return isPc1() ? "pc1" : neuron + (tau ? TAU : "");
    }
}
