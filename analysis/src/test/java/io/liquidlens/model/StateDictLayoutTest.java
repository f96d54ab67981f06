package io.liquidlens.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import io.liquidlens.model.StateDictLayout.CfcLayout;
import io.liquidlens.spec.Activation;
import io.liquidlens.spec.CfcMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layout names every tensor ncps saves, in ncps's order and shapes (checked against real state dicts), and
 * it is the only main source that spells those names.
 */
class StateDictLayoutTest {

    static Stream<JsonNode> cases() {
        return Stream.concat(Fixtures.cases("ltc.json").stream(), Fixtures.cases("cfc.json").stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void layoutIsTheStateDictNcpsSaved(JsonNode c) {
        var spec = FixtureModels.spec(c);
        var wiring = FixtureModels.wiring(c);
        List<String> expected = new ArrayList<>();
        c.get("state_dict").fields().forEachRemaining(e -> expected.add(e.getKey() + Arrays.toString(
                Fixtures.shape(e.getValue()))));
        List<String> actual = StateDictLayout.of(spec, wiring).stream()
                .map(t -> t.name() + Arrays.toString(t.shape())).toList();
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(StateDictLayout.of(spec, wiring)).filteredOn(t -> !t.trainable())
                .allMatch(t -> t.name().endsWith("sparsity_mask"));
    }

    @Test
    void backboneIndicesSkipTheDropoutModules() {
        CfcLayout withDropout = CfcLayout.dense(3, 4, CfcMode.DEFAULT, Activation.RELU, 5, 3, 0.1);
        CfcLayout without = CfcLayout.dense(3, 4, CfcMode.DEFAULT, Activation.RELU, 5, 3, 0.0);
        // Sequential(Linear, act, [Linear, act, Dropout] x 2) vs Sequential(Linear, act, [Linear, act] x 2)
        assertThat(backboneWeights(withDropout)).containsExactly("rnn_cell.backbone.0.weight",
                "rnn_cell.backbone.2.weight", "rnn_cell.backbone.5.weight");
        assertThat(backboneWeights(without)).containsExactly("rnn_cell.backbone.0.weight",
                "rnn_cell.backbone.2.weight", "rnn_cell.backbone.4.weight");
    }

    private static List<String> backboneWeights(CfcLayout layout) {
        return layout.tensors().stream().map(Tensor::name)
                .filter(n -> n.contains("backbone") && n.endsWith("weight")).toList();
    }

    /**
     * No string literal of another main source holds a state-dict key of the fixtures, a key's tail below a
     * module ({@code ff1.weight}, {@code input_map.weight}), the cell's prefix, or a tensor's own name. Own
     * names that are also ordinary words elsewhere (the lane feature mu, SmoothGrad's sigma, an option's
     * label A) are only checked as part of a key.
     */
    @Test
    void noOtherMainSourceSpellsATensorName() throws IOException {
        Set<String> dotted = new TreeSet<>(List.of(StateDictLayout.CELL_PREFIX));
        Set<String> own = new TreeSet<>();
        cases().forEach(c -> StateDictLayout.of(FixtureModels.spec(c), FixtureModels.wiring(c)).forEach(t -> {
            String[] parts = t.name().split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                dotted.add(String.join(".", Arrays.copyOfRange(parts, i, parts.length)));
            }
            own.add(parts[parts.length - 1].equals("weight") || parts[parts.length - 1].equals("bias")
                    ? parts[parts.length - 2] : parts[parts.length - 1]);
        }));
        own.removeAll(Set.of("mu", "sigma", "w", "A", "fc"));
        own.removeIf(n -> n.chars().allMatch(Character::isDigit)); // backbone.2.weight's index
        assertThat(dotted).contains("rnn_cell.gleak", "ff1.weight", "input_map.weight");
        assertThat(own).contains("gleak", "sensory_sparsity_mask", "time_a", "w_tau");

        Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.getFileName().toString().equals("StateDictLayout.java")) {
                    continue;
                }
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    String text = m.group(1);
                    if (own.contains(text) || dotted.stream().anyMatch(text::contains)) {
                        found.add(f.getFileName() + ": \"" + text + "\"");
                    }
                }
            }
        }
        assertThat(found).as("tensor names spelled outside StateDictLayout").isEmpty();
    }
}
