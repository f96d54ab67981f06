package io.liquidlens.lanekeeping;

/**
 * One rendered camera frame. The arrays are handed over, not copied.
 *
 * @param pixels (H, W, C) row-major, channels last, float32 values (normally in [0, 1])
 * @param labels (H, W) row-major pixel classes as FORMATS.md numbers them: 0 background, 1 road, 2 lane
 *               marking, 3 distractor (further classes may follow)
 */
public record CameraFrame(float[] pixels, byte[] labels) {
}
