package io.liquidlens.lanekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The procedural road: bounded, smooth curvature with straights and bends both ways, reproducible, invertible. */
class RoadTest {
    private static final double LENGTH = 3000;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, -7})
    void curvatureStaysWithinTheTightestRadiusAndChangesSmoothly(long seed) {
        RoadSpec spec = RoadSpec.defaults(LENGTH, seed);
        Road road = new Road(spec);
        double ds = 0.05;
        double maxJump = 2 * spec.maxCurvature();
        // smootherstep's steepest slope is 15/8 per transition length; a bend can be shorter than two
        // transitions, which then shrink to half its length (at least 20 deg x 15 m)
        double shortest = Math.min(spec.transition(), 0.5 * spec.minTurn() * spec.minRadius());
        double maxRate = maxJump * 15 / 8 / shortest;
        double previous = road.curvatureAt(0);
        for (double s = ds; s <= LENGTH; s += ds) {
            double k = road.curvatureAt(s);
            assertThat(Math.abs(k)).as("|kappa| at s=%.2f", s).isLessThanOrEqualTo(spec.maxCurvature() + 1e-12);
            assertThat(Math.abs(k - previous) / ds).as("|dkappa/ds| at s=%.2f", s).isLessThanOrEqualTo(maxRate * 1.01);
            previous = k;
        }
    }

    @Test
    void roadsHaveStraightsAndBendsBothWaysOfVaryingRadius() {
        Road road = new Road(RoadSpec.defaults(LENGTH, 11));
        double straight = 0;
        double left = 0;
        double right = 0;
        double tightest = 0;
        double widestBend = Double.POSITIVE_INFINITY;
        for (double s = 0; s < LENGTH; s += 0.5) {
            double k = road.curvatureAt(s);
            if (k == 0) {
                straight += 0.5;
            } else if (k > 0) {
                left += 0.5;
            } else {
                right += 0.5;
            }
            tightest = Math.max(tightest, Math.abs(k));
            if (Math.abs(k) > 1e-3) {
                widestBend = Math.min(widestBend, Math.abs(k));
            }
        }
        assertThat(straight).isGreaterThan(100);
        assertThat(left).isGreaterThan(100);
        assertThat(right).isGreaterThan(100);
        assertThat(1 / tightest).as("tightest radius").isLessThan(40);
        assertThat(1 / widestBend).as("widest radius").isGreaterThan(80);
    }

    @Test
    void theSameSeedDrawsTheSameRoadBitForBitAndAnotherSeedAnotherRoad() {
        Road a = new Road(RoadSpec.defaults(1000, 5));
        Road b = new Road(RoadSpec.defaults(1000, 5));
        Road c = new Road(RoadSpec.defaults(1000, 6));
        boolean differs = false;
        for (double s = 0; s <= 1000; s += 7.3) {
            assertThat(b.centreAt(s)).isEqualTo(a.centreAt(s));
            assertThat(b.curvatureAt(s)).isEqualTo(a.curvatureAt(s));
            differs |= !c.centreAt(s).equals(a.centreAt(s));
        }
        assertThat(differs).isTrue();
    }

    @Test
    void theCentrelineHasTheProfilesCurvatureAndUnitSpeed() {
        Road road = new Road(RoadSpec.defaults(1000, 8));
        double h = 0.1;
        for (double s = 1; s < 999; s += 3.7) {
            Pose a = road.centreAt(s - h);
            Pose b = road.centreAt(s);
            Pose c = road.centreAt(s + h);
            // arc length: consecutive points are h apart (chord of a gentle arc)
            assertThat(Math.hypot(c.x() - b.x(), c.y() - b.y())).isCloseTo(h, within(1e-6));
            // curvature from three points (circumscribed circle), against the analytic profile
            double area2 = (b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x());
            double k = 2 * area2 / (dist(a, b) * dist(b, c) * dist(a, c));
            assertThat(k).as("curvature at s=%.1f", s).isCloseTo(road.curvatureAt(s), within(2e-3));
            // the heading is the direction of travel
            assertThat(Math.atan2(c.y() - a.y(), c.x() - a.x())).isCloseTo(WorldState.wrap(b.heading()), within(1e-4));
        }
    }

    private static double dist(Pose p, Pose q) {
        return Math.hypot(p.x() - q.x(), p.y() - q.y());
    }

    @Test
    void aPointBuiltFromRoadCoordinatesMapsBackToThem() {
        Road road = new Road(RoadSpec.defaults(2000, 21));
        for (double s = 5; s < 1990; s += 13.1) {
            for (double d : new double[] {-2.5, -1.75, -0.3, 0, 0.9, 2.5}) {
                Pose p = road.pointAt(s, d);
                // the hint may be a few metres off, as the car's previous s is
                Frenet f = road.toFrenet(p.x(), p.y(), s + 4);
                assertThat(f.s()).as("s at (%.1f, %.2f)", s, d).isCloseTo(s, within(1e-6));
                assertThat(f.d()).as("d at (%.1f, %.2f)", s, d).isCloseTo(d, within(1e-6));
                assertThat(f.heading()).isCloseTo(road.centreAt(s).heading(), within(1e-9));
            }
        }
    }

    @Test
    void toFrenetFollowsTheRoadFromAFarHint() {
        Road road = new Road(RoadSpec.defaults(2000, 22));
        Pose p = road.pointAt(700, 1.0);
        Frenet f = road.toFrenet(p.x(), p.y(), 640);
        assertThat(f.s()).isCloseTo(700, within(1e-6));
        assertThat(f.d()).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void badSpecsNameTheFieldAndTheRange() {
        assertThatThrownBy(() -> new RoadSpec(1000, 1, 2, 150, 0.3, 2, 20, 80, 0.4, 10, 1.75, 2.5, 0.25))
                .hasMessageContaining("minRadius").hasMessageContaining(">= 5");
        assertThatThrownBy(() -> new RoadSpec(1000, 1, 15, 150, 0.3, 2, 20, 80, 1.5, 10, 1.75, 2.5, 0.25))
                .hasMessageContaining("straightShare");
        assertThatThrownBy(() -> new RoadSpec(1000, 1, 15, 150, 0.3, 2, 20, 80, 0.4, 10, 1.75, 1.0, 0.25))
                .hasMessageContaining("roadHalfWidth");
        assertThatThrownBy(() -> RoadSpec.defaults(-5, 1)).hasMessageContaining("length");
    }
}
