package io.liquidlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.BadOptionException;
import io.liquidlens.LiquidLensException;
import io.liquidlens.io.CsvColumns;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npz;
import io.liquidlens.io.OutputClaim;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.provenance.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code liquidlens import-rollout}: one rollout {@code .npz} from a CSV of logged steps. */
@Command(name = "import-rollout", mixinStandardHelpOptions = true,
        description = {"Write one rollout .npz (inputs, and actions and world when asked) from a CSV file with a"
                + " header row naming the columns and one row per step, so logged time series can be simulated,"
                + " explained by tree and report, and opened in the workbench.",
                "Fields are separated by commas, or by ';' or a tab when the header holds no comma; they are not"
                        + " quoted. Numbers are written as Java or Python print them (1, -0.5, 1e-3, 1.0E-3); nan,"
                        + " inf and empty values are refused, naming the row (the header is row 1) and the column."})
final class ImportRolloutCommand implements Callable<Integer> {
    private static final String COMMAND = "liquidlens import-rollout";

    @Parameters(index = "0", paramLabel = "DATA.csv", description = "The CSV file to read.")
    Path csv;

    @Option(names = "--inputs", required = true, split = ",", paramLabel = "NAME",
            description = "Columns that become inputs (T, S), in the order the model takes them.")
    List<String> inputs;

    @Option(names = "--actions", split = ",", paramLabel = "NAME",
            description = "Columns that become actions (T, M): what was done at each step.")
    List<String> actions = List.of();

    @Option(names = "--world", split = ",", paramLabel = "NAME",
            description = "Columns that become world (T, K) with world_names: the true state, for tree and report.")
    List<String> world = List.of();

    @Option(names = "--out", required = true, paramLabel = "EP.npz", description = "The rollout to write (new, or"
            + " a file LiquidLens wrote).")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        requireNames("--inputs", inputs);
        requireNames("--actions", actions);
        requireNames("--world", world);
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz")) {
            throw new BadOptionException("--out " + out + ": a rollout is an .npz file; give a name ending in .npz");
        }
        try (OutputClaim claim = OutputClaim.by(COMMAND).input("CSV", csv).file(out).claim()) {
            requireOursOrAbsent(out);
            return importRollout();
        }
    }

    private Integer importRollout() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("--inputs", inputs);
        if (!actions.isEmpty()) {
            groups.put("--actions", actions);
        }
        if (!world.isEmpty()) {
            groups.put("--world", world);
        }
        CsvColumns.Table table = CsvColumns.read(csv, groups);
        List<NdArray> arrays = new ArrayList<>(table.arrays());
        NdArray in = arrays.remove(0);
        NdArray act = actions.isEmpty() ? null : arrays.remove(0);
        NdArray truth = world.isEmpty() ? null : arrays.remove(0);
        Provenance provenance = Provenance.of(COMMAND).input("csv", csv).option("inputs", String.join(",", inputs))
                .option("actions", actions.isEmpty() ? null : String.join(",", actions))
                .option("world", world.isEmpty() ? null : String.join(",", world))
                .option("separator", table.separator().cliName()).build();
        Map<String, NdArray> extras = Map.of("provenance",
                NdArray.ofStrings(new int[0], new String[] {provenance.toJson().toString()}));
        Rollouts.write(out, new Rollout(in, null, act, null, truth, world, null, null, extras));
        spec.commandLine().getOut().printf(Locale.ROOT, "imported %d steps of %d inputs%s%s from %s (%s-separated)"
                        + " into %s%n", in.dim(0), in.dim(1), act == null ? "" : ", " + act.dim(1) + " actions",
                truth == null ? "" : ", " + truth.dim(1) + " world columns", csv, table.separator().cliName(), out);
        return 0;
    }

    private static void requireNames(String option, List<String> names) {
        for (String name : names) {
            if (name.isBlank()) {
                throw new BadOptionException(option + ": an empty column name; give names separated by commas");
            }
        }
    }

    /**
     * An existing output is replaced only when LiquidLens wrote it (its provenance says so): a file of the
     * user's that happens to carry the name is never lost.
     */
    private static void requireOursOrAbsent(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        String command;
        try {
            NdArray stamp = Npz.read(file, name -> name.equals("provenance")).get("provenance");
            command = stamp == null ? null
                    : new ObjectMapper().readTree(stamp.toStringArray()[0]).path("command").asText(null);
        } catch (RuntimeException | java.io.IOException e) {
            command = null;
        }
        if (command == null || !command.startsWith("liquidlens ")) {
            throw new LiquidLensException(file, "exists and was not written by LiquidLens; remove it or give another"
                    + " --out (nothing was touched)");
        }
    }
}
