package io.liquidlens.lanekeeping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.LiquidLensException;
import io.liquidlens.io.AtomicFolders;
import io.liquidlens.io.ByteFrames;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.provenance.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Runs of several seeded episodes: closed-loop evaluation on held-out roads, and recording rollouts. */
public final class Episodes {
    private Episodes() {
    }

    /** Says what a recorded episode file was made from; the text is stored as the rollout's {@code provenance}. */
    @FunctionalInterface
    public interface Stamp {
        /** The provenance (JSON text) of episode {@code index} with seed {@code episodeSeed}. */
        String provenance(int index, long episodeSeed);

        /** {@code base} with the episode's index and seed in its options ({@code episode}, {@code episode_seed}). */
        static Stamp of(Provenance base) {
            return (index, episodeSeed) -> {
                ObjectNode json = base.toJson();
                ObjectNode options = (ObjectNode) json.get("options");
                options.put("episode", String.valueOf(index));
                options.put("episode_seed", String.valueOf(episodeSeed));
                return json.toString();
            };
        }
    }

    /**
     * Drives {@code count} held-out episodes (seeds {@link EpisodeSeeds#episodeSeed}(seed, i, true)).
     */
    public static EvaluationResult evaluate(Episode episode, Driver driver, long seed, int count) {
        requireCount(count);
        List<EpisodeMetrics> metrics = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            metrics.add(episode.run(EpisodeSeeds.episodeSeed(seed, i, true), driver, false).metrics());
        }
        return new EvaluationResult(metrics);
    }

    /**
     * Drives {@code count} held-out episodes as {@link #evaluate(Episode, Driver, long, int)} does, on every core:
     * each thread gets its own episode and driver from the factories (a camera and a network keep per-frame
     * buffers). Every episode is seeded on its own, so the result is the same as the serial one, in episode order.
     *
     * @param episodes makes an episode (its sensor) for one thread
     * @param drivers  makes a driver for one thread
     */
    public static EvaluationResult evaluate(Supplier<Episode> episodes, Supplier<Driver> drivers, long seed,
                                            int count) {
        return evaluate(episodes, drivers, seed, count, () -> { });
    }

    /**
     * As {@link #evaluate(Supplier, Supplier, long, int)}, calling {@code afterEach} (from any thread) as each
     * episode ends, so a long run can show its progress.
     */
    public static EvaluationResult evaluate(Supplier<Episode> episodes, Supplier<Driver> drivers, long seed,
                                            int count, Runnable afterEach) {
        requireCount(count);
        ThreadLocal<Episode> episode = ThreadLocal.withInitial(episodes);
        ThreadLocal<Driver> driver = ThreadLocal.withInitial(drivers);
        EpisodeMetrics[] metrics = new EpisodeMetrics[count];
        IntStream.range(0, count).parallel().forEach(i -> {
            metrics[i] = episode.get().run(EpisodeSeeds.episodeSeed(seed, i, true), driver.get(), false).metrics();
            afterEach.run();
        });
        return new EvaluationResult(List.of(metrics));
    }

    /**
     * Records {@code count} episodes into {@code folder} as {@code episode-0000.npz}, ... (the folder written
     * whole and atomically, {@link AtomicFolders}: an interrupted recording leaves nothing), from the training stream or, with {@code heldOut}, the held-out one. The episode's
     * options say how frames are stored ({@link FrameStorage}) and what {@code actions} hold
     * ({@link ActionLabel}).
     *
     * @param stamp null, or the provenance text for each file
     * @return the metrics of the recorded episodes
     * @throws LiquidLensException when the folder already holds rollouts (a data set is never mixed) or
     *                             cannot be created
     */
    public static EvaluationResult record(Episode episode, Driver driver, long seed, int count, boolean heldOut,
                                          Path folder, Stamp stamp) {
        requireCount(count);
        requireNoRollouts(folder);
        List<EpisodeMetrics> metrics = new ArrayList<>();
        AtomicFolders.write(folder, "liquidlens record", dir -> recordInto(dir, episode, driver, seed, count, heldOut,
                stamp, metrics));
        return new EvaluationResult(metrics);
    }

    private static void recordInto(Path folder, Episode episode, Driver driver, long seed, int count, boolean heldOut,
                                   Stamp stamp, List<EpisodeMetrics> metrics) {
        for (int i = 0; i < count; i++) {
            long episodeSeed = EpisodeSeeds.episodeSeed(seed, i, heldOut);
            EpisodeResult result = episode.run(episodeSeed, driver, true);
            Rollout r = result.rollout();
            if (episode.options().frames() == FrameStorage.UINT8) {
                r = new Rollout(ByteFrames.encode(r.inputs()), r.timespans(), r.actions(), r.states(), r.world(),
                        r.worldNames(), r.position(), r.labels(), r.extras());
            }
            if (stamp != null) {
                Map<String, NdArray> extras = new LinkedHashMap<>(r.extras());
                extras.put("provenance", NdArray.ofStrings(new int[0], new String[] {stamp.provenance(i, episodeSeed)}));
                r = new Rollout(r.inputs(), r.timespans(), r.actions(), r.states(), r.world(), r.worldNames(),
                        r.position(), r.labels(), extras);
            }
            Rollouts.write(folder.resolve(fileName(i)), r);
            metrics.add(result.metrics());
        }
    }

    /** The file name of episode {@code index}: {@code episode-0000.npz} (name order = episode order). */
    public static String fileName(int index) {
        return String.format(Locale.ROOT, "episode-%04d.npz", index);
    }

    private static void requireCount(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + count);
        }
    }

    /** A recorded data set is never replaced or mixed with another: the folder must not hold rollouts yet. */
    private static void requireNoRollouts(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new LiquidLensException(folder, "is a file; give a folder to record the episodes into");
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> s = Files.list(folder)) {
                if (s.anyMatch(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz"))) {
                    throw new LiquidLensException(folder, "already holds .npz rollouts; record into an empty or"
                            + " new folder so data sets are not mixed");
                }
            } catch (IOException e) {
                throw new LiquidLensException(folder, "cannot list the folder: " + e.getMessage(), e);
            }
        }
    }
}
