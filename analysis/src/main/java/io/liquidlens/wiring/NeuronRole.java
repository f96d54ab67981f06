package io.liquidlens.wiring;

/**
 * The role a neuron plays in a Neural Circuit Policy, as ncps names them.
 *
 * <p>ncps's {@code draw_graph} has no colour for command neurons, so they look like inter neurons, and
 * it colours synapses by the initial polarity, not the trained one (docs/NCPS.md#neuron-ids-and-roles). LiquidLens
 * gives every role its own look, and the connectivity of a loaded LTC takes polarity from the trained reversal
 * potentials ({@code LiquidModel.connectivity()}).
 */
public enum NeuronRole {
    SENSORY, INTER, COMMAND, MOTOR;

    /** The lower-case name ncps uses ({@code "motor"}, {@code "command"}, ...). */
    public String ncpsName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
