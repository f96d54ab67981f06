package io.liquidlens.app.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.io.NdArray;
import io.liquidlens.sim.Activity;
import io.liquidlens.wiring.NeuronRole;
import io.liquidlens.wiring.Wiring;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The traces table the CSV export writes, and which neurons the traces show. */
class TraceTableTest {
    @TempDir
    Path tmp;

    /** 3 steps, 4 neurons, 2 outputs; every value distinct so a wrong column shows. */
    private static Activity activity() {
        float[] state = {0.5f, -1.25f, 3e-7f, 2f, 0.75f, -1.5f, 4e-7f, 3f, 1f, -1.75f, 5e-7f, 4f};
        float[] tau = {10f, 20f, 30f, 40f, 11f, 21f, 31f, 41f, 12f, 22f, 32f, 42f};
        float[] out = {0.1f, 1.1f, 0.2f, 1.2f, 0.3f, 1.3f};
        return new Activity(3, 4, 1, 2, new float[3], state, tau, out);
    }

    private static NdArray actions() {
        return NdArray.ofFloats(new int[] {3, 2}, new float[] {-0.1f, -1.1f, -0.2f, -1.2f, -0.3f, -1.3f});
    }

    @Test
    void headerNamesStateTauOutputAndActionColumns() {
        TraceTable table = new TraceTable(activity(), List.of(new TraceNeuron(1, "command 1"),
                new TraceNeuron(3, "motor 3")), List.of("steer", "speed"), actions(), List.of("steer", "speed"));
        assertThat(table.header()).containsExactly("step", "command 1 state", "motor 3 state", "command 1 tau",
                "motor 3 tau", "output steer", "output speed", "action steer", "action speed");
    }

    @Test
    void rowsHoldTheActivityValuesOfTheirStep() {
        TraceTable table = new TraceTable(activity(), List.of(new TraceNeuron(1, "command 1"),
                new TraceNeuron(2, "inter 2")), List.of("0", "1"), actions(), List.of("0", "1"));
        assertThat(table.rows()).isEqualTo(3);
        assertThat(table.row(1)).containsExactly("1", "-1.5", "4.0E-7", "21.0", "31.0", "0.2", "1.2", "-0.2", "-1.2");
    }

    @Test
    void csvIsTheSameInEveryLocaleAndReadsBackExactly() throws Exception {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            TraceTable table = new TraceTable(activity(), List.of(new TraceNeuron(2, "inter 2")), List.of("0", "1"),
                    null, List.of());
            Path file = tmp.resolve("traces.csv");
            table.write(file);
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).isEqualTo("step,inter 2 state,inter 2 tau,output 0,output 1");
            for (int t = 0; t < 3; t++) {
                String[] cells = lines.get(t + 1).split(",");
                assertThat(Integer.parseInt(cells[0])).isEqualTo(t);
                assertThat(Float.parseFloat(cells[1])).isEqualTo(activity().state(t, 2));
                assertThat(Float.parseFloat(cells[2])).isEqualTo(activity().tau(t, 2));
                assertThat(Float.parseFloat(cells[3])).isEqualTo(activity().output(t, 0));
            }
        } finally {
            Locale.setDefault(before);
        }
        assertThat(Files.list(tmp)).extracting(p -> p.getFileName().toString()).containsExactly("traces.csv");
    }

    @Test
    void namesWithCommasOrQuotesAreQuoted() throws Exception {
        TraceTable table = new TraceTable(activity(), List.of(), List.of("left, right", "say \"hi\""), null, List.of());
        StringWriter out = new StringWriter();
        table.write(out);
        assertThat(out.toString()).startsWith("step,\"output left, right\",\"output say \"\"hi\"\"\"\n");
    }

    @Test
    void mismatchedNamesAreRefused() {
        assertThatThrownBy(() -> new TraceTable(activity(), List.of(), List.of("only one"), null, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 output names for 2 outputs");
        assertThatThrownBy(() -> new TraceTable(activity(), List.of(new TraceNeuron(4, "x 4")), List.of("a", "b"),
                null, List.of())).hasMessageContaining("no neuron 4");
    }

    private static Wiring wiring() {
        // 4 neurons: 0 motor, 1 command, 2-3 inter; no synapses needed to name them
        NeuronRole[] roles = {NeuronRole.MOTOR, NeuronRole.COMMAND, NeuronRole.INTER, NeuronRole.INTER};
        return new Wiring("test", 1, new int[4][4], new int[2][4], roles, List.of(new int[] {2, 3}, new int[] {1},
                new int[] {0}));
    }

    @Test
    void withoutASelectionTheMotorNeuronsAreShown() {
        assertThat(TraceNeuron.shown(Set.of(), wiring(), 4)).containsExactly(new TraceNeuron(0, "motor 0 (id 0)"));
        assertThat(TraceNeuron.shown(Set.of(), null, 4)).containsExactly(new TraceNeuron(0, "neuron 0"));
    }

    @Test
    void selectedNeuronsAreShownInIdOrderNamedByRole() {
        assertThat(TraceNeuron.shown(Set.of(3, 1, 99), wiring(), 4))
                .containsExactly(new TraceNeuron(1, "command 0 (id 1)"), new TraceNeuron(3, "inter 1 (id 3)"));
    }
}
