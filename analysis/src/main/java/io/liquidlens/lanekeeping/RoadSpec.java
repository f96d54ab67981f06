package io.liquidlens.lanekeeping;

/**
 * How a procedural road is drawn. The centreline's curvature is a sequence of sections: straights, and
 * left or right bends whose radius is log-uniform in [minRadius, maxRadius] and whose turn angle is uniform
 * in [minTurn, maxTurn]; after a bend comes a straight with probability {@code straightShare}, otherwise
 * another bend (either side, so S-curves occur). The curvature moves from one section's value to the next
 * over {@code transition} metres along a smootherstep (continuous curvature and curvature rate, like a
 * clothoid-eased road), so the car never sees a curvature jump.
 *
 * @param length        centreline length (m)
 * @param seed          seeds every random choice of the layout
 * @param minRadius     tightest bend radius (m)
 * @param maxRadius     widest bend radius (m)
 * @param minTurn       smallest turn angle of a bend (rad)
 * @param maxTurn       largest turn angle of a bend (rad)
 * @param minStraight   shortest straight (m)
 * @param maxStraight   longest straight (m)
 * @param straightShare probability that a bend is followed by a straight
 * @param transition    length over which the curvature eases from one section to the next (m)
 * @param laneHalfWidth half the lane width: lane markings at d = +-laneHalfWidth (m)
 * @param roadHalfWidth half the paved width (m), at least the lane half-width
 * @param spacing       distance between the stored centreline samples (m)
 */
public record RoadSpec(double length, long seed, double minRadius, double maxRadius, double minTurn, double maxTurn,
                       double minStraight, double maxStraight, double straightShare, double transition,
                       double laneHalfWidth, double roadHalfWidth, double spacing) {

    /** Default lane half-width: a 3.5 m lane. */
    public static final double LANE_HALF_WIDTH = 1.75;
    /** The longest road (m): an episode's steps x speed x dt must fit in it. */
    public static final double MAX_LENGTH = 1e6;

    /** Checks every field; the message names the field, the accepted range and the value. */
    public RoadSpec {
        require(length >= 10 && length <= MAX_LENGTH, "length", "in [10, 1e6] m", length);
        require(minRadius >= 5, "minRadius", ">= 5 m", minRadius);
        require(maxRadius >= minRadius && maxRadius <= 1e5, "maxRadius", "in [minRadius, 1e5] m", maxRadius);
        require(minTurn > 0 && minTurn <= maxTurn, "minTurn", "in (0, maxTurn] rad", minTurn);
        require(maxTurn <= Math.PI, "maxTurn", "<= pi rad", maxTurn);
        require(minStraight > 0 && minStraight <= maxStraight, "minStraight", "in (0, maxStraight] m", minStraight);
        require(maxStraight <= 1e4, "maxStraight", "<= 1e4 m", maxStraight);
        require(straightShare >= 0 && straightShare <= 1, "straightShare", "in [0, 1]", straightShare);
        require(transition > 0 && transition <= 100, "transition", "in (0, 100] m", transition);
        require(laneHalfWidth > 0 && laneHalfWidth <= 10, "laneHalfWidth", "in (0, 10] m", laneHalfWidth);
        require(roadHalfWidth >= laneHalfWidth && roadHalfWidth <= 20, "roadHalfWidth", "in [laneHalfWidth, 20] m",
                roadHalfWidth);
        require(spacing >= 0.01 && spacing <= 1, "spacing", "in [0.01, 1] m", spacing);
        // a point at the road's edge must have one nearest centreline point on the tightest bend
        require(roadHalfWidth < 0.5 * minRadius, "roadHalfWidth", "< minRadius / 2", roadHalfWidth);
    }

    /**
     * The sample world's road: bends of 15 m to 150 m radius turning 20 to 120 degrees, straights of 20 to
     * 80 m after 40 % of the bends, 10 m curvature transitions, a 3.5 m lane on a 5 m wide road, a sample
     * every 0.25 m.
     */
    public static RoadSpec defaults(double length, long seed) {
        return new RoadSpec(length, seed, 15, 150, Math.toRadians(20), Math.toRadians(120), 20, 80, 0.4, 10,
                LANE_HALF_WIDTH, 2.5, 0.25);
    }

    /** The largest curvature magnitude the road reaches (1/m). */
    public double maxCurvature() {
        return 1 / minRadius;
    }

    private static void require(boolean ok, String field, String range, double value) {
        if (!ok) {
            throw new IllegalArgumentException("road " + field + " must be " + range + ", got " + value);
        }
    }
}
