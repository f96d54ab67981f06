package io.liquidlens.stats;

import java.util.Locale;

/**
 * The independent units a bootstrap resamples. Frames of one episode are correlated (neighbouring frames look
 * alike), so drawing single frames would make an interval too narrow. With enough episodes each whole episode is
 * one block; with fewer, each episode is cut into contiguous blocks of about the cube root of the frame count
 * (the usual order for block bootstraps), and blocks never straddle two episodes.
 */
public final class Blocks {
    /** The fewest episodes resampled as whole blocks; below it the bootstrap would see too few distinct draws. */
    public static final int MIN_EPISODES = 8;

    private final int[] start;
    private final int[] end;
    private final int frames;
    private final String description;

    private Blocks(int[] start, int[] end, int frames, String description) {
        this.start = start;
        this.end = end;
        this.frames = frames;
        this.description = description;
    }

    /**
     * The blocks of frames whose episodes are {@code episodeOfFrame} (frames of one episode must be consecutive, in
     * time order).
     *
     * @throws IllegalArgumentException when there are no frames or an episode's frames are not consecutive
     */
    public static Blocks of(int[] episodeOfFrame) {
        int n = episodeOfFrame.length;
        if (n == 0) {
            throw new IllegalArgumentException("no frames to resample");
        }
        int[] runStart = runStarts(episodeOfFrame);
        int episodes = runStart.length;
        if (episodes >= MIN_EPISODES) {
            int[] end = new int[episodes];
            for (int e = 0; e < episodes; e++) {
                end[e] = e + 1 < episodes ? runStart[e + 1] : n;
            }
            return new Blocks(runStart, end, n, String.format(Locale.ROOT, "whole episodes (%d blocks)", episodes));
        }
        int length = Math.max(1, (int) Math.round(Math.cbrt(n)));
        int count = 0;
        for (int e = 0; e < episodes; e++) {
            int size = (e + 1 < episodes ? runStart[e + 1] : n) - runStart[e];
            count += (size + length - 1) / length;
        }
        int[] start = new int[count];
        int[] end = new int[count];
        int b = 0;
        for (int e = 0; e < episodes; e++) {
            int stop = e + 1 < episodes ? runStart[e + 1] : n;
            for (int s = runStart[e]; s < stop; s += length) {
                start[b] = s;
                end[b] = Math.min(stop, s + length);
                b++;
            }
        }
        String where = episodes == 1 ? "of the one episode" : "within each of " + episodes + " episodes";
        return new Blocks(start, end, n, String.format(Locale.ROOT, "contiguous blocks of %d frames %s (%d blocks)",
                length, where, count));
    }

    /** Every frame its own block: a plain bootstrap, for independent observations. */
    public static Blocks independent(int n) {
        if (n == 0) {
            throw new IllegalArgumentException("no frames to resample");
        }
        int[] start = new int[n];
        int[] end = new int[n];
        for (int i = 0; i < n; i++) {
            start[i] = i;
            end[i] = i + 1;
        }
        return new Blocks(start, end, n, String.format(Locale.ROOT, "single observations (%d)", n));
    }

    private static int[] runStarts(int[] episodeOfFrame) {
        int runs = 1;
        for (int i = 1; i < episodeOfFrame.length; i++) {
            if (episodeOfFrame[i] != episodeOfFrame[i - 1]) {
                runs++;
            }
        }
        int[] starts = new int[runs];
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        seen.add(episodeOfFrame[0]);
        for (int i = 1, r = 1; i < episodeOfFrame.length; i++) {
            if (episodeOfFrame[i] != episodeOfFrame[i - 1]) {
                if (!seen.add(episodeOfFrame[i])) {
                    throw new IllegalArgumentException("the frames of episode " + episodeOfFrame[i]
                            + " are not consecutive");
                }
                starts[r++] = i;
            }
        }
        return starts;
    }

    /** How many blocks there are. */
    public int count() {
        return start.length;
    }

    /** How many frames the blocks cover. */
    public int frames() {
        return frames;
    }

    /** The first frame of block {@code b}. */
    public int start(int b) {
        return start[b];
    }

    /** One past the last frame of block {@code b}. */
    public int end(int b) {
        return end[b];
    }

    /** What was resampled, for a caption: e.g. "contiguous blocks of 6 frames of the one episode (34 blocks)". */
    public String describe() {
        return description;
    }
}
