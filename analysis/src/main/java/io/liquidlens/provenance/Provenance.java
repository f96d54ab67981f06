package io.liquidlens.provenance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.LiquidLensException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a result was made. Deliberately without a timestamp: the same inputs and options give the same
 * provenance, so outputs are reproducible byte for byte.
 *
 * @param command  what made the result (e.g. {@code "liquidlens simulate"})
 * @param version  the LiquidLens version
 * @param inputs   every file read, in the order given
 * @param options  the options that shaped the result, as text
 * @param platform Java version, OS and architecture
 */
public record Provenance(String command, String version, List<InputFile> inputs, Map<String, String> options,
                         String platform) {

    public Provenance {
        inputs = List.copyOf(inputs);
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * One input file.
     *
     * @param role   what it was used as ({@code "weights"}, {@code "input"}, ...)
     * @param path   as given by the user
     * @param sha256 hex digest of its bytes
     * @param bytes  its size
     */
    public record InputFile(String role, String path, String sha256, long bytes) {
    }

    /** Starts a provenance for {@code command}. */
    public static Builder of(String command) {
        return new Builder(command);
    }

    /** The LiquidLens version of the running code ("dev" outside a built jar). */
    public static String liquidLensVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** As a JSON object. */
    public ObjectNode toJson() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("command", command);
        root.put("liquidlens_version", version);
        var files = root.putArray("inputs");
        for (InputFile f : inputs) {
            ObjectNode o = files.addObject();
            o.put("role", f.role());
            o.put("path", f.path());
            o.put("sha256", f.sha256());
            o.put("bytes", f.bytes());
        }
        ObjectNode opts = root.putObject("options");
        options.forEach(opts::put);
        root.put("platform", platform);
        return root;
    }

    /** Collects a provenance step by step. */
    public static final class Builder {
        private final String command;
        private final List<InputFile> inputs = new ArrayList<>();
        private final Map<String, String> options = new LinkedHashMap<>();

        private Builder(String command) {
            this.command = command;
        }

        /** Records a file read as {@code role}, hashing its contents. */
        public Builder input(String role, Path file) {
            return input(role, file, null);
        }

        /**
         * Records a file read as {@code role} under {@code name}, the name the user gave it (the URI a local copy
         * was made from), hashing the contents of {@code file}; a null name records {@code file} as {@link
         * #input(String, Path)} does.
         */
        public Builder input(String role, Path file, String name) {
            inputs.add(new InputFile(role, name == null ? displayPath(file) : name, sha256(file), size(file)));
            return this;
        }

        /** Records an option (null values are recorded as absent). */
        public Builder option(String name, Object value) {
            if (value != null) {
                options.put(name, String.valueOf(value));
            }
            return this;
        }

        public Provenance build() {
            String platform = "Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch");
            return new Provenance(command, liquidLensVersion(), inputs, options, platform);
        }
    }

    /**
     * How a path is recorded: relative to the working directory when the file lies under it (so provenance
     * written inside a checkout, like the committed samples', does not carry one machine's folders), else as
     * given.
     */
    public static String displayPath(Path file) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        if (file.isAbsolute() && abs.startsWith(cwd) && !abs.equals(cwd)) {
            return cwd.relativize(abs).toString();
        }
        return file.toString();
    }

    /** SHA-256 of a file's bytes, as lower-case hex. */
    public static String sha256(Path file) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // a FIFO would block the hash forever; the readers refuse it in the same words
            throw new LiquidLensException(file, "is not a regular file (a FIFO, device or socket); LiquidLens reads"
                    + " only regular files");
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new LiquidLensException(file, "cannot read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new LiquidLensException(file, "cannot read: " + e.getMessage(), e);
        }
    }
}
