package io.liquidlens.dynamics.service;

import java.util.Locale;

/**
 * What colours the map of the drive: PC1 (the default, as the NCP paper's Fig. 6 colours by activity along the
 * main axis) or one neuron's state, named as everywhere ({@code command 3 (id 4)}) or by its label ({@code C3}).
 *
 * @param neuron the neuron as the user named it, or null for PC1
 */
public record MapColour(String neuron) {
    /** The default. */
    public static final MapColour PC1 = new MapColour(null);

    public MapColour {
        if (neuron != null && neuron.isBlank()) {
            throw new IllegalArgumentException("a neuron's name or label, or pc1, was expected; got nothing");
        }
    }

    /** {@code pc1} (any case) or a neuron's name or label. */
    public static MapColour parse(String text) {
        String t = text.trim();
        return t.toLowerCase(Locale.ROOT).equals("pc1") ? PC1 : new MapColour(t);
    }

    /** True when PC1 colours the map. */
    public boolean isPc1() {
        return neuron == null;
    }

    /** As the options record it: {@code pc1} or the neuron as given. */
    @Override
    public String toString() {
        return isPc1() ? "pc1" : neuron;
    }
}
