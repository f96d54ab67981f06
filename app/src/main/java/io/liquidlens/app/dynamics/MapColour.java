package io.liquidlens.app.dynamics;

/** What colours the map of the drive: the selected neuron's state, its time constant, or the activity's PC1. */
public enum MapColour {
    STATE("state"),
    TAU("time constant"),
    PC1("PC1");

    private final String label;

    MapColour(String label) {
        this.label = label;
    }

    /** As the choice box shows it. */
    @Override
    public String toString() {
        return label;
    }
}
