package io.liquidlens.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Invalid constructor arguments are refused with a message naming the argument, the range and the value. */
class WiringSpecValidationTest {

    private static void rejected(ThrowingCallable call, String... fragments) {
        var assertion = assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class);
        for (String f : fragments) {
            assertion.hasMessageContaining(f);
        }
    }

    // AutoNCP: ncps checks output_size < units - 2 and 0.1 <= sparsity_level <= 1.0

    @Test
    void autoNcpSparsityBelowPointOneIsRejectedWithTheRealRange() {
        rejected(() -> new AutoNcpSpec(19, 1, 0.09, 1), "sparsity_level", "[0.1, 1.0]", "0.09");
    }

    @Test
    void autoNcpSparsityAboveOneIsRejected() {
        rejected(() -> new AutoNcpSpec(19, 1, 1.01, 1), "sparsity_level", "1.01");
        rejected(() -> new AutoNcpSpec(19, 1, Double.NaN, 1), "sparsity_level", "NaN");
    }

    @Test
    void autoNcpSparsityBoundsThemselvesAreAccepted() {
        assertThatCode(() -> new AutoNcpSpec(19, 1, 0.1, 1).build(3)).doesNotThrowAnyException();
        assertThatCode(() -> new AutoNcpSpec(19, 1, 1.0, 1).build(3)).doesNotThrowAnyException();
    }

    @Test
    void autoNcpOutputSizeMustLeaveThreeNeurons() {
        rejected(() -> new AutoNcpSpec(19, 17), "output_size", "[1, units - 3 = 16]", "17");
        assertThatCode(() -> new AutoNcpSpec(19, 16)).doesNotThrowAnyException();
        rejected(() -> new AutoNcpSpec(19, 0), "output_size", "0");
    }

    @Test
    void autoNcpSeedMustFitRandomState() {
        rejected(() -> new AutoNcpSpec(19, 1, 0.5, -1), "seed", "4294967295", "-1");
        rejected(() -> new AutoNcpSpec(19, 1, 0.5, 1L << 32), "seed");
        assertThatCode(() -> new AutoNcpSpec(19, 1, 0.5, 0xffffffffL)).doesNotThrowAnyException();
    }

    @Test
    void autoNcpNeedsAPositiveInputDim() {
        rejected(() -> new AutoNcpSpec(19, 1).build(0), "AutoNCP", "input_dim", "0");
    }

    // NCP: ncps checks motor_fanin <= command, sensory_fanout <= inter, inter_fanout <= command

    @Test
    void ncpMotorFaninAboveCommandCountIsRejected() {
        rejected(() -> new NcpSpec(5, 4, 2, 3, 2, 3, 5, 1), "motor_fanin", "[0, command_neurons = 4]", "5");
    }

    @Test
    void ncpSensoryFanoutAboveInterCountIsRejected() {
        rejected(() -> new NcpSpec(5, 4, 2, 6, 2, 3, 2, 1), "sensory_fanout", "[0, inter_neurons = 5]", "6");
    }

    @Test
    void ncpInterFanoutAboveCommandCountIsRejected() {
        rejected(() -> new NcpSpec(5, 4, 2, 3, 5, 3, 2, 1), "inter_fanout", "[0, command_neurons = 4]", "5");
    }

    @Test
    void ncpFanoutsAtTheirBoundsAreAccepted() {
        assertThatCode(() -> new NcpSpec(5, 4, 2, 5, 4, 0, 4, 1).build(3)).doesNotThrowAnyException();
        assertThatCode(() -> new NcpSpec(5, 4, 2, 0, 0, 0, 0, 1).build(3)).doesNotThrowAnyException();
    }

    @Test
    void ncpNegativeCountsAndEmptyLayersAreRejected() {
        rejected(() -> new NcpSpec(0, 4, 2, 0, 2, 3, 2, 1), "inter_neurons", ">= 1", "0");
        rejected(() -> new NcpSpec(5, 0, 2, 3, 0, 3, 0, 1), "command_neurons", "0");
        rejected(() -> new NcpSpec(5, 4, 0, 3, 2, 3, 2, 1), "motor_neurons", "0");
        rejected(() -> new NcpSpec(5, 4, 2, -1, 2, 3, 2, 1), "sensory_fanout", "-1");
        rejected(() -> new NcpSpec(5, 4, 2, 3, 2, -1, 2, 1), "recurrent_command_synapses", "-1");
        rejected(() -> new NcpSpec(5, 4, 2, 3, 2, 3, 2, -7), "seed", "-7");
    }

    @Test
    void ncpNeedsAPositiveInputDim() {
        rejected(() -> new NcpSpec(5, 4, 2, 3, 2, 3, 2, 1).build(-2), "NCP", "input_dim", "-2");
    }

    // FullyConnected: ncps checks nothing; we check what its code needs

    @Test
    void fullyConnectedRejectsNonPositiveUnitsAndBadOutputDim() {
        rejected(() -> new FullyConnectedSpec(0), "units", "0");
        rejected(() -> new FullyConnectedSpec(4, 5, 1, true), "output_dim", "[1, units = 4]", "5");
        rejected(() -> new FullyConnectedSpec(4, 0, 1, true), "output_dim", "0");
        rejected(() -> new FullyConnectedSpec(4, null, -1, true), "erev_init_seed", "-1");
        rejected(() -> new FullyConnectedSpec(4).build(0), "input_dim", "0");
    }

    // Random: ncps checks 0 <= sparsity_level < 1

    @Test
    void randomSparsityOutsideZeroToOneIsRejected() {
        rejected(() -> new RandomSpec(4, null, 1.0, 1), "sparsity_level", "[0.0, 1.0)", "1.0");
        rejected(() -> new RandomSpec(4, null, -0.1, 1), "sparsity_level", "-0.1");
        rejected(() -> new RandomSpec(4, null, Double.NaN, 1), "sparsity_level", "NaN");
        assertThatCode(() -> new RandomSpec(4, null, 0.0, 1).build(2)).doesNotThrowAnyException();
        assertThatCode(() -> new RandomSpec(4, null, 0.99, 1).build(2)).doesNotThrowAnyException();
    }

    @Test
    void randomRejectsBadUnitsOutputDimSeedAndInputDim() {
        rejected(() -> new RandomSpec(0, null, 0.5, 1), "units", "0");
        rejected(() -> new RandomSpec(4, 9, 0.5, 1), "output_dim", "9");
        rejected(() -> new RandomSpec(4, null, 0.5, -3), "random_seed", "-3");
        rejected(() -> new RandomSpec(4, null, 0.5, 1).build(0), "input_dim", "0");
    }

    // Explicit matrices (ncps base Wiring)

    @Test
    void explicitWiringKeepsItsMatricesAndGivesBaseClassRoles() {
        int[][] adj = {{0, 1, 0}, {-1, 0, 1}, {0, 0, 1}};
        int[][] sens = {{1, 0, -1}};
        Wiring w = new ExplicitWiringSpec(1, adj, sens).build(1);
        assertThat(w.adjacencyMatrix()).isDeepEqualTo(adj);
        assertThat(w.sensoryAdjacencyMatrix()).isDeepEqualTo(sens);
        assertThat(w.role(0)).isEqualTo(NeuronRole.MOTOR);
        assertThat(w.role(1)).isEqualTo(NeuronRole.INTER);
        assertThat(w.layerCount()).isEqualTo(1);
        assertThat(w.layer(0)).containsExactly(0, 1, 2);
        assertThat(w.kind()).isEqualTo("Wiring");
    }

    @Test
    void explicitWiringWithoutSensoryMatrixGetsZeros() {
        Wiring w = new ExplicitWiringSpec(2, new int[][] {{1, 1}, {1, 1}}, null).build(3);
        assertThat(w.sensoryAdjacencyMatrix()).isDeepEqualTo(new int[3][2]);
    }

    @Test
    void explicitWiringRejectsShapeMismatches() {
        rejected(() -> new ExplicitWiringSpec(1, new int[][] {{1, 1}, {1}}, null), "adjacency_matrix", "square",
                "row 1");
        rejected(() -> new ExplicitWiringSpec(1, new int[0][], null), "adjacency_matrix");
        rejected(() -> new ExplicitWiringSpec(3, new int[][] {{1, 1}, {1, 1}}, null), "output_dim", "3");
        rejected(() -> new ExplicitWiringSpec(1, new int[][] {{1, 1}, {1, 1}}, new int[][] {{1, 1, 1}}),
                "sensory_adjacency_matrix", "2 columns", "3");
        rejected(() -> new ExplicitWiringSpec(1, new int[][] {{1, 1}, {1, 1}}, new int[][] {{1, 1}}).build(2),
                "sensory_adjacency_matrix", "1 rows", "input_dim 2");
        rejected(() -> new ExplicitWiringSpec(1, new int[][] {{2, 1}, {1, 1}}, null).build(1), "2");
    }
}
