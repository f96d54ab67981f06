package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.LiquidLensException;
import io.liquidlens.io.OutputClaim;
import io.liquidlens.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request whose inputs are local copies of URIs still guards the originals a {@code file:} URI names. */
class AuditRequestSourcesTest {
    @TempDir
    Path tmp;

    @Test
    void anOutputInsideTheOriginalOfAFileUriIsRefused() throws IOException {
        Path original = Samples.modelFolder("sample-models/vector-lanekeeping", tmp.resolve("user/e1"));
        Path copy = Samples.modelFolder("sample-models/vector-lanekeeping", tmp.resolve("scratch/models/0/e1"));
        Path rollouts = Files.createDirectories(tmp.resolve("scratch/rollouts"));
        AuditOptions o = new AuditOptions(SaliencySpec.parse("gradient"), 0, 10, 0, 0, 20, 0, false);
        AuditRequest request = new AuditRequest(List.of(copy), List.of(rollouts), null, List.of(), o, List.of(),
                Map.of(), Map.of(copy, Samples.fileUri(original)), null);

        assertThatThrownBy(() -> request.claim("liquidlens report", original.resolve("report")))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining(original.resolve("report").toString());
        try (OutputClaim claim = request.claim("liquidlens report", tmp.resolve("elsewhere"))) {
            assertThat(claim).isNotNull();
        }
        assertThat(original.resolve("report")).doesNotExist();
    }
}
