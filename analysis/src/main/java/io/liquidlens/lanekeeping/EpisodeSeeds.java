package io.liquidlens.lanekeeping;

/**
 * Where every random number of an episode comes from. Episode i of a run with seed S gets the seed
 * {@code (mix(mix(S + golden) + i) << 1) | stream}, where stream is 0 for training episodes ({@code record}) and
 * 1 for held-out episodes ({@code evaluate}, {@code record --held-out}): training seeds are even and
 * held-out seeds odd, so no held-out road, start or noise sequence can ever equal a training one,
 * whatever S and i. Everything inside an episode (road layout, start, DART noise, sensor noise) is drawn
 * from streams derived from the episode seed by {@link #derive}.
 */
public final class EpisodeSeeds {
    static final long ROAD = 0x726f6164L;
    static final long START = 0x7374617274L;
    static final long DART = 0x64617274L;
    static final long SENSOR = 0x73656e736f72L;

    private EpisodeSeeds() {
    }

    /** The seed of episode {@code index} of a run seeded {@code seed}, in the training or held-out stream. */
    public static long episodeSeed(long seed, int index, boolean heldOut) {
        return (mix(mix(seed + 0x9e3779b97f4a7c15L) + index) << 1) | (heldOut ? 1L : 0L);
    }

    /** True when {@code episodeSeed} belongs to the held-out stream. */
    public static boolean isHeldOut(long episodeSeed) {
        return (episodeSeed & 1L) != 0;
    }

    /** An independent seed for one purpose ({@code salt}) and index within an episode. */
    public static long derive(long episodeSeed, long salt, long index) {
        return mix(mix(episodeSeed ^ mix(salt)) + index);
    }

    /** SplitMix64's finaliser: a bijection of 64-bit values that scatters nearby inputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
