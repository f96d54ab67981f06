package io.liquidlens.lanekeeping;

/** The scene's colours (linear RGB in [0, 1]) and the grey conversion. */
final class Palette {
    static final float[] SKY_TOP = {0.42f, 0.62f, 0.90f};
    static final float[] HAZE = {0.80f, 0.85f, 0.90f};
    static final float[] GRASS = {0.28f, 0.48f, 0.18f};
    static final float[] GRASS_DARK = {0.16f, 0.32f, 0.10f};
    static final float[] ASPHALT = {0.36f, 0.36f, 0.38f};
    static final float[] MARKING = {0.95f, 0.95f, 0.90f};

    private Palette() {
    }

    /** Rec. 601 luma: the grey value of an RGB colour. */
    static float luma(float r, float g, float b) {
        return 0.299f * r + 0.587f * g + 0.114f * b;
    }
}
