package io.liquidlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Model folders for the ncps fixture cases, made as a user would: a {@code model.json} holding the ncps
 * constructor call and the checkpoint the fixture saved with {@code torch.save(state_dict)}.
 */
final class FixtureModelFolders {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FixtureModelFolders() {
    }

    /** The case's ncps constructor call as model.json writes it ("units" resolved to the wiring object). */
    static ObjectNode ncpsObject(JsonNode fixtureCase) {
        ObjectNode ncps = fixtureCase.get("ctor").deepCopy();
        if (ncps.get("units").isTextual()) {
            JsonNode wiring = fixtureCase.get("wiring");
            ObjectNode units = JSON.createObjectNode();
            units.put("class", wiring.get("class").asText());
            for (Iterator<Map.Entry<String, JsonNode>> it = wiring.get("args").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("input_dim")) {
                    units.set(e.getKey(), e.getValue());
                }
            }
            ncps.set("units", units);
        }
        return ncps;
    }

    /** Writes {@code dir/model.json} and copies the case's checkpoint beside it as {@code model.pt}. */
    static Path write(JsonNode fixtureCase, Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", "liquidlens.model/1");
        manifest.put("name", fixtureCase.get("name").asText());
        manifest.set("ncps", ncpsObject(fixtureCase));
        manifest.put("weights", "model.pt");
        manifest.putNull("head");
        Files.copy(Fixtures.checkpoint(fixtureCase.get("checkpoint").asText()), dir.resolve("model.pt"));
        Files.writeString(dir.resolve("model.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        return dir;
    }
}
