package io.liquidlens.lanekeeping;

import io.liquidlens.BadOptionException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How recorded camera frames are stored ({@code record --frames}). With {@link #UINT8} every camera
 * observation is quantised to the nearest k / 255 (after clipping to [0, 1]) before the driver sees it, so
 * the driver, the recorded states and the stored frames agree exactly; the file then holds the levels k.
 */
public enum FrameStorage {
    /** float32 frames, exactly as the camera rendered them (noise not clipped). */
    FLOAT32("float32"),
    /** 8-bit frames: level k in a uint8 array means k / 255 ({@link io.liquidlens.io.ByteFrames}). */
    UINT8("uint8");

    private final String cliName;

    FrameStorage(String cliName) {
        this.cliName = cliName;
    }

    /** The name {@code --frames} takes and provenance records. */
    public String cliName() {
        return cliName;
    }

    /**
     * The storage called {@code name} (case-insensitive).
     *
     * @throws BadOptionException for any other name, listing the accepted ones
     */
    public static FrameStorage parse(String name) {
        for (FrameStorage f : values()) {
            if (f.cliName.equals(name == null ? "" : name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new BadOptionException("--frames '" + name + "': accepted: " + accepted());
    }

    private static String accepted() {
        return Arrays.stream(values()).map(FrameStorage::cliName).collect(Collectors.joining(", "));
    }
}
