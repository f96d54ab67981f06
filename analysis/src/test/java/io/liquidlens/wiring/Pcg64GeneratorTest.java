package io.liquidlens.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the default_rng port, all printed by numpy 2.4 ({@code g = np.random.default_rng(seed)}).
 * The {@code choice} tests also check the next draw after the sample, which pins how many draws the sample
 * consumed.
 */
class Pcg64GeneratorTest {

    private static long[] raw(long seed, int n) {
        Pcg64Generator g = new Pcg64Generator(seed);
        return IntStream.range(0, n).mapToLong(i -> g.nextUint64()).toArray();
    }

    @Test
    void rawOutputsMatchNumpyForSeedZero() {
        // g.bit_generator.random_raw(4), printed as unsigned
        assertThat(raw(0, 4)).containsExactly(Long.parseUnsignedLong("11749869230777074271"),
                4976686463289251617L, 755828109848996024L, 304881062738325533L);
    }

    @Test
    void rawOutputsMatchNumpyForSeed1111() {
        assertThat(raw(1111, 4)).containsExactly(Long.parseUnsignedLong("15852105362585597067"),
                Long.parseUnsignedLong("12115427431398542507"), 8887363355600350134L,
                Long.parseUnsignedLong("12198696464638345382"));
    }

    @Test
    void seedWiderThan32BitsIsSplitIntoTwoWords() {
        // np.random.default_rng(2**40 + 5)
        assertThat(raw((1L << 40) + 5, 4)).containsExactly(87427594128977387L, 6872972437549564694L,
                Long.parseUnsignedLong("10832470946844950135"), 2792830572878198040L);
    }

    @Test
    void unsignedMultiplyHighHandlesTopBits() {
        // (2^64 - 1)^2 = 2^128 - 2^65 + 1: high word 2^64 - 2
        assertThat(Pcg64Generator.unsignedMultiplyHigh(-1L, -1L)).isEqualTo(-2L);
        assertThat(Pcg64Generator.unsignedMultiplyHigh(1L << 63, 4)).isEqualTo(2L);
        assertThat(Pcg64Generator.unsignedMultiplyHigh(3, 5)).isZero();
    }

    @Test
    void smallIntegersUseLemireOnBufferedHalves() {
        // g = default_rng(1111); g.integers(0, 3, size=20)
        Pcg64Generator g = new Pcg64Generator(1111);
        long[] got = IntStream.range(0, 20).mapToLong(i -> g.integers(0, 3)).toArray();
        assertThat(got).containsExactly(2, 2, 2, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0, 2, 1, 2, 0);
    }

    @Test
    void choiceOfPolaritiesMatchesNumpy() {
        // [g.choice([-1, 1, 1]) for _ in range(20)] with g = default_rng(1111)
        Pcg64Generator g = new Pcg64Generator(1111);
        int[] got = IntStream.range(0, 20).map(i -> g.choice(new int[] {-1, 1, 1})).toArray();
        assertThat(got).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, 1, 1, 1, -1);
    }

    @Test
    void wideRangesAndTheFull32BitRangeMatchNumpy() {
        // g = default_rng(7); g.integers(0, 3_000_000_000, size=6); g.integers(0, 2**32, size=3)
        Pcg64Generator g = new Pcg64Generator(7);
        long[] wide = IntStream.range(0, 6).mapToLong(i -> g.integers(0, 3_000_000_000L)).toArray();
        assertThat(wide).containsExactly(2834714867L, 2052539810L, 2691641402L, 1734877356L, 2327057070L, 2500953064L);
        long[] full = IntStream.range(0, 3).mapToLong(i -> g.integers(0, 1L << 32)).toArray();
        assertThat(full).containsExactly(967257515L, 238506309L, 1289204377L);
    }

    @Test
    void floydSampleMatchesNumpy() {
        // g = default_rng(5); g.choice(100, size=10, replace=False); g.integers(0, 1000)
        Pcg64Generator g = new Pcg64Generator(5);
        assertThat(g.sampleIndices(100, 10)).containsExactly(74, 96, 98, 28, 49, 61, 5, 44, 75, 2);
        assertThat(g.integers(0, 1000)).isEqualTo(999);
    }

    @Test
    void floydSampleOfTheWholePopulationMatchesNumpy() {
        Pcg64Generator g = new Pcg64Generator(5);
        assertThat(g.sampleIndices(10, 10)).containsExactly(1, 5, 6, 4, 9, 8, 7, 3, 2, 0);
        assertThat(g.integers(0, 1000)).isEqualTo(148);
    }

    @Test
    void emptySampleConsumesNothing() {
        Pcg64Generator g = new Pcg64Generator(5);
        assertThat(g.sampleIndices(10, 0)).isEmpty();
        assertThat(g.integers(0, 1000)).isEqualTo(670);
    }

    @Test
    void largeSampleFromMoreThan10000UsesTheTailShuffle() {
        // g = default_rng(99); a = g.choice(20000, size=500, replace=False)  (500 > 20000 // 50)
        Pcg64Generator g = new Pcg64Generator(99);
        int[] a = g.sampleIndices(20000, 500);
        assertThat(Arrays.copyOfRange(a, 0, 12))
                .containsExactly(3207, 11996, 17896, 12616, 15522, 15055, 2470, 1617, 7667, 16666, 8078, 19927);
        assertThat(Arrays.copyOfRange(a, 488, 500))
                .containsExactly(11359, 6270, 12292, 19292, 19436, 18832, 10235, 3555, 11300, 15151, 10120, 19163);
        assertThat(Arrays.stream(a).asLongStream().sum()).isEqualTo(5018863L);
        assertThat(g.integers(0, 1000)).isEqualTo(823);
    }

    @Test
    void fullSampleJustAbove10000UsesTheTailShuffleDownToIndexOne() {
        // g = default_rng(3); a = g.choice(10001, size=10001, replace=False);
        // (a * np.arange(10001)).sum() % 1000003
        Pcg64Generator g = new Pcg64Generator(3);
        int[] a = g.sampleIndices(10001, 10001);
        assertThat(Arrays.copyOfRange(a, 0, 12))
                .containsExactly(4635, 1795, 1546, 5253, 7243, 194, 9371, 3955, 9259, 9210, 8708, 8836);
        assertThat(Arrays.copyOfRange(a, 9995, 10001)).containsExactly(8009, 1813, 2367, 1794, 856, 8115);
        long weighted = 0;
        for (int i = 0; i < a.length; i++) {
            weighted += (long) a[i] * i;
        }
        assertThat(weighted % 1000003).isEqualTo(918311L);
        assertThat(g.integers(0, 1000)).isEqualTo(325);
    }

    @Test
    void sampleOfExactlyPopulationOver50StaysWithFloyd() {
        // g = default_rng(99); a = g.choice(20000, size=400, replace=False)
        Pcg64Generator g = new Pcg64Generator(99);
        int[] a = g.sampleIndices(20000, 400);
        assertThat(Arrays.copyOfRange(a, 0, 12))
                .containsExactly(3591, 18053, 7964, 1356, 15122, 11335, 8458, 9515, 747, 6048, 6666, 10585);
        assertThat(Arrays.copyOfRange(a, 395, 400)).containsExactly(796, 16126, 15152, 9907, 19930);
        assertThat(Arrays.stream(a).asLongStream().sum()).isEqualTo(4027497L);
        assertThat(g.integers(0, 1000)).isEqualTo(798);
    }

    @Test
    void populationOfExactly10000StaysWithFloyd() {
        // g = default_rng(99); a = g.choice(10000, size=5000, replace=False)
        Pcg64Generator g = new Pcg64Generator(99);
        int[] a = g.sampleIndices(10000, 5000);
        assertThat(Arrays.copyOfRange(a, 0, 12))
                .containsExactly(7804, 8116, 9005, 9872, 5927, 3627, 3970, 5069, 6122, 7137, 1271, 8714);
        assertThat(Arrays.stream(a).asLongStream().sum()).isEqualTo(25118054L);
        assertThat(g.integers(0, 1000)).isEqualTo(298);
    }

    @Test
    void choiceWithoutReplacementMapsIndicesThroughTheList() {
        // default_rng(5).choice(list(range(1000, 1100)), size=3, replace=False)
        Pcg64Generator g = new Pcg64Generator(5);
        int[] values = IntStream.range(0, 100).map(i -> 1000 + i).toArray();
        assertThat(g.choiceWithoutReplacement(values, 3)).containsExactly(1079, 1065, 1002);
    }

    @Test
    void negativeSeedAndOversizedSampleAreRejected() {
        assertThatThrownBy(() -> new Pcg64Generator(-5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seed").hasMessageContaining("-5");
        assertThatThrownBy(() -> new Pcg64Generator(1).sampleIndices(3, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 3]");
    }
}
