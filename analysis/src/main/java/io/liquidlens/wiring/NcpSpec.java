package io.liquidlens.wiring;

/**
 * ncps {@code NCP(inter_neurons, command_neurons, motor_neurons, sensory_fanout, inter_fanout,
 * recurrent_command_synapses, motor_fanin, seed=22222)}.
 *
 * <p>Four layers (sensory, inter, command, motor) wired feed-forward plus random command-to-command
 * synapses, drawn from {@code np.random.RandomState(seed)}. Neuron ids: motor {@code [0, M)}, command
 * {@code [M, M+C)}, inter {@code [M+C, N)}.
 */
public record NcpSpec(int interNeurons, int commandNeurons, int motorNeurons, int sensoryFanout, int interFanout,
                      int recurrentCommandSynapses, int motorFanin, long seed) implements WiringSpec {
    public static final long DEFAULT_SEED = 22222;

    /**
     * Checks the arguments. ncps rejects {@code motor_fanin > command_neurons}, {@code sensory_fanout >
     * inter_neurons} and {@code inter_fanout > command_neurons}; the other bounds are those its code needs
     * (numpy rejects negative sample sizes and seeds outside [0, 2^32 - 1]; empty inter or command layers
     * divide by zero). A negative {@code recurrent_command_synapses}, which ncps silently treats as 0, is
     * rejected too.
     *
     * @throws IllegalArgumentException naming the argument, its allowed range and the value
     */
    public NcpSpec {
        String w = "NCP";
        Arguments.requireAtLeast(w, "inter_neurons", interNeurons, 1);
        Arguments.requireAtLeast(w, "command_neurons", commandNeurons, 1);
        Arguments.requireAtLeast(w, "motor_neurons", motorNeurons, 1);
        Arguments.requireInRange(w, "sensory_fanout", sensoryFanout, 0, interNeurons,
                "inter_neurons = " + interNeurons);
        Arguments.requireInRange(w, "inter_fanout", interFanout, 0, commandNeurons,
                "command_neurons = " + commandNeurons);
        Arguments.requireAtLeast(w, "recurrent_command_synapses", recurrentCommandSynapses, 0);
        Arguments.requireInRange(w, "motor_fanin", motorFanin, 0, commandNeurons,
                "command_neurons = " + commandNeurons);
        Arguments.requireInRange(w, "seed", seed, 0, Mt19937RandomState.MAX_SEED,
                String.valueOf(Mt19937RandomState.MAX_SEED));
    }

    @Override
    public String ncpsClass() {
        return "NCP";
    }

    /** Total number of neurons: inter + command + motor. */
    public int units() {
        return interNeurons + commandNeurons + motorNeurons;
    }

    @Override
    public Wiring build(int inputDim) {
        return NcpBuilder.build(this, ncpsClass(), inputDim);
    }

    @Override
    public Wiring buildTwice(int inputDim) {
        return NcpBuilder.build(this, ncpsClass(), inputDim, 2);
    }
}
