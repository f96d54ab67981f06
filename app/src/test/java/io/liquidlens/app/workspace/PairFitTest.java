package io.liquidlens.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File > Open...'s check of a model and a rollout before OK: nothing when they fit, else one line why not. */
class PairFitTest {
    @TempDir
    Path tmp;

    @Test
    void aModelAndARolloutOfItsWidthFit() throws Exception {
        Path model = TestModels.ltcFixture(tmp.resolve("m"));
        assertThat(PairFit.problem(model, TestModels.rollout(tmp.resolve("r.npz"), 4, 8, 1))).isEmpty();
        TestModels.rollout(tmp.resolve("set/episode-0000.npz"), 4, 8, 1);
        assertThat(PairFit.problem(model, tmp.resolve("set"))).isEmpty();
    }

    @Test
    void aMismatchNamesTheRolloutAndBothWidths() throws Exception {
        Path model = TestModels.ltcFixture(tmp.resolve("m"));
        assertThat(PairFit.problem(model, TestModels.rollout(tmp.resolve("six.npz"), 4, 6, 1))).hasValueSatisfying(
                line -> assertThat(line).startsWith("six.npz: ").contains("has 6 values per step")
                        .contains("takes 8 values per step").doesNotContain("\n"));
    }

    @Test
    void aMissingModelOrAnUnreadableRolloutIsNamed() throws Exception {
        Path rollout = TestModels.rollout(tmp.resolve("r.npz"), 4, 8, 1);
        assertThat(PairFit.problem(tmp.resolve("nowhere"), rollout)).hasValueSatisfying(
                line -> assertThat(line).contains("nowhere").doesNotContain("\n"));
        Path junk = Files.writeString(tmp.resolve("junk.npz"), "not a zip");
        assertThat(PairFit.problem(TestModels.ltcFixture(tmp.resolve("m")), junk)).hasValueSatisfying(
                line -> assertThat(line).contains("junk.npz").doesNotContain("\n"));
    }
}
