package io.liquidlens.lanekeeping;

/** Who steers during an episode: the expert, or a network driving closed-loop from the sensor. */
public interface Driver {

    /** A short name for reports ({@code expert}, or the model folder). */
    String name();

    /** Neuron states recorded per step (0 for the expert). */
    int stateSize();

    /** Forgets everything from a previous episode (a network's state returns to zero). */
    void reset();

    /**
     * The action (path curvature, 1/m) for this step.
     *
     * @param observation  what the sensor produced, at {@code offset}
     * @param offset       start of this step's observation
     * @param expertAction the expert's action at the same state (what the expert driver returns; a network
     *                     ignores it)
     */
    double act(float[] observation, int offset, double expertAction);

    /** Copies the state reached by the last {@link #act} into {@code into[offset ..]} (nothing for the expert). */
    void state(float[] into, int offset);
}
