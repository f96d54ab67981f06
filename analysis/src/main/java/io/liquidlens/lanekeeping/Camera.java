package io.liquidlens.lanekeeping;

import java.util.Objects;

/**
 * The car's first-person camera: renders the road ahead as a small image plus a per-pixel label map
 * (0 background, 1 road, 2 lane marking, 3 distractor; see {@link Labels}).
 *
 * <p>How a frame is made. Each image row below the horizon looks at a line on the flat ground at a fixed
 * distance ahead of the car; each pixel's ray meets the ground at a world point, which the road converts to
 * road coordinates ({@link RoadView#toFrenet}, hinted with the car's arc length plus the row's distance).
 * The lateral offset d decides the class: paved within the road's half width, a lane marking within
 * {@link #MARKING_WIDTH} / 2 of +-laneHalfWidth (both markings solid), grass beyond. Edges are blended by
 * how much of the pixel's footprint they cover, so thin far markings fade instead of flickering. Grass and
 * asphalt carry a value-noise texture anchored in world coordinates (so it slides past correctly as the car
 * moves), whose contrast falls off where a pixel covers more ground than a texture cell. Everything fades
 * into a haze with distance ({@link #HAZE_DISTANCE}); beyond {@link #VIEW_DISTANCE} only haze is drawn,
 * labelled background. Above the horizon is sky, labelled background. Then, if switched on, the world's
 * shadows (during the ground pass) and roadside objects (far to near), and last the screen-space effects
 * of {@link ScreenDistractors} with the seed {@code ScreenDistractors.frameSeed(distractors.seed(), frame)}.
 *
 * <p>Ground points whose road coordinates do not map back onto themselves (a road answering for a point
 * far from where it searched, or beyond either end of the road) are drawn as grass, so roads should extend
 * {@link #VIEW_DISTANCE} beyond where the car drives.
 *
 * <p>Deterministic: the same road, spec, distractors, seed, pose, time and frame give the same bytes. Not
 * thread-safe (it keeps scratch rows so that rendering allocates nothing); use one camera per thread.
 */
public final class Camera {
    /** Ground beyond this distance ahead (metres) is not drawn: haze, labelled background. */
    public static final double VIEW_DISTANCE = 150;
    /** Distance (metres) over which the haze reaches 1 - 1/e of full strength. */
    public static final double HAZE_DISTANCE = 60;
    /** Width of each lane marking band (metres), centred on d = +-laneHalfWidth. */
    public static final double MARKING_WIDTH = 0.2;

    /** A road's answer must map back to the queried point within this many metres to be trusted. */
    private static final double MAP_BACK_TOLERANCE = 0.3;
    private static final byte SKY_ROW = 0;
    private static final byte GROUND_ROW = 1;
    private static final byte HAZE_ROW = 2;

    private final CameraSpec spec;
    private final RoadView road;
    private final Distractors distractors;
    private final long seed;
    private final View view;
    private final Canvas canvas;
    private final RoadsideObjects objects;
    private final Shadows shadows;
    private final Hashing.Stream stream = new Hashing.Stream(0);
    private final long grassFine;
    private final long grassCoarse;
    private final long asphaltFine;
    private final long asphaltCoarse;

    // Per row, fixed by the spec.
    private final byte[] rowKind;
    private final double[] rowAhead;
    private final double[] rowStep;
    private final double[] rowTexel;
    private final float[] rowFog;
    /** Per row, the contrast each texture keeps at the row's texel size: fixed, so computed once. */
    private final double[][] rowContrast;
    private final float[] skyRed;
    private final float[] skyGreen;
    private final float[] skyBlue;

    // Scratch for one row and one frame.
    private final double[] rowS;
    private final double[] rowD;
    private final double[] rowX;
    private final double[] rowY;
    private final boolean[] rowNear;
    private final boolean[] rowPaved;
    private final byte[] ownLabels;
    private float red;
    private float green;
    private float blue;

    /**
     * A camera on {@code road}.
     *
     * @param spec        image size, colour and mounting
     * @param road        the road the car drives on
     * @param distractors which distractors to draw (their seed places objects and shadows and draws the
     *                    per-frame effects)
     * @param seed        seed of the scenery (grass and asphalt textures)
     */
    public Camera(CameraSpec spec, RoadView road, Distractors distractors, long seed) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.road = Objects.requireNonNull(road, "road");
        this.distractors = Objects.requireNonNull(distractors, "distractors");
        this.seed = seed;
        view = new View(spec);
        canvas = new Canvas(spec);
        long worldSeed = Hashing.mix(distractors.seed());
        objects = RoadsideObjects.generate(road, distractors.objects(), Hashing.derive(worldSeed, 201),
                VIEW_DISTANCE + 10);
        shadows = Shadows.generate(road, distractors.shadows(), Hashing.derive(worldSeed, 202), VIEW_DISTANCE + 10);
        long scenery = Hashing.mix(seed);
        grassFine = Hashing.derive(scenery, 101);
        grassCoarse = Hashing.derive(scenery, 102);
        asphaltFine = Hashing.derive(scenery, 103);
        asphaltCoarse = Hashing.derive(scenery, 104);

        int h = spec.height();
        rowKind = new byte[h];
        rowAhead = new double[h];
        rowStep = new double[h];
        rowTexel = new double[h];
        rowFog = new float[h];
        skyRed = new float[h];
        skyGreen = new float[h];
        skyBlue = new float[h];
        for (int r = 0; r < h; r++) {
            double above = view.cy - (r + 0.5);
            double forwardPart = view.focal * view.cosPitch + above * view.sinPitch;
            double upPart = -view.focal * view.sinPitch + above * view.cosPitch;
            if (upPart >= 0) {
                rowKind[r] = SKY_ROW;
                float t = (float) Math.min(1, Math.atan2(upPart, forwardPart) / 0.35);
                skyRed[r] = lerp(Palette.HAZE[0], Palette.SKY_TOP[0], t);
                skyGreen[r] = lerp(Palette.HAZE[1], Palette.SKY_TOP[1], t);
                skyBlue[r] = lerp(Palette.HAZE[2], Palette.SKY_TOP[2], t);
                continue;
            }
            double step = view.mount / -upPart;
            double ahead = step * forwardPart;
            rowStep[r] = step;
            rowAhead[r] = ahead;
            rowKind[r] = ahead > VIEW_DISTANCE ? HAZE_ROW : GROUND_ROW;
            rowFog[r] = (float) (1 - Math.exp(-ahead / HAZE_DISTANCE));
        }
        for (int r = 0; r < h; r++) {
            if (rowKind[r] != SKY_ROW) {
                // The ground a pixel covers: its lateral width, or its depth along the road when that is more
                // (towards the horizon a row spans metres of road).
                double nearer = r + 1 < h ? rowAhead[r + 1] : rowAhead[r];
                boolean topmost = r == 0 || rowKind[r - 1] == SKY_ROW;
                double farther = topmost ? 4 * rowAhead[r] : rowAhead[r - 1];
                rowTexel[r] = Math.max(rowStep[r], 0.5 * Math.abs(farther - nearer));
            }
        }
        rowContrast = new double[h][];
        for (int r = 0; r < h; r++) {
            double t = rowTexel[r];
            rowContrast[r] = new double[] {1.0 * fade(0.7, t), 1.2 * fade(3.5, t), 0.3 * fade(0.4, t), 0.25 * fade(2.5, t)};
        }
        int w = spec.width();
        rowS = new double[w];
        rowD = new double[w];
        rowX = new double[w];
        rowY = new double[w];
        rowNear = new boolean[w];
        rowPaved = new boolean[w];
        ownLabels = new byte[spec.pixels()];
    }

    /** A camera on {@code road} with no distractors. */
    public Camera(CameraSpec spec, RoadView road, long seed) {
        this(spec, road, Distractors.none(), seed);
    }

    /** The camera's image size, colour and mounting. */
    public CameraSpec spec() {
        return spec;
    }

    /** The distractors this camera draws. */
    public Distractors distractors() {
        return distractors;
    }

    /** The scenery seed. */
    public long seed() {
        return seed;
    }

    /**
     * Renders one frame into the start of the given buffers.
     *
     * @see #render(Pose, double, double, long, float[], int, byte[], int)
     */
    public void render(Pose pose, double s, double time, long frame, float[] image, byte[] labels) {
        render(pose, s, time, frame, image, 0, labels, 0);
    }

    /**
     * Renders one frame: the road seen from {@code pose}, at {@code time}, into {@code image} (height x width x
     * channels values in [0, 1], channels last; values may leave [0, 1] only with unclipped noise) and
     * {@code labels} (height x width classes). Allocates nothing.
     *
     * @param pose        the car: the camera sits {@link CameraSpec#mountHeight()} above its point and looks
     *                    along its heading
     * @param s           the car's arc length on the road (its {@link Frenet#s()}), the search hint for the
     *                    ground points
     * @param time        seconds since the episode began: where the moving objects are
     * @param frame       the frame's number in the episode: seeds the per-frame noise, brightness and occlusion
     * @param image       receives the frame at {@code imageOffset} (so a recorder can write straight into a
     *                    (T, H, W, C) array at {@code t * spec().imageSize()})
     * @param imageOffset index of the frame's first value
     * @param labels      receives the label map at {@code labelOffset}, or {@code null} if not wanted
     * @param labelOffset index of the frame's first label
     * @throws IllegalArgumentException if a buffer is too small for a frame at its offset
     */
    public void render(Pose pose, double s, double time, long frame, float[] image, int imageOffset, byte[] labels,
                       int labelOffset) {
        if (imageOffset < 0 || imageOffset + (long) spec.imageSize() > image.length) {
            throw new IllegalArgumentException("image buffer of " + image.length + " values has no room for a frame of "
                    + spec.imageSize() + " at " + imageOffset);
        }
        byte[] labelTarget = labels;
        int labelStart = labelOffset;
        if (labels == null) {
            labelTarget = ownLabels;
            labelStart = 0;
        } else if (labelOffset < 0 || labelOffset + (long) spec.pixels() > labels.length) {
            throw new IllegalArgumentException("label buffer of " + labels.length + " has no room for a frame of "
                    + spec.pixels() + " at " + labelOffset);
        }
        view.set(pose);
        canvas.bind(image, imageOffset, labelTarget, labelStart);
        for (int r = 0; r < spec.height(); r++) {
            switch (rowKind[r]) {
                case SKY_ROW -> fillRow(r, skyRed[r], skyGreen[r], skyBlue[r]);
                case HAZE_ROW -> fillRow(r, Palette.HAZE[0], Palette.HAZE[1], Palette.HAZE[2]);
                default -> groundRow(r, s);
            }
        }
        objects.draw(road, view, canvas, s, time, VIEW_DISTANCE, HAZE_DISTANCE);
        if (distractors.hasScreenEffects()) {
            ScreenDistractors.apply(distractors, ScreenDistractors.frameSeed(distractors.seed(), frame), image,
                    imageOffset, labels, labelOffset, spec.height(), spec.width(), spec.channels(), stream);
        }
    }

    private void fillRow(int r, float cr, float cg, float cb) {
        int base = r * spec.width();
        for (int c = 0; c < spec.width(); c++) {
            canvas.put(base + c, cr, cg, cb, Labels.BACKGROUND);
        }
    }

    /** Finds the road coordinates of the row's ground points, then shades them. */
    private void groundRow(int r, double sCar) {
        int w = spec.width();
        double ahead = rowAhead[r];
        double step = rowStep[r];
        double[] contrast = rowContrast[r];
        double baseX = view.x + ahead * view.hx;
        double baseY = view.y + ahead * view.hy;
        double leftX = -view.hy;
        double leftY = view.hx;
        double hint = sCar + ahead;
        double edge = road.roadHalfWidth();
        // Only answers that would paint road, marking or shadow count: beyond the edge plus a pixel, or plus the
        // farthest shadow reach, it is grass either way. Such an answer maps back within the tolerance, so its
        // centreline point is within |d| + tolerance of the pixel's ground point: a point farther than that from
        // the whole centreline is grass without asking the road for its coordinates (most of the far rows).
        double pavedLimit = edge + step;
        double nearLimit = Math.max(pavedLimit, shadows.size() > 0 ? edge + Shadows.BEYOND_EDGE : 0);
        double nearRadius = nearLimit + MAP_BACK_TOLERANCE;
        double sMin = Double.POSITIVE_INFINITY;
        double sMax = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w; c++) {
            double lateral = step * (view.cx - (c + 0.5));
            double wx = baseX + lateral * leftX;
            double wy = baseY + lateral * leftY;
            rowX[c] = wx;
            rowY[c] = wy;
            if (!road.mayComeWithin(wx, wy, nearRadius)) {
                // nothing downstream reads a far pixel's s or d
                rowNear[c] = false;
                rowPaved[c] = false;
                rowD[c] = Double.NaN;
                rowS[c] = Double.NaN;
                continue;
            }
            Frenet f = road.toFrenetIfMapsBack(wx, wy, hint, MAP_BACK_TOLERANCE);
            double d = f == null ? Double.NaN : f.d();
            double fs = f == null ? Double.NaN : f.s();
            boolean near = f != null && Math.abs(d) <= nearLimit && Double.isFinite(fs);
            rowNear[c] = near;
            rowPaved[c] = near && Math.abs(d) <= pavedLimit;
            rowD[c] = d;
            rowS[c] = fs;
            if (near) {
                sMin = Math.min(sMin, fs);
                sMax = Math.max(sMax, fs);
            }
        }
        int firstShadow = 0;
        int endShadow = 0;
        if (shadows.size() > 0 && sMin <= sMax) {
            firstShadow = shadows.firstFrom(sMin - shadows.reach);
            endShadow = shadows.firstFrom(sMax + shadows.reach);
        }
        double lane = road.laneHalfWidth();
        double halfMark = 0.5 * MARKING_WIDTH;
        float fog = rowFog[r];
        int base = r * w;
        for (int c = 0; c < w; c++) {
            byte label = Labels.BACKGROUND;
            if (!rowNear[c]) {
                grass(rowX[c], rowY[c], contrast);
            } else {
                double d = rowD[c];
                double half = footprint(c, step);
                double lo = d - half;
                double hi = d + half;
                double road01 = overlap(lo, hi, -edge, edge) / (hi - lo);
                double mark01 = (overlap(lo, hi, lane - halfMark, lane + halfMark)
                        + overlap(lo, hi, -lane - halfMark, -lane + halfMark)) / (hi - lo);
                if (road01 >= 1) {
                    asphalt(rowX[c], rowY[c], contrast);
                } else if (road01 <= 0) {
                    grass(rowX[c], rowY[c], contrast);
                } else {
                    grass(rowX[c], rowY[c], contrast);
                    float gr = red;
                    float gg = green;
                    float gb = blue;
                    asphalt(rowX[c], rowY[c], contrast);
                    float a = (float) road01;
                    red = gr + a * (red - gr);
                    green = gg + a * (green - gg);
                    blue = gb + a * (blue - gb);
                }
                if (mark01 > 0) {
                    float m = (float) Math.min(1, mark01);
                    red += m * (Palette.MARKING[0] - red);
                    green += m * (Palette.MARKING[1] - green);
                    blue += m * (Palette.MARKING[2] - blue);
                }
                if (Math.abs(d) <= edge) {
                    label = Labels.ROAD;
                }
                if (mark01 >= 0.5 || Math.abs(d - lane) <= half || Math.abs(d + lane) <= half) {
                    label = Labels.LANE_MARKING;
                }
                for (int k = firstShadow; k < endShadow; k++) {
                    if (d >= shadows.dFrom[k] && d <= shadows.dTo[k]
                            && Math.abs(rowS[c] - shadows.centre[k] - shadows.slope[k] * d) <= shadows.halfWidth[k]) {
                        float keep = 1 - shadows.alpha[k];
                        red *= keep;
                        green *= keep;
                        blue *= keep;
                        label = Labels.DISTRACTOR;
                    }
                }
            }
            red += fog * (Palette.HAZE[0] - red);
            green += fog * (Palette.HAZE[1] - green);
            blue += fog * (Palette.HAZE[2] - blue);
            canvas.put(base + c, red, green, blue, label);
        }
    }

    /**
     * Half the lateral extent (in d) of pixel c's ground footprint, from its neighbours' offsets; from the
     * row's metres per pixel where a neighbour is not on the paved surface or next to it (those offsets were
     * not checked, and checking more of them when shadows are on must not change the clean picture).
     */
    private double footprint(int c, double step) {
        int w = spec.width();
        boolean left = c > 0 && rowPaved[c - 1];
        boolean right = c + 1 < w && rowPaved[c + 1];
        double half;
        if (left && right) {
            half = 0.25 * Math.abs(rowD[c + 1] - rowD[c - 1]);
        } else if (left) {
            half = 0.5 * Math.abs(rowD[c] - rowD[c - 1]);
        } else if (right) {
            half = 0.5 * Math.abs(rowD[c + 1] - rowD[c]);
        } else {
            half = 0.5 * step;
        }
        return Math.max(half, 1e-6);
    }

    /**
     * Grass colour at a world point into (red, green, blue); the texture's contrast fades where a pixel covers
     * the row's texel size in metres of ground, more than a texture cell (a cheap stand-in for averaging the
     * texture over the pixel, which keeps far ground from flickering). {@code contrast} is the row's
     * {@link #rowContrast}.
     */
    private void grass(double x, double y, double[] contrast) {
        double fine = Hashing.valueNoise(grassFine, x, y, 0.7) - 0.5;
        double coarse = Hashing.valueNoise(grassCoarse, x, y, 3.5) - 0.5;
        double m = 0.5 + contrast[0] * fine + contrast[1] * coarse;
        float t = (float) Math.max(0, Math.min(1, m));
        red = lerp(Palette.GRASS_DARK[0], Palette.GRASS[0], t);
        green = lerp(Palette.GRASS_DARK[1], Palette.GRASS[1], t);
        blue = lerp(Palette.GRASS_DARK[2], Palette.GRASS[2], t);
    }

    /** Asphalt colour at a world point into (red, green, blue). */
    private void asphalt(double x, double y, double[] contrast) {
        double fine = Hashing.valueNoise(asphaltFine, x, y, 0.4) - 0.5;
        double coarse = Hashing.valueNoise(asphaltCoarse, x, y, 2.5) - 0.5;
        float v = (float) (1 + contrast[2] * fine + contrast[3] * coarse);
        red = Palette.ASPHALT[0] * v;
        green = Palette.ASPHALT[1] * v;
        blue = Palette.ASPHALT[2] * v;
    }

    /** How much of a texture of cell size {@code cell} survives in a pixel {@code step} metres wide. */
    private static double fade(double cell, double step) {
        return cell * cell / (cell * cell + 4 * step * step);
    }

    private static double overlap(double lo, double hi, double a, double b) {
        return Math.max(0, Math.min(hi, b) - Math.max(lo, a));
    }

    private static float lerp(float a, float b, float t) {
        return a + t * (b - a);
    }
}
