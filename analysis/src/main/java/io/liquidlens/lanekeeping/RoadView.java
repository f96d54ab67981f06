package io.liquidlens.lanekeeping;

/**
 * What the camera, the car and the expert need to know about a road: its centreline by arc length, its
 * curvature and the conversion of world points to road coordinates. The road is one lane wide; the lane
 * is bounded by markings at +-{@link #laneHalfWidth()} and the drivable surface ends at
 * +-{@link #roadHalfWidth()}.
 */
public interface RoadView {

    /** Length of the road's centreline in metres. */
    double length();

    /** Half the lane width (metres): the lane markings are at d = +-laneHalfWidth. */
    double laneHalfWidth();

    /** Half the width of the paved surface (metres), a little wider than the lane. */
    double roadHalfWidth();

    /** The centreline point and its heading at arc length {@code s} (clamped to [0, length]). */
    Pose centreAt(double s);

    /** Signed curvature (1/m, positive turning left) of the centreline at {@code s}. */
    double curvatureAt(double s);

    /**
     * Road coordinates of the world point (x, y), searching near arc length {@code sHint} (the point must be
     * within a few metres of the centreline near there; callers pass the car's s or the previous result).
     */
    Frenet toFrenet(double x, double y, double sHint);

    /**
     * {@link #toFrenet}'s answer when it maps back onto the point: the centreline point at its s, moved its d to
     * the left, lies within {@code tolerance} metres of (x, y); null when it does not (the search settled on
     * a far part of the road, or clamped to an end).
     */
    default Frenet toFrenetIfMapsBack(double x, double y, double sHint, double tolerance) {
        Frenet f = toFrenet(x, y, sHint);
        Pose centre = centreAt(f.s());
        double ex = centre.x() - Math.sin(centre.heading()) * f.d() - x;
        double ey = centre.y() + Math.cos(centre.heading()) * f.d() - y;
        return ex * ex + ey * ey <= tolerance * tolerance ? f : null;
    }

    /**
     * False only when no point of the centreline (at any arc length in [0, length]) lies within {@code radius}
     * metres of the world point (x, y), so a caller may skip {@link #toFrenet} for points that cannot be on
     * or beside the road; true when one may (the default, for roads that cannot tell cheaply).
     */
    default boolean mayComeWithin(double x, double y, double radius) {
        return true;
    }

    /**
     * The world point at arc length {@code s} and signed lateral offset {@code d} (positive to the left),
     * with the centreline's heading there: the inverse of {@link #toFrenet}.
     */
    default Pose pointAt(double s, double d) {
        Pose c = centreAt(s);
        return new Pose(c.x() - d * Math.sin(c.heading()), c.y() + d * Math.cos(c.heading()), c.heading());
    }
}
