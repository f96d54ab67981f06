package io.liquidlens.wiring;

/**
 * ncps {@code NCP(inter_neurons, command_neurons, motor_neurons, sensory_fanout, inter_fanout,
 * recurrent_command_synapses, motor_fanin, seed=22222)}.
 */
public record NcpSpec(int interNeurons, int commandNeurons, int motorNeurons, int sensoryFanout, int interFanout,
                      int recurrentCommandSynapses, int motorFanin, long seed) implements WiringSpec {
    public static final long DEFAULT_SEED = 22222;

    @Override
    public String ncpsClass() {
        return "NCP";
    }

    @Override
    public Wiring build(int inputDim) {
        throw new UnsupportedOperationException("not yet");
    }
}
