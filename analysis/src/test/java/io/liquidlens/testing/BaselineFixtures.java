package io.liquidlens.testing;

import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.ReadoutSpec;
import io.liquidlens.spec.TorchRnnKind;
import io.liquidlens.spec.TorchRnnSpec;
import io.liquidlens.spec.UnitsSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The torch baseline fixtures in {@code analysis/src/test/resources/baselines/fixtures} (made by the real torch; their
 * README says how): one folder per case, named {@code <kind><H>x<layers>_in<S>_out<M>}.
 */
public final class BaselineFixtures {
    private static final Pattern NAME = Pattern.compile("(lstm|gru|rnn)(\\d+)x(\\d+)_in(\\d+)_out(\\d+)");

    private BaselineFixtures() {
    }

    /** One case: its folder and the module it holds, read from the folder's name. */
    public record Case(Path folder, String kind, int hidden, int layers, int inputs, int outputs) {
        /** The torch class: {@code LSTM}, {@code GRU} or {@code RNN}. */
        public String torchClass() {
            return kind.toUpperCase(java.util.Locale.ROOT);
        }

        /** The module as make_baselines.py built it: batch_first, bias, a Linear readout with bias. */
        public ModelSpec spec() {
            return new ModelSpec(inputs, new UnitsSpec.Dense(hidden), new TorchRnnSpec(TorchRnnKind.of(torchClass(),
                    null), layers, true, true, 0.0, new ReadoutSpec(outputs, true)));
        }

        public Path weights() {
            return folder.resolve("weights.pt");
        }

        public Path inputFile() {
            return folder.resolve("input.npy");
        }

        /** (B, L, S) float32. */
        public NdArray input() {
            return Npy.read(inputFile());
        }

        /** torch's outputs (B, L, M). */
        public NdArray expected() {
            return Npz.read(folder.resolve("expected.npz")).get("outputs");
        }

        @Override
        public String toString() {
            return folder.getFileName().toString();
        }
    }

    /** Every case, in name order. */
    public static List<Case> cases() {
        Path dir = Fixtures.testData().resolve("baselines/fixtures");
        try (Stream<Path> folders = Files.list(dir)) {
            return folders.sorted().map(BaselineFixtures::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case whose folder is named {@code name}. */
    public static Case named(String name) {
        return cases().stream().filter(c -> c.toString().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no baseline fixture " + name));
    }

    private static Case of(Path folder) {
        Matcher m = NAME.matcher(folder.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalStateException("unexpected fixture folder " + folder);
        }
        return new Case(folder, m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
    }
}
