package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import io.liquidlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result of {@code simulate} says how it was made, and the same inputs give the same file. */
class SimulateProvenanceTest {
    private static final JsonNode CASE = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_default");

    @TempDir
    Path tmp;

    @Test
    void resultNamesEveryInputWithItsDigestAndIsReproducible() throws Exception {
        Path model = FixtureModelFolders.write(CASE, tmp.resolve("model"));
        Path x = tmp.resolve("x.npy");
        Npy.write(x, NdArray.ofFloats(Fixtures.shape(CASE.get("input")), Fixtures.floats(CASE.get("input"))));
        Path first = tmp.resolve("a.npz");
        Path second = tmp.resolve("b.npz");
        assertThat(CliRunner.run("simulate", "--model", model.toString(), "--input", x.toString(), "--tau", "--out",
                first.toString()).exitCode()).isZero();
        assertThat(CliRunner.run("simulate", "--model", model.toString(), "--input", x.toString(), "--tau", "--out",
                second.toString()).exitCode()).isZero();

        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
        NdArray p = Npz.read(first).get("provenance");
        assertThat(p.rank()).isZero();
        JsonNode json = new ObjectMapper().readTree(p.toStringArray()[0]);
        assertThat(json.get("command").asText()).isEqualTo("liquidlens simulate");
        assertThat(json.get("options").get("tau").asText()).isEqualTo("true");
        String weightsDigest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(Fixtures.checkpoint(CASE.get("checkpoint").asText()))));
        JsonNode weights = null;
        for (JsonNode f : json.get("inputs")) {
            if (f.get("role").asText().equals("weights")) {
                weights = f;
            }
        }
        assertThat(weights).isNotNull();
        assertThat(weights.get("sha256").asText()).isEqualTo(weightsDigest);
        assertThat(json.get("inputs").findValuesAsText("role")).containsExactly("model", "weights", "input");
    }
}
