package io.liquidlens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.LiquidLensException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rollout {@code .npz} files as FORMATS.md defines them: one written by numpy, the write/read round trip
 * (extras included), image rollouts with labels, every validation error, and data-set folders.
 */
class RolloutsTest {
    private static final int T = 5;

    @TempDir
    Path dir;

    private static Path numpyRollout() throws URISyntaxException {
        return Path.of(RolloutsTest.class.getResource("/io/rollout_small.npz").toURI());
    }

    private static NdArray floats(int[] shape, float... values) {
        return NdArray.ofFloats(shape, values);
    }

    private static NdArray zeros(int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return NdArray.ofFloats(shape, new float[n]);
    }

    private static NdArray names(String... names) {
        return NdArray.ofStrings(new int[] {names.length}, names);
    }

    /** A valid vector rollout of T steps with every optional array, editable before validation. */
    private static Map<String, NdArray> validArrays(Consumer<Map<String, NdArray>> edit) {
        Map<String, NdArray> a = new LinkedHashMap<>();
        a.put("inputs", zeros(T, 3));
        a.put("timespans", zeros(T));
        a.put("actions", zeros(T, 1));
        a.put("states", zeros(T, 4));
        a.put("world", zeros(T, 3));
        a.put("world_names", names("d", "mu", "kappa"));
        a.put("position", zeros(T, 2));
        edit.accept(a);
        return a;
    }

    private static void assertInvalid(Map<String, NdArray> arrays, String... words) {
        assertThatThrownBy(() -> Rollouts.fromArrays(arrays))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    for (String w : words) {
                        assertThat(e.getMessage()).contains(w);
                    }
                });
    }

    // --- a rollout numpy wrote (make_rollout_small.py) -----------------------------------------------

    @Test
    void readsEveryFieldOfARolloutWrittenByNumpy() throws Exception {
        Rollout r = Rollouts.read(numpyRollout());

        assertThat(r.steps()).isEqualTo(T);
        assertThat(r.isImage()).isFalse();
        assertThat(r.featuresPerStep()).isEqualTo(3);
        float[] inputs = new float[T * 3];
        float[] timespans = new float[T];
        float[] actions = new float[T];
        float[] states = new float[T * 4];
        float[] world = new float[T * 3];
        float[] position = new float[T * 2];
        for (int t = 0; t < T; t++) {
            for (int s = 0; s < 3; s++) {
                inputs[t * 3 + s] = t + s / 10f; // float32 arithmetic, as numpy did it
                world[t * 3 + s] = 10f * s - t;
            }
            timespans[t] = (t + 1) / 4f;
            actions[t] = -(float) t; // numpy wrote -0.0 for t = 0
            for (int n = 0; n < 4; n++) {
                states[t * 4 + n] = t * 4 + n;
            }
            position[t * 2] = t;
            position[t * 2 + 1] = 2 * t;
        }
        assertThat(r.inputs()).isEqualTo(floats(new int[] {T, 3}, inputs));
        assertThat(r.timespans()).isEqualTo(floats(new int[] {T}, timespans));
        assertThat(r.actions()).isEqualTo(floats(new int[] {T, 1}, actions));
        assertThat(r.states()).isEqualTo(floats(new int[] {T, 4}, states));
        assertThat(r.world()).isEqualTo(floats(new int[] {T, 3}, world));
        assertThat(r.worldNames()).containsExactly("d", "mu", "kappa");
        assertThat(r.position()).isEqualTo(floats(new int[] {T, 2}, position));
        assertThat(r.labels()).isNull();
        assertThat(r.extras()).containsOnlyKeys("note_extra");
        NdArray extra = r.extras().get("note_extra");
        assertThat(extra.dtype()).isEqualTo(DType.INT32);
        assertThat(extra.shape()).containsExactly(2);
        assertThat(extra.toLongArray()).containsExactly(7, -3);
    }

    @Test
    void numpyRolloutSurvivesARewrite() throws Exception {
        Rollout r = Rollouts.read(numpyRollout());
        Path copy = dir.resolve("copy.npz");

        Rollouts.write(copy, r);

        assertThat(Rollouts.read(copy)).isEqualTo(r);
        assertThat(Npz.read(copy)).containsExactlyEntriesOf(Npz.read(numpyRollout()));
    }

    // --- round trips ---------------------------------------------------------------------------------

    @Test
    void writeThenReadKeepsEveryArrayAndTheExtrasInOrder() {
        Map<String, NdArray> arrays = validArrays(a -> {
            a.put("inputs", floats(new int[] {T, 1}, 1, 2, 3, 4, 5));
            a.put("zeta_extra", NdArray.ofLongs(DType.INT16, new int[] {3}, new long[] {-1, 0, 1}));
            a.put("alpha_extra", NdArray.ofStrings(new int[] {1}, new String[] {"expert"}));
            a.put("mid_extra", NdArray.ofDoubles(new int[] {}, new double[] {0.5}));
            a.put("flags", NdArray.ofBooleans(new int[] {T}, new boolean[] {true, false, true, false, true}));
        });
        Rollout r = Rollouts.fromArrays(arrays);
        Path file = dir.resolve("episode.npz");

        Rollouts.write(file, r);
        Rollout back = Rollouts.read(file);

        assertThat(back).isEqualTo(r);
        assertThat(back.extras().keySet()).containsExactly("zeta_extra", "alpha_extra", "mid_extra", "flags");
        assertThat(Npz.read(file)).containsExactlyEntriesOf(arrays);
    }

    @Test
    void aRolloutOfInputsOnlyRoundTrips() {
        Rollout r = Rollout.ofInputs(floats(new int[] {2, 2}, 1, 2, 3, 4));
        Path file = dir.resolve("only.npz");

        Rollouts.write(file, r);

        assertThat(Npz.read(file)).containsOnlyKeys("inputs");
        assertThat(Rollouts.read(file)).isEqualTo(r);
    }

    @Test
    void imageRolloutsWithLabelsRoundTrip() {
        int h = 4;
        int w = 6;
        float[] pixels = new float[T * h * w * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i % 17) / 16f;
        }
        long[] classes = new long[T * h * w];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = i % 4;
        }
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("inputs", NdArray.ofFloats(new int[] {T, h, w, 3}, pixels));
        arrays.put("timespans", zeros(T, 1));
        arrays.put("labels", NdArray.ofLongs(DType.UINT8, new int[] {T, h, w}, classes));
        Rollout r = Rollouts.fromArrays(arrays);
        Path file = dir.resolve("image.npz");

        Rollouts.write(file, r);
        Rollout back = Rollouts.read(file);

        assertThat(back.isImage()).isTrue();
        assertThat(back.featuresPerStep()).isEqualTo(h * w * 3);
        assertThat(back.labels().dtype()).isEqualTo(DType.UINT8);
        assertThat(back.labels().toLongArray()).containsExactly(classes);
        assertThat(back).isEqualTo(r);
    }

    // --- validation ----------------------------------------------------------------------------------

    @Test
    void theValidArraysAreAccepted() {
        Rollout r = Rollouts.fromArrays(validArrays(a -> { }));

        assertThat(r.worldNames()).containsExactly("d", "mu", "kappa");
        assertThat(r.extras()).isEmpty();
    }

    @Test
    void inputsAreRequired() {
        assertInvalid(validArrays(a -> a.remove("inputs")), "\"inputs\"", "actions");
    }

    @Test
    void inputsMustBeVectorsOrImages() {
        assertInvalid(validArrays(a -> a.put("inputs", zeros(T, 3, 2))), "\"inputs\"", "[5, 3, 2]");
        assertInvalid(validArrays(a -> a.put("inputs", zeros(T))), "\"inputs\"", "[5]");
    }

    @Test
    void optionalArraysMustHaveTheirRank() {
        assertInvalid(validArrays(a -> a.put("actions", zeros(T))), "\"actions\"", "2 dimensions");
        assertInvalid(validArrays(a -> a.put("states", zeros(T, 4, 1))), "\"states\"", "2 dimensions");
        assertInvalid(validArrays(a -> a.put("timespans", zeros(T, 2))), "\"timespans\"", "(T,) or (T, 1)");
        assertInvalid(validArrays(a -> a.put("timespans", zeros(T, 1, 1))), "\"timespans\"");
        assertInvalid(validArrays(a -> a.put("position", zeros(T, 3))), "\"position\"", "(T, 2)");
    }

    @Test
    void timespansMayBeAColumn() {
        Rollout r = Rollouts.fromArrays(validArrays(a -> a.put("timespans", zeros(T, 1))));

        assertThat(r.timespans().shape()).containsExactly(T, 1);
    }

    @Test
    void aRowCountMismatchNamesTheArray() {
        for (String name : List.of("timespans", "actions", "states", "world", "position")) {
            Map<String, NdArray> arrays = validArrays(a -> {
                int[] shape = a.get(name).shape();
                shape[0] = T - 1;
                a.put(name, zeros(shape));
            });
            assertInvalid(arrays, "\"" + name + "\"", T + " rows");
        }
    }

    @Test
    void worldNeedsWorldNames() {
        assertInvalid(validArrays(a -> a.remove("world_names")), "\"world\"", "\"world_names\"", "3 columns");
    }

    @Test
    void worldNamesMustNameEveryColumn() {
        assertInvalid(validArrays(a -> a.put("world_names", names("d", "mu"))), "\"world_names\"", "2 names",
                "3 columns");
    }

    @Test
    void worldNamesMustBeStrings() {
        assertInvalid(validArrays(a -> a.put("world_names", zeros(3))), "\"world_names\"", "unicode");
    }

    @Test
    void labelsMustBeUint8() {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("inputs", zeros(T, 4, 6, 3));
        arrays.put("labels", NdArray.ofLongs(DType.INT32, new int[] {T, 4, 6}, new long[T * 24]));

        assertInvalid(arrays, "\"labels\"", "uint8", "INT32");
    }

    @Test
    void labelsMustMatchTheImageSize() {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("inputs", zeros(T, 4, 6, 3));
        arrays.put("labels", NdArray.ofLongs(DType.UINT8, new int[] {T, 4, 5}, new long[T * 20]));

        assertInvalid(arrays, "\"labels\"", "[5, 4, 5]", "[5, 4, 6, 3]");
    }

    @Test
    void labelsNeedImageInputs() {
        Map<String, NdArray> arrays = validArrays(
                a -> a.put("labels", NdArray.ofLongs(DType.UINT8, new int[] {T, 4, 6}, new long[T * 24])));

        assertInvalid(arrays, "\"labels\"", "image inputs");
    }

    @Test
    void nanInInputsIsRejected() {
        float[] x = new float[T * 3];
        x[7] = Float.NaN;
        assertInvalid(validArrays(a -> a.put("inputs", floats(new int[] {T, 3}, x))), "\"inputs\"", "NaN");
    }

    @Test
    void infinityInARecordedArrayIsRejected() {
        float[] s = new float[T * 4];
        s[3] = Float.NEGATIVE_INFINITY;
        assertInvalid(validArrays(a -> a.put("states", floats(new int[] {T, 4}, s))), "\"states\"", "infinite");
    }

    @Test
    void stringInputsAreRejected() {
        assertInvalid(validArrays(a -> a.put("inputs", NdArray.ofStrings(new int[] {T, 1},
                new String[] {"a", "b", "c", "d", "e"}))), "\"inputs\"", "unicode");
    }

    @Test
    void readNamesTheFileAndTheProblem() {
        Path file = dir.resolve("bad.npz");
        Npz.write(file, validArrays(a -> a.put("states", zeros(T - 2, 4))));

        assertThatThrownBy(() -> Rollouts.read(file))
                .isInstanceOf(LiquidLensException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining("\"states\"")
                .hasMessageContaining(T + " rows")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void readNamesAFileThatIsNotAnNpz() throws IOException {
        Path file = dir.resolve("text.npz");
        Files.writeString(file, "not a zip");

        assertThatThrownBy(() -> Rollouts.read(file))
                .isInstanceOf(LiquidLensException.class)
                .hasMessageStartingWith(file + ": ");
    }

    // --- data sets -----------------------------------------------------------------------------------

    @Test
    void aFolderListsItsNpzFilesInNameOrder() throws IOException {
        Path set = Files.createDirectories(dir.resolve("set"));
        for (String n : List.of("ep_10.npz", "ep_02.npz", "notes.txt", "ep_01.npz", "ep_03.npy")) {
            Files.writeString(set.resolve(n), "");
        }

        assertThat(Rollouts.list(List.of(set))).containsExactly(set.resolve("ep_01.npz"), set.resolve("ep_02.npz"),
                set.resolve("ep_10.npz"));
    }

    @Test
    void filesAndFoldersMayBeMixed() throws IOException {
        Path set = Files.createDirectories(dir.resolve("set"));
        Files.writeString(set.resolve("b.npz"), "");
        Files.writeString(set.resolve("a.npz"), "");
        Path single = dir.resolve("single.npz");
        Files.writeString(single, "");

        assertThat(Rollouts.list(List.of(single, set))).containsExactly(single, set.resolve("a.npz"),
                set.resolve("b.npz"));
    }

    @Test
    void aFolderWithoutRolloutsIsAnError() throws IOException {
        Path set = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(set.resolve("readme.txt"), "");

        assertThatThrownBy(() -> Rollouts.list(List.of(set)))
                .isInstanceOf(LiquidLensException.class)
                .hasMessage(set + ": folder holds no .npz rollouts");
    }

    @Test
    void aMissingPathIsAnError() {
        Path missing = dir.resolve("missing.npz");

        assertThatThrownBy(() -> Rollouts.list(List.of(missing)))
                .isInstanceOf(LiquidLensException.class)
                .hasMessageStartingWith(missing + ": ");
    }
}
