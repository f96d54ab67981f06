package io.liquidlens.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.io.PickledObject;
import io.liquidlens.io.TorchCheckpoint;
import io.liquidlens.spec.Activation;
import io.liquidlens.spec.CfcSpec;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.testing.Fixtures;
import io.liquidlens.wiring.AutoNcpSpec;
import io.liquidlens.wiring.ExplicitWiringSpec;
import io.liquidlens.wiring.NeuronRole;
import io.liquidlens.wiring.Wiring;
import org.junit.jupiter.api.Test;

/** What the placeholders of a pickled ncps module say about its constructor call, wiring and state dict. */
class ModulePickleImportTest {

    private static PickledObject module(String name) {
        return TorchCheckpoint.readModule(Fixtures.dir().resolve("modules").resolve(name).resolve("model.pt"))
                .orElseThrow();
    }

    @Test
    void anAutoNcpKeepsItsConstructorCallWhenItRebuildsThePickledMatrices() {
        PickledObject m = module("ltc_autoncp");

        ModulePickleImport.Result r = ModulePickleImport.infer(m);

        PickledObject pickledWiring = m.object("_wiring");
        AutoNcpSpec wiring = (AutoNcpSpec) r.spec().wiringSpec();
        assertThat(wiring.seed()).isEqualTo(pickledWiring.whole("_seed"));
        assertThat(wiring.build(r.spec().inputSize()).adjacencyMatrix())
                .isDeepEqualTo(matrix(pickledWiring, "adjacency_matrix"));
        assertThat(r.notes()).isEmpty();
        assertThat(((LtcSpec) r.spec().cell()).mixedMemory()).isFalse();
    }

    @Test
    void anNcpWithoutItsSeedKeepsItsMatricesAndItsLayersSoTheRolesAreNcps() {
        PickledObject m = module("ltc_ncp_mixed");

        ModulePickleImport.Result r = ModulePickleImport.infer(m);

        ExplicitWiringSpec wiring = (ExplicitWiringSpec) r.spec().wiringSpec();
        PickledObject ncp = m.object("_wiring");
        assertThat(wiring.adjacency()).isDeepEqualTo(matrix(ncp, "adjacency_matrix"));
        assertThat(wiring.layers()).containsExactly(ncp.integers("_inter_neurons"), ncp.integers("_command_neurons"),
                ncp.integers("_motor_neurons"));
        Wiring built = wiring.build(r.spec().inputSize());
        assertThat(built.count(NeuronRole.COMMAND)).isEqualTo(ncp.integers("_command_neurons").length);
        assertThat(r.notes()).singleElement().asString().contains("does not record its seed");
        assertThat(((LtcSpec) r.spec().cell()).mixedMemory()).isTrue();
        assertThat(r.weights()).containsKeys("rnn_cell.gleak", "lstm.input_map.weight");
    }

    @Test
    void aDenseCfcsBackboneIsReadFromItsLayers() {
        ModulePickleImport.Result r = ModulePickleImport.infer(module("cfc_dense_backbone"));

        CfcSpec cfc = (CfcSpec) r.spec().cell();
        assertThat(r.spec().units()).isEqualTo(new UnitsSpec.Dense(12));
        assertThat(cfc.activation()).isEqualTo(Activation.SILU);
        assertThat(cfc.backboneLayers()).isEqualTo(2);
        assertThat(cfc.backboneUnits()).isEqualTo(24);
        assertThat(cfc.projSize()).isEqualTo(2);
        assertThat(r.weights()).containsKeys("rnn_cell.backbone.0.weight", "rnn_cell.backbone.2.weight", "fc.weight");
    }

    @Test
    void aWiredCfcsTensorsAreNamedAsItsStateDictNamesThem() {
        ModulePickleImport.Result r = ModulePickleImport.infer(module("cfc_wired_autoncp"));

        assertThat(r.spec().wiringSpec()).isInstanceOf(AutoNcpSpec.class);
        assertThat(r.weights().keySet()).allMatch(k -> k.startsWith("rnn_cell.layer_"))
                .contains("rnn_cell.layer_0.sparsity_mask", "rnn_cell.layer_2.ff1.weight");
    }

    private static int[][] matrix(PickledObject wiring, String name) {
        var a = wiring.array(name);
        long[] v = a.toLongArray();
        int[][] out = new int[a.dim(0)][a.dim(1)];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = (int) v[i * a.dim(1) + j];
            }
        }
        return out;
    }

}
