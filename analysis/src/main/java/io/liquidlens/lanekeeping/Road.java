package io.liquidlens.lanekeeping;

/**
 * A procedurally generated road ({@link RoadSpec}): the curvature profile integrated into a centreline
 * stored every {@code spacing} metres. Between two samples the centreline is the circular arc with the
 * curvature at the interval's middle, so {@link #centreAt} is continuous, passes exactly through the
 * samples, and differs from the ideal curve by far less than a millimetre. Headings start at 0 and are
 * accumulated, not wrapped (a road that turns twice round has heading 4 pi). Immutable and thread-safe.
 */
public final class Road implements RoadView {
    /** Samples searched either side of the hint before the search window moves (10 m at 0.25 m). */
    private static final int WINDOW = 40;
    private static final int NEWTON_STEPS = 6;
    /** Side of the cells of the clearance grid (m). */
    private static final double CLEARANCE_CELL = 1;
    /** How far from the centreline the clearance grid tells distances apart (m): beyond a camera's questions. */
    private static final double CLEARANCE_BAND = 10;

    private final RoadSpec spec;
    private final CurvatureProfile profile;
    private final double step;
    private final double[] xs;
    private final double[] ys;
    private final double[] headings;
    private final double[] arcCurvature;
    /** The cosine and sine of each sample's heading, for a search that starts on a sample. */
    private final double[] headingCos;
    private final double[] headingSin;
    /** Made on first use (it costs a few milliseconds, and only a camera asks); racing threads make equal ones. */
    private volatile ClearanceGrid clearance;

    /** Draws the road of {@code spec} (deterministic for its seed). */
    public Road(RoadSpec spec) {
        this.spec = spec;
        this.profile = CurvatureProfile.draw(spec);
        int n = (int) Math.ceil(spec.length() / spec.spacing()) + 1;
        step = spec.length() / (n - 1);
        xs = new double[n];
        ys = new double[n];
        headings = new double[n];
        arcCurvature = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            double k = profile.at((i + 0.5) * step);
            arcCurvature[i] = k;
            double[] end = arc(xs[i], ys[i], headings[i], k, step);
            xs[i + 1] = end[0];
            ys[i + 1] = end[1];
            headings[i + 1] = headings[i] + k * step;
        }
        headingCos = new double[n];
        headingSin = new double[n];
        for (int i = 0; i < n; i++) {
            headingCos[i] = Math.cos(headings[i]);
            headingSin[i] = Math.sin(headings[i]);
        }
    }

    /** The spec the road was drawn from. */
    public RoadSpec spec() {
        return spec;
    }

    @Override
    public double length() {
        return spec.length();
    }

    @Override
    public double laneHalfWidth() {
        return spec.laneHalfWidth();
    }

    @Override
    public double roadHalfWidth() {
        return spec.roadHalfWidth();
    }

    @Override
    public Pose centreAt(double s) {
        double c = clamp(s);
        int i = interval(c);
        double u = c - i * step;
        double[] p = arc(xs[i], ys[i], headings[i], arcCurvature[i], u);
        return new Pose(p[0], p[1], headings[i] + arcCurvature[i] * u);
    }

    @Override
    public double curvatureAt(double s) {
        return profile.at(clamp(s));
    }

    @Override
    public Frenet toFrenet(double x, double y, double sHint) {
        return locate(x, y, sHint, Double.POSITIVE_INFINITY);
    }

    /** Checks with the centreline point, sine and cosine the search ended on, instead of computing them again. */
    @Override
    public Frenet toFrenetIfMapsBack(double x, double y, double sHint, double tolerance) {
        return locate(x, y, sHint, tolerance);
    }

    /** The road coordinates of (x, y), or null when a finite tolerance is given and they do not map back. */
    private Frenet locate(double x, double y, double sHint, double tolerance) {
        int best = nearestSample(x, y, sHint);
        double s = best * step;
        Pose c = null;
        double cos = 0;
        double sin = 0;
        boolean settled = false;
        // Newton on "the offset from the foot point is perpendicular to the centreline"; on an arc of
        // curvature k a point at lateral offset d moves 1 - k d times slower than its foot point
        for (int it = 0; it < NEWTON_STEPS; it++) {
            int at = interval(clamp(s));
            if (clamp(s) - at * step == 0) {
                // on a sample (where the search starts): centreAt's arc of length 0 adds exactly nothing to the
                // sample's point and heading, so they and the stored sine and cosine are the very same numbers
                c = new Pose(xs[at], ys[at], headings[at]);
                cos = headingCos[at];
                sin = headingSin[at];
            } else {
                c = centreAt(s);
                cos = Math.cos(c.heading());
                sin = Math.sin(c.heading());
            }
            double ex = x - c.x();
            double ey = y - c.y();
            double along = ex * cos + ey * sin;
            double lateral = -ex * sin + ey * cos;
            double scale = Math.max(0.2, 1 - arcCurvature[interval(s)] * lateral);
            double next = clamp(s + along / scale);
            if (Math.abs(next - s) < 1e-12) {
                settled = true;
                break;
            }
            s = next;
        }
        if (!settled) {
            c = centreAt(s);
            cos = Math.cos(c.heading());
            sin = Math.sin(c.heading());
        }
        double d = -(x - c.x()) * sin + (y - c.y()) * cos;
        if (tolerance < Double.POSITIVE_INFINITY) {
            double ex = c.x() - sin * d - x;
            double ey = c.y() + cos * d - y;
            if (!(ex * ex + ey * ey <= tolerance * tolerance)) {
                return null;
            }
        }
        return new Frenet(s, d, c.heading());
    }

    /**
     * Every centreline point lies on an arc between two samples one {@code step} apart, so within half a step
     * of a sample: every sample farther than {@code radius} + step / 2 from (x, y) means no centreline point
     * within {@code radius}. The margin covers the rounding of coordinates up to the largest road's.
     */
    @Override
    public boolean mayComeWithin(double x, double y, double radius) {
        ClearanceGrid grid = clearance;
        if (grid == null) {
            grid = new ClearanceGrid(xs, ys, CLEARANCE_CELL, CLEARANCE_BAND);
            clearance = grid;
        }
        double margin = 1e-6 + 1e-9 * (Math.abs(x) + Math.abs(y));
        return grid.at(x, y) <= radius + 0.5 * step + margin;
    }

    /** The stored sample nearest to (x, y), found by a window search that follows the distance downhill. */
    private int nearestSample(double x, double y, double sHint) {
        int last = xs.length - 1;
        int centre = (int) Math.round(clamp(Double.isFinite(sHint) ? sHint : 0) / step);
        int best = centre;
        for (int guard = 0; guard <= xs.length / WINDOW + 1; guard++) {
            int lo = Math.max(0, centre - WINDOW);
            int hi = Math.min(last, centre + WINDOW);
            best = lo;
            double bestDist = Double.POSITIVE_INFINITY;
            for (int i = lo; i <= hi; i++) {
                double dx = x - xs[i];
                double dy = y - ys[i];
                double dist = dx * dx + dy * dy;
                if (dist < bestDist) {
                    bestDist = dist;
                    best = i;
                }
            }
            boolean atWindowEdge = (best == lo && lo > 0) || (best == hi && hi < last);
            if (!atWindowEdge) {
                break;
            }
            centre = best;
        }
        return best;
    }

    private double clamp(double s) {
        return Math.min(spec.length(), Math.max(0, s));
    }

    private int interval(double s) {
        return Math.min(arcCurvature.length - 1, Math.max(0, (int) (s / step)));
    }

    /**
     * End point of a circular arc of curvature k and length u from (x, y) with heading h: a chord of length
     * u sinc(k u / 2) in the direction h + k u / 2 (exact, and well-behaved as k goes to 0).
     */
    static double[] arc(double x, double y, double h, double k, double u) {
        double half = 0.5 * k * u;
        double chord = u * sinc(half);
        double dir = h + half;
        return new double[] {x + chord * Math.cos(dir), y + chord * Math.sin(dir)};
    }

    private static double sinc(double z) {
        if (Math.abs(z) < 1e-4) {
            return 1 - z * z / 6;
        }
        return Math.sin(z) / z;
    }
}
