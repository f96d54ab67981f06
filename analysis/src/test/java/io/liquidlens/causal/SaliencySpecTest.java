package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SaliencySpecTest {

    @ParameterizedTest
    @ValueSource(strings = {"vbp", "gradient", "gradxinput", "ig:steps=64,baseline=grey", "smoothgrad:samples=8,sigma=0.2",
        "occlusion", "occlusion:patch=4,stride=2"})
    void theCanonicalTextReadsBackToTheSameSpec(String text) {
        SaliencySpec s = SaliencySpec.parse(text);
        assertThat(s.text()).isEqualTo(text);
        assertThat(SaliencySpec.parse(s.text())).isEqualTo(s);
    }

    @Test
    void optionsReachTheMethods() {
        IntegratedGradients ig = (IntegratedGradients) SaliencySpec.parse("ig:steps=7,baseline=grey").create(false, 3, 0);
        assertThat(ig.steps()).isEqualTo(7);
        assertThat(ig.baseline()).containsExactly(0.5, 0.5, 0.5);
        assertThat(((IntegratedGradients) SaliencySpec.parse("ig").create(true, 9, 0)).baseline()).isNull();
        assertThat(SaliencySpec.parse("smoothgrad:samples=5").create(true, 9, 42)).isEqualTo(new SmoothGrad(5, 0.1, 42));
        assertThat(SaliencySpec.parse("occlusion").create(true, 9, 0)).isEqualTo(new Occlusion(8, 4, 0.5));
        assertThat(SaliencySpec.parse("occlusion").create(false, 9, 0)).isEqualTo(new Occlusion(1, 1, 0.0));
        assertThat(SaliencySpec.parse("occlusion:patch=2").create(false, 9, 0)).isEqualTo(new Occlusion(2, 1, 0.0));
    }

    @Test
    void theHelpNamesEveryRegisteredMethodWithTheDefaultsItRunsWith() {
        Matcher m = Pattern.compile("(\\w+)(\\[:([^\\]]*)])?").matcher(SaliencySpec.SYNTAX.replaceAll("\\([^)]*\\)", ""));
        List<SaliencyChoice> named = new ArrayList<>();
        while (m.find()) {
            SaliencyChoice choice = SaliencyChoice.named(m.group(1));
            named.add(choice);
            String shown = m.group(3) == null ? choice.cliName() : choice.cliName() + ":" + m.group(3).replace("|grey", "");
            assertThat(SaliencySpec.parse(shown).create(true, 9, 1)).as(shown)
                    .isEqualTo(SaliencySpec.of(choice).create(true, 9, 1));
        }
        assertThat(named).containsExactly(SaliencyChoice.values());
    }

    @Test
    void badSpecsSayWhatIsAccepted() {
        assertThatThrownBy(() -> SaliencySpec.parse("ig:foo=1")).hasMessageContaining("ig has no option 'foo'; it has"
                + " steps, baseline");
        assertThatThrownBy(() -> SaliencySpec.parse("vbp:steps=3")).hasMessageContaining("(it has none)");
        assertThatThrownBy(() -> SaliencySpec.parse("ig:steps=0")).hasMessageContaining("steps must be >= 1, got 0");
        assertThatThrownBy(() -> SaliencySpec.parse("ig:baseline=mean")).hasMessageContaining("zeros or grey");
        assertThatThrownBy(() -> SaliencySpec.parse("smoothgrad:samples=many")).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> SaliencySpec.parse("ig:steps")).hasMessageContaining("KEY=VALUE");
        assertThatThrownBy(() -> SaliencySpec.parse("saliency")).hasMessageContaining("is unknown; accepted: vbp");
    }
}
