package io.liquidlens.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The layout names every tensor ncps saves, in ncps's order and shapes (checked against real state dicts). */
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
}
