package io.liquidlens.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.NdArray;
import io.liquidlens.testing.BaselineFixtures;
import io.liquidlens.testing.BaselineFixtures.Case;
import io.liquidlens.testing.CtrnnWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link BaselineLayout} names a baseline's tensors as torch's {@code state_dict()} does, and is the only place. */
class BaselineLayoutTest {

    static List<Case> cases() {
        return BaselineFixtures.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theLayoutIsTorchsStateDictInTorchsOrder(Case c) {
        Map<String, NdArray> torch = ModelFolder.readWeightsFile(c.weights());

        List<Tensor> layout = BaselineLayout.of(c.spec());

        assertThat(layout).extracting(Tensor::name).containsExactlyElementsOf(torch.keySet());
        for (Tensor t : layout) {
            assertThat(torch.get(t.name()).shape()).as(t.name()).containsExactly(t.shape());
        }
    }

    @Test
    void aCtrnnsLayoutHoldsItsFourTensorsAndTheReadout() {
        assertThat(BaselineLayout.of(CtrnnWeights.spec(3, 7, 2, 6))).extracting(Tensor::name)
                .containsExactlyElementsOf(CtrnnWeights.random(3, 7, 2, 1).keySet());
    }

    @Test
    void aPrefixIsReadFromTheFirstLayersKeyOfAnyModule() {
        assertThat(BaselineLayout.recurrentPrefixOf("encoder.lstm.weight_ih_l0")).isEqualTo("encoder.lstm");
        assertThat(BaselineLayout.recurrentPrefixOf("core.tau_raw")).isEqualTo("core");
        assertThat(BaselineLayout.recurrentPrefixOf("encoder.lstm.weight_ih_l1")).isNull();
    }

    @Test
    void noOtherMainSourceSpellsABaselineTensorName() throws IOException {
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        Pattern names = Pattern.compile("weight_ih|weight_hh|bias_ih|bias_hh|weight_hr|tau_raw|_reverse");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.getFileName().toString().equals("BaselineLayout.java")) {
                    continue;
                }
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (names.matcher(m.group(1)).find()) {
                        found.add(f.getFileName() + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).as("baseline tensor names spelled outside BaselineLayout").isEmpty();
    }
}
