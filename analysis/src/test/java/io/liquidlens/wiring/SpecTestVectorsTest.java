package io.liquidlens.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wiring test vectors printed by the real ncps library (docs/NCPS.md#reference-fixtures), written out by hand. */
class SpecTestVectorsTest {

    private static final String AUTO_NCP_19_1_SYNAPSES =
            "1->0:+, 1->4:+, 2->0:+, 2->3:-, 3->0:-, 3->1:+, 3->3:+, 3->5:+, 4->0:-, 5->0:-, 6->0:+, 7->0:-, "
            + "7->2:+, 7->3:+, 8->2:+, 8->6:+, 8->7:+, 9->2:+, 9->5:+, 9->6:-, 10->2:-, 10->4:-, 10->5:+, "
            + "11->1:+, 11->2:+, 11->6:+, 12->2:-, 12->3:-, 12->4:+, 13->3:-, 13->6:-, 13->7:+, 14->1:+, "
            + "14->3:+, 14->5:-, 15->1:-, 15->3:-, 15->6:-, 16->5:-, 16->6:+, 16->7:+, 17->3:-, 17->4:-, "
            + "17->7:-, 18->3:+, 18->5:+, 18->6:+";

    private static final String AUTO_NCP_19_1_SENSORY =
            "s0->11:-, s0->13:-, s0->14:-, s0->15:-, s0->18:+, s1->12:+, s1->13:+, s1->15:+, s1->16:-, "
            + "s1->17:-, s2->8:+, s2->11:+, s2->14:-, s2->15:-, s2->16:+, s3->8:+, s3->9:-, s3->12:-, "
            + "s3->13:-, s3->17:+, s4->9:+, s4->11:+, s4->15:-, s4->16:-, s4->17:-, s5->8:-, s5->13:-, "
            + "s5->15:-, s5->16:-, s5->17:+, s6->10:+, s6->11:+, s6->12:+, s6->13:+, s6->16:-, s7->8:+, "
            + "s7->9:+, s7->14:-, s7->15:+, s7->17:+";

    private static String format(List<int[]> synapses, String sourcePrefix) {
        List<String> parts = new ArrayList<>();
        for (int[] s : synapses) {
            parts.add(sourcePrefix + s[0] + "->" + s[1] + ":" + (s[2] > 0 ? "+" : "-"));
        }
        return String.join(", ", parts);
    }

    @Test
    void autoNcp19With1OutputOn8InputsMatchesTheSpecVector() {
        Wiring w = new AutoNcpSpec(19, 1).build(8);
        assertThat(w.layer(0)).containsExactly(8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18);
        assertThat(w.layer(1)).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(w.layer(2)).containsExactly(0);
        assertThat(w.synapseCount()).isEqualTo(47);
        assertThat(w.sensorySynapseCount()).isEqualTo(40);
        assertThat(format(w.synapses(), "")).isEqualTo(AUTO_NCP_19_1_SYNAPSES);
        assertThat(format(w.sensorySynapses(), "s")).isEqualTo(AUTO_NCP_19_1_SENSORY);
    }

    @Test
    void autoNcp19With1OutputHasTheSpecSizing() {
        NcpSpec ncp = new AutoNcpSpec(19, 1).toNcp();
        assertThat(ncp).isEqualTo(new NcpSpec(11, 7, 1, 5, 3, 7, 3, 22222));
    }

    @Test
    void fullyConnected4On2InputsMatchesTheSpecVector() {
        Wiring w = new FullyConnectedSpec(4).build(2);
        assertThat(w.adjacencyMatrix())
                .isDeepEqualTo(new int[][] {{1, 1, 1, 1}, {1, 1, 1, 1}, {1, 1, 1, 1}, {1, 1, 1, -1}});
        assertThat(w.sensoryAdjacencyMatrix()).isDeepEqualTo(new int[][] {{1, 1, 1, -1}, {1, 1, -1, 1}});
        assertThat(w.count(NeuronRole.MOTOR)).isEqualTo(4);
    }
}
