package io.liquidlens.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ncps reference fixtures in {@code analysis/src/test/resources/ncps/fixtures} (made by the real ncps; their
 * README says how). Maven passes the folder that holds {@code ncps/} as the system property
 * {@code liquidlens.testdata}; when a test runs outside Maven the places it has relative to the working folder
 * are tried.
 */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> CACHE = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    /** The test-data folder that holds {@code ncps/fixtures}. */
    public static Path testData() {
        String prop = System.getProperty("liquidlens.testdata");
        List<Path> candidates = new ArrayList<>();
        if (prop != null) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("src/test/resources"));
        candidates.add(Path.of("analysis/src/test/resources"));
        candidates.add(Path.of("../analysis/src/test/resources"));
        for (Path p : candidates) {
            if (Files.isDirectory(p.resolve("ncps/fixtures"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("cannot find ncps/fixtures (tried " + candidates + ")");
    }

    /** {@code ncps/fixtures}. */
    public static Path dir() {
        return testData().resolve("ncps/fixtures");
    }

    /** A checkpoint under {@code fixtures/checkpoints}. */
    public static Path checkpoint(String fileName) {
        return dir().resolve("checkpoints").resolve(fileName);
    }

    /** A fixture JSON file, parsed once per JVM. */
    public static JsonNode json(String fileName) {
        return CACHE.computeIfAbsent(fileName, f -> {
            try {
                return JSON.readTree(Files.readAllBytes(dir().resolve(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The {@code cases} of ltc.json or cfc.json as a list. */
    public static List<JsonNode> cases(String fileName) {
        List<JsonNode> out = new ArrayList<>();
        json(fileName).get("cases").forEach(out::add);
        return out;
    }

    /** The case named {@code name} in ltc.json or cfc.json. */
    public static JsonNode caseNamed(String fileName, String name) {
        return cases(fileName).stream().filter(c -> c.get("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no case " + name + " in " + fileName));
    }

    /** A {@code {shape, data}} object as a flat float array. */
    public static float[] floats(JsonNode tensor) {
        JsonNode data = tensor.get("data");
        float[] out = new float[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) data.get(i).asDouble();
        }
        return out;
    }

    /** The shape of a {@code {shape, data}} object. */
    public static int[] shape(JsonNode tensor) {
        JsonNode s = tensor.get("shape");
        int[] out = new int[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.get(i).asInt();
        }
        return out;
    }
}
