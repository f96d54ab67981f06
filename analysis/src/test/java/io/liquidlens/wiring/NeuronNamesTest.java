package io.liquidlens.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Neurons are named by role and place in the role, with the ncps id: the same name in every view and export. */
class NeuronNamesTest {

    @Test
    void autoNcpNeuronsAreNamedByTheirPlaceInTheirRole() {
        // AutoNCP(19, 1): motor id 0, command ids 1-7, inter ids 8-18 (ncps orders motor, command, inter)
        Wiring w = new AutoNcpSpec(19, 1).build(8);
        assertThat(w.neuronName(0)).isEqualTo("motor 0 (id 0)");
        assertThat(w.neuronLabel(0)).isEqualTo("M0");
        assertThat(w.neuronName(1)).isEqualTo("command 0 (id 1)");
        assertThat(w.neuronName(4)).isEqualTo("command 3 (id 4)");
        assertThat(w.neuronLabel(7)).isEqualTo("C6");
        assertThat(w.neuronName(8)).isEqualTo("inter 0 (id 8)");
        assertThat(w.neuronLabel(18)).isEqualTo("I10");
        assertThat(w.indexInRole(18)).isEqualTo(10);
    }
}
