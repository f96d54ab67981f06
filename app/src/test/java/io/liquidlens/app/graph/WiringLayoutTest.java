package io.liquidlens.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.TestModels;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.SynapseActivity;
import io.liquidlens.wiring.NeuronRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the wiring graph puts inputs and neurons, and what it calls them. */
class WiringLayoutTest {

    @TempDir
    Path tmp;

    @Test
    void columnsRunInputsInterCommandMotorLeftToRightWithNcpsNames() throws Exception {
        LoadedModel model = LoadedModel.load(TestModels.ltcFixture(tmp.resolve("m")));
        SynapseActivity synapses = SynapseActivity.of(model.network());
        WiringLayout layout = WiringLayout.of(model, synapses);

        assertThat(layout.inputs()).isEqualTo(8);
        assertThat(layout.neurons()).isEqualTo(19);
        // ncps numbers an NCP's neurons motor first, then command, then inter (AutoNCP(19, 1): 1, 7, 11)
        assertThat(layout.count(NeuronRole.MOTOR)).isEqualTo(1);
        assertThat(layout.count(NeuronRole.COMMAND)).isEqualTo(7);
        assertThat(layout.count(NeuronRole.INTER)).isEqualTo(11);
        assertThat(layout.neuron(0).name()).isEqualTo("motor 0 (id 0)");
        assertThat(layout.neuron(4).name()).isEqualTo("command 3 (id 4)");
        assertThat(layout.neuron(4).label()).isEqualTo("C3");
        assertThat(layout.neuron(8).name()).isEqualTo("inter 0 (id 8)");
        assertThat(layout.vertices().get(2).name()).isEqualTo("input_2");

        List<Double> columns = new ArrayList<>();
        for (NeuronRole role : NeuronRole.values()) {
            Set<Double> xs = layout.vertices().stream().filter(v -> v.role() == role).map(WiringLayout.Vertex::x)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(xs).as(role + " in one column").hasSize(1);
            columns.add(xs.iterator().next());
        }
        assertThat(columns).isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();

        assertThat(layout.links()).hasSize(synapses.synapses().size());
        for (WiringLayout.Link link : layout.links()) {
            SynapseActivity.Synapse s = synapses.synapses().get(link.index());
            assertThat(layout.vertices().get(link.target()).id()).isEqualTo(s.target());
            assertThat(layout.vertices().get(link.source()).sensory()).isEqualTo(s.sensory());
            assertThat(layout.vertices().get(link.source()).id()).isEqualTo(s.source());
        }
    }

    @Test
    void aWiringWithoutCommandNeuronsGetsNoCommandColumnAndTallColumnsWrap() {
        // a fully connected wiring: motor neurons first, the rest inter (no command neurons)
        NeuronRole[] roles = new NeuronRole[100];
        for (int i = 0; i < roles.length; i++) {
            roles[i] = i < 2 ? NeuronRole.MOTOR : NeuronRole.INTER;
        }
        List<String> inputs = List.of("a", "b", "c");
        WiringLayout layout = WiringLayout.of(inputs, roles,
                List.of(new SynapseActivity.Synapse(0, 5, true, 1), new SynapseActivity.Synapse(5, 0, false, -1)));

        assertThat(layout.count(NeuronRole.COMMAND)).isZero();
        double interX = layout.neuron(2).x();
        double motorX = layout.neuron(0).x();
        double inputX = layout.vertices().get(0).x();
        assertThat(inputX).isLessThan(interX);
        // 98 inter neurons wrap into sub-columns of at most MAX_ROWS, all left of the motor column
        Set<Double> interColumns = layout.vertices().stream().filter(v -> v.role() == NeuronRole.INTER)
                .map(WiringLayout.Vertex::x).collect(Collectors.toCollection(TreeSet::new));
        assertThat(interColumns).hasSizeGreaterThanOrEqualTo(98 / WiringLayout.MAX_ROWS);
        for (double x : interColumns) {
            long rows = layout.vertices().stream().filter(v -> v.x() == x).count();
            assertThat(rows).isLessThanOrEqualTo(WiringLayout.MAX_ROWS);
            assertThat(x).isLessThan(motorX);
        }
        assertThat(layout.links().get(0).source()).isEqualTo(0);
        assertThat(layout.links().get(0).target()).isEqualTo(3 + 5);
        assertThat(layout.links().get(1).polarity()).isEqualTo(-1);
        // every vertex has its own place
        Set<String> places = layout.vertices().stream().map(v -> v.x() + "," + v.y()).collect(Collectors.toSet());
        assertThat(places).hasSize(103);
    }

    @Test
    void theDrawingTakesThePanesShapeWithinLimits() throws Exception {
        LoadedModel model = LoadedModel.load(TestModels.ltcFixture(tmp.resolve("m")));
        SynapseActivity synapses = SynapseActivity.of(model.network());

        double usual = WiringLayout.of(model, synapses).neuron(0).x();
        double wide = WiringLayout.of(model, synapses, 3.2).neuron(0).x();
        double widest = WiringLayout.of(model, synapses, WiringLayout.MAX_ASPECT).neuron(0).x();

        assertThat(wide).as("the motor column moves right as the pane widens").isCloseTo(2 * usual,
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(WiringLayout.of(model, synapses, 100).neuron(0).x()).isEqualTo(widest);
        assertThat(WiringLayout.of(model, synapses, 3.2).neuron(0).y()).isEqualTo(WiringLayout.of(model, synapses)
                .neuron(0).y());
    }

    @Test
    void aColumnTooDenseForReadableLabelsLabelsEveryKthVertex() {
        assertThat(VertexLabels.stride(14)).isEqualTo(1);
        assertThat(VertexLabels.stride(VertexLabels.MIN_FONT * 1.2)).isEqualTo(1);
        assertThat(VertexLabels.stride(8)).isEqualTo(2);
        assertThat(VertexLabels.stride(3)).isEqualTo(4);
    }

    @Test
    void aWideLayerWrapsIntoAsManyColumnsAsThePanesShapeHasRoomFor() {
        // a 64-unit layer in a pane 2.8 times as wide as tall: several columns of 8 to 16 rows, not two of 32
        int rows = WiringLayout.layerRows(6, 64, 1, 2.8);
        assertThat(rows).isBetween(8, 16);
        // a tall pane keeps the tallest column the layout allows
        assertThat(WiringLayout.layerRows(6, 64, 1, WiringLayout.MIN_ASPECT)).isGreaterThan(rows);
        // a small layer is not wrapped below the inputs' column
        assertThat(WiringLayout.layerRows(6, 4, 1, 2.8)).isEqualTo(4);
    }
}
