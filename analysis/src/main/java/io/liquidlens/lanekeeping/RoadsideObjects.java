package io.liquidlens.lanekeeping;

import java.util.Arrays;

/**
 * Coloured objects standing beside the road, placed in road coordinates (arc length, lateral offset beyond
 * the paved edge) so they stay put in the world while the car drives past: boxes (some walking back and
 * forth along the road), poles, round signs on poles, and balls floating and bobbing above the grass.
 * Sorted by their resting arc length. Drawn far to near, so nearer objects hide farther ones; the ground is
 * drawn first and never hides an object, since every object stands on or above it.
 */
final class RoadsideObjects {
    static final int BOX = 0;
    static final int POLE = 1;
    static final int SIGN = 2;
    static final int BALL = 3;

    /** Unit vector towards the sun (world x, y, up), for flat shading of box faces. */
    private static final double SUN_X = 0.42;
    private static final double SUN_Y = 0.30;
    private static final double SUN_Z = 0.86;
    private static final int MAX_DRAWN = 512;

    private final int[] type;
    private final double[] rest;
    private final double[] offset;
    private final double[] halfAlong;
    private final double[] halfAcross;
    private final double[] height;
    private final double[] radius;
    private final double[] lift;
    private final double[] amplitude;
    private final double[] omega;
    private final double[] phase;
    private final float[] red;
    private final float[] green;
    private final float[] blue;
    private final double maxAmplitude;

    // Scratch for one frame's visible objects; no allocation per frame.
    private final int[] order = new int[MAX_DRAWN];
    private final double[] dist = new double[MAX_DRAWN];
    private final double[] posX = new double[MAX_DRAWN];
    private final double[] posY = new double[MAX_DRAWN];
    private final double[] head = new double[MAX_DRAWN];
    private final double[] us = new double[4];
    private final double[] vs = new double[4];
    private final double[] projected = new double[3];

    private RoadsideObjects(int n) {
        type = new int[n];
        rest = new double[n];
        offset = new double[n];
        halfAlong = new double[n];
        halfAcross = new double[n];
        height = new double[n];
        radius = new double[n];
        lift = new double[n];
        amplitude = new double[n];
        omega = new double[n];
        phase = new double[n];
        red = new float[n];
        green = new float[n];
        blue = new float[n];
        maxAmplitude = 6;
    }

    static RoadsideObjects none() {
        return new RoadsideObjects(0);
    }

    /**
     * Objects at exponentially distributed gaps (mean 100 / perHundredMetres m, at least 2 m) from just
     * behind the road's start to {@code beyond} metres past its end, on a random side, 0.5 to 4.5 m outside
     * the paved edge.
     */
    static RoadsideObjects generate(RoadView road, double perHundredMetres, long seed, double beyond) {
        if (perHundredMetres <= 0) {
            return none();
        }
        Hashing.Stream rng = new Hashing.Stream(seed);
        double meanGap = 100 / perHundredMetres;
        double end = road.length() + beyond;
        int capacity = (int) ((end + 20) / 2) + 1;
        RoadsideObjects all = new RoadsideObjects(capacity);
        int n = 0;
        double s = -20 + rng.uniform(0, meanGap);
        while (s < end && n < capacity) {
            all.place(n, s, rng, road.roadHalfWidth());
            n++;
            s += 2 + Math.max(0, meanGap - 2) * -Math.log(1 - rng.nextDouble());
        }
        return all.firstN(n);
    }

    /**
     * Still boxes at chosen places (sorted by {@code rest}), each {@code 2 * half} m square and of the given
     * height and colour; for tests of the drawing.
     */
    static RoadsideObjects boxes(double[] rest, double[] offset, double half, double[] height, float[][] rgb) {
        RoadsideObjects out = new RoadsideObjects(rest.length);
        for (int k = 0; k < rest.length; k++) {
            out.type[k] = BOX;
            out.rest[k] = rest[k];
            out.offset[k] = offset[k];
            out.halfAlong[k] = half;
            out.halfAcross[k] = half;
            out.height[k] = height[k];
            out.red[k] = rgb[k][0];
            out.green[k] = rgb[k][1];
            out.blue[k] = rgb[k][2];
        }
        return out;
    }

    private void place(int k, double s, Hashing.Stream rng, double edge) {
        double pick = rng.nextDouble();
        int kind = pick < 0.35 ? BOX : pick < 0.55 ? POLE : pick < 0.75 ? SIGN : BALL;
        type[k] = kind;
        rest[k] = s;
        switch (kind) {
            case BOX -> {
                halfAlong[k] = rng.uniform(0.3, 1.0);
                halfAcross[k] = rng.uniform(0.3, 1.0);
                height[k] = rng.uniform(0.5, 1.8);
                if (rng.nextDouble() < 0.3) {
                    amplitude[k] = rng.uniform(2, maxAmplitude);
                    omega[k] = 2 * Math.PI / rng.uniform(4, 10);
                }
            }
            case POLE -> {
                halfAlong[k] = 0.08;
                halfAcross[k] = 0.08;
                height[k] = rng.uniform(1.5, 3.5);
            }
            case SIGN -> {
                halfAlong[k] = 0.05;
                halfAcross[k] = 0.05;
                height[k] = rng.uniform(1.6, 2.4);
                radius[k] = rng.uniform(0.3, 0.6);
            }
            default -> {
                radius[k] = rng.uniform(0.25, 0.6);
                lift[k] = rng.uniform(0.3, 1.2);
                amplitude[k] = rng.uniform(0.2, 0.5);
                omega[k] = 2 * Math.PI / rng.uniform(1, 3);
            }
        }
        phase[k] = rng.uniform(0, 2 * Math.PI);
        double side = rng.nextDouble() < 0.5 ? -1 : 1;
        double clearance = Math.max(halfAcross[k], radius[k]);
        offset[k] = side * (edge + 0.5 + clearance + rng.uniform(0, 4));
        // A saturated colour from hue, saturation and value.
        double hue = rng.nextDouble() * 6;
        double sat = rng.uniform(0.6, 1.0);
        double val = rng.uniform(0.6, 1.0);
        int sector = (int) hue;
        double frac = hue - sector;
        double p = val * (1 - sat);
        double q = val * (1 - sat * frac);
        double t = val * (1 - sat * (1 - frac));
        double[] rgb = switch (sector) {
            case 0 -> new double[] {val, t, p};
            case 1 -> new double[] {q, val, p};
            case 2 -> new double[] {p, val, t};
            case 3 -> new double[] {p, q, val};
            case 4 -> new double[] {t, p, val};
            default -> new double[] {val, p, q};
        };
        red[k] = (float) rgb[0];
        green[k] = (float) rgb[1];
        blue[k] = (float) rgb[2];
    }

    private RoadsideObjects firstN(int n) {
        RoadsideObjects out = new RoadsideObjects(n);
        System.arraycopy(type, 0, out.type, 0, n);
        System.arraycopy(rest, 0, out.rest, 0, n);
        System.arraycopy(offset, 0, out.offset, 0, n);
        System.arraycopy(halfAlong, 0, out.halfAlong, 0, n);
        System.arraycopy(halfAcross, 0, out.halfAcross, 0, n);
        System.arraycopy(height, 0, out.height, 0, n);
        System.arraycopy(radius, 0, out.radius, 0, n);
        System.arraycopy(lift, 0, out.lift, 0, n);
        System.arraycopy(amplitude, 0, out.amplitude, 0, n);
        System.arraycopy(omega, 0, out.omega, 0, n);
        System.arraycopy(phase, 0, out.phase, 0, n);
        System.arraycopy(red, 0, out.red, 0, n);
        System.arraycopy(green, 0, out.green, 0, n);
        System.arraycopy(blue, 0, out.blue, 0, n);
        return out;
    }

    int size() {
        return type.length;
    }

    /** Draws the objects within {@code viewDistance} ahead of the camera at time {@code time} (seconds). */
    void draw(RoadView road, View view, Canvas canvas, double sCar, double time, double viewDistance,
              double hazeDistance) {
        int n = type.length;
        if (n == 0) {
            return;
        }
        int first = lowerBound(sCar - 15 - maxAmplitude);
        int count = 0;
        for (int k = first; k < n && rest[k] <= sCar + viewDistance + maxAmplitude && count < MAX_DRAWN; k++) {
            double s = rest[k];
            if (type[k] == BOX && amplitude[k] > 0) {
                s += amplitude[k] * Math.sin(omega[k] * time + phase[k]);
            }
            Pose centre = road.centreAt(s);
            double wx = centre.x() - Math.sin(centre.heading()) * offset[k];
            double wy = centre.y() + Math.cos(centre.heading()) * offset[k];
            double ahead = view.ahead(wx, wy);
            if (ahead < 0.5 || ahead > viewDistance) {
                continue;
            }
            // Insertion into the list kept in decreasing distance: far objects first.
            int at = count;
            while (at > 0 && dist[at - 1] < ahead) {
                order[at] = order[at - 1];
                dist[at] = dist[at - 1];
                posX[at] = posX[at - 1];
                posY[at] = posY[at - 1];
                head[at] = head[at - 1];
                at--;
            }
            order[at] = k;
            dist[at] = ahead;
            posX[at] = wx;
            posY[at] = wy;
            head[at] = centre.heading();
            count++;
        }
        for (int i = 0; i < count; i++) {
            int k = order[i];
            float fog = (float) (1 - Math.exp(-dist[i] / hazeDistance));
            switch (type[k]) {
                case BOX, POLE -> drawBox(k, view, canvas, posX[i], posY[i], head[i], halfAlong[k], halfAcross[k],
                        height[k], fog);
                case SIGN -> {
                    drawBox(k, view, canvas, posX[i], posY[i], head[i], halfAlong[k], halfAcross[k], height[k],
                            fog);
                    drawDisc(k, view, canvas, posX[i], posY[i], height[k] + 0.8 * radius[k], fog, false);
                }
                default -> drawDisc(k, view, canvas, posX[i], posY[i],
                        lift[k] + radius[k] + amplitude[k] * Math.sin(omega[k] * time + phase[k]), fog, true);
            }
        }
    }

    private void drawDisc(int k, View view, Canvas canvas, double wx, double wy, double wz, float fog,
                          boolean ball) {
        if (!view.project(wx, wy, wz, projected)) {
            return;
        }
        double r = radius[k] * view.focal / projected[2];
        canvas.fillDisc(projected[0], projected[1], r, hazed(red[k], 0, fog), hazed(green[k], 1, fog),
                hazed(blue[k], 2, fog), ball);
    }

    /** Draws the faces of a box that look towards the camera; on a convex box they never overlap. */
    private void drawBox(int k, View view, Canvas canvas, double cxw, double cyw, double heading, double a,
                         double b, double h, float fog) {
        double tx = Math.cos(heading);
        double ty = Math.sin(heading);
        double nx = -ty;
        double ny = tx;
        // Faces: along +t, along -t, across +n, across -n, top.
        for (int face = 0; face < 5; face++) {
            double fnx;
            double fny;
            double fnz;
            double fx;
            double fy;
            double fz;
            switch (face) {
                case 0 -> { fnx = tx; fny = ty; fnz = 0; fx = cxw + a * tx; fy = cyw + a * ty; fz = 0.5 * h; }
                case 1 -> { fnx = -tx; fny = -ty; fnz = 0; fx = cxw - a * tx; fy = cyw - a * ty; fz = 0.5 * h; }
                case 2 -> { fnx = nx; fny = ny; fnz = 0; fx = cxw + b * nx; fy = cyw + b * ny; fz = 0.5 * h; }
                case 3 -> { fnx = -nx; fny = -ny; fnz = 0; fx = cxw - b * nx; fy = cyw - b * ny; fz = 0.5 * h; }
                default -> { fnx = 0; fny = 0; fnz = 1; fx = cxw; fy = cyw; fz = h; }
            }
            double toward = (fx - view.x) * fnx + (fy - view.y) * fny + (fz - view.mount) * fnz;
            if (toward >= 0) {
                continue;
            }
            boolean ok = true;
            for (int c = 0; c < 4 && ok; c++) {
                // Corner c of the face, walking round it.
                double p = (c == 0 || c == 3) ? -1 : 1;
                double q = (c < 2) ? -1 : 1;
                double wx;
                double wy;
                double wz;
                if (face < 2) {
                    double along = face == 0 ? a : -a;
                    wx = cxw + along * tx + p * b * nx;
                    wy = cyw + along * ty + p * b * ny;
                    wz = q < 0 ? 0 : h;
                } else if (face < 4) {
                    double across = face == 2 ? b : -b;
                    wx = cxw + across * nx + p * a * tx;
                    wy = cyw + across * ny + p * a * ty;
                    wz = q < 0 ? 0 : h;
                } else {
                    wx = cxw + p * a * tx + q * b * nx;
                    wy = cyw + p * a * ty + q * b * ny;
                    wz = h;
                }
                ok = view.project(wx, wy, wz, projected);
                us[c] = projected[0];
                vs[c] = projected[1];
            }
            if (!ok) {
                continue;
            }
            double light = Math.max(0, fnx * SUN_X + fny * SUN_Y + fnz * SUN_Z);
            float shade = (float) (0.55 + 0.45 * light);
            canvas.fillConvex(us, vs, 4, hazed(red[k] * shade, 0, fog), hazed(green[k] * shade, 1, fog),
                    hazed(blue[k] * shade, 2, fog));
        }
    }

    private static float hazed(float colour, int channel, float fog) {
        return colour + fog * (Palette.HAZE[channel] - colour);
    }

    private int lowerBound(double s) {
        int lo = 0;
        int hi = rest.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rest[mid] < s) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Resting arc lengths, for tests. */
    double[] restPositions() {
        return Arrays.copyOf(rest, rest.length);
    }
}
