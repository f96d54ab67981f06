package io.liquidlens.wiring;

/** The role a neuron plays in a Neural Circuit Policy, as ncps names them. */
public enum NeuronRole {
    SENSORY, INTER, COMMAND, MOTOR;

    /** The lower-case name ncps uses ({@code "motor"}, {@code "command"}, ...). */
    public String ncpsName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
