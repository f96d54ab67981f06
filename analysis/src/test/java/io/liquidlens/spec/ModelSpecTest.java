package io.liquidlens.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.wiring.ExplicitWiringSpec;
import io.liquidlens.wiring.NcpSpec;
import io.liquidlens.wiring.Wiring;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The combinations ncps itself refuses, and only those. */
class ModelSpecTest {

    @Test
    void aProjectionOnAnExplicitWiringWithAnNcpsLayersIsWhatNcpsBuildsForTheNcp() {
        Wiring ncp = new NcpSpec(4, 3, 2, 2, 2, 2, 2, 11).build(4);
        CfcSpec projected = new CfcSpec(3, true, true, false, CfcMode.DEFAULT, Activation.LECUN_TANH, 0, 0, 0.0);
        ExplicitWiringSpec layered = new ExplicitWiringSpec(ncp.outputDim(), ncp.adjacencyMatrix(),
                ncp.sensoryAdjacencyMatrix(), List.of(ncp.layer(0), ncp.layer(1), ncp.layer(2)));
        ExplicitWiringSpec oneLayer = new ExplicitWiringSpec(ncp.outputDim(), ncp.adjacencyMatrix(),
                ncp.sensoryAdjacencyMatrix());

        assertThat(new ModelSpec(4, new UnitsSpec.Wired(layered), projected).wiringSpec()).isEqualTo(layered);
        assertThatThrownBy(() -> new ModelSpec(4, new UnitsSpec.Wired(oneLayer), projected))
                .hasMessageContaining("proj_size cannot be used with a single-layer wiring");
    }
}
