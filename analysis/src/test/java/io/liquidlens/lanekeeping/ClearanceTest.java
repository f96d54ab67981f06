package io.liquidlens.lanekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClearanceTest {

    @Test
    void theClearanceNeverOverstatesTheDistanceAndIsWithinACellOfItInsideTheBand() {
        SplittableRandom rng = new SplittableRandom(4);
        double[] xs = new double[300];
        double[] ys = new double[300];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 40 * Math.cos(i * 0.02) + rng.nextDouble();
            ys[i] = 25 * Math.sin(i * 0.03) + rng.nextDouble();
        }
        ClearanceGrid grid = new ClearanceGrid(xs, ys, 1, 10);
        int tight = 0;
        for (int q = 0; q < 20_000; q++) {
            double x = -60 + 120 * rng.nextDouble();
            double y = -45 + 90 * rng.nextDouble();
            double nearest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < xs.length; i++) {
                nearest = Math.min(nearest, Math.hypot(x - xs[i], y - ys[i]));
            }
            double bound = grid.at(x, y);
            assertThat(bound).isLessThanOrEqualTo(nearest).isLessThanOrEqualTo(10);
            if (nearest < 8) {
                assertThat(bound).isGreaterThan(nearest - 1.5);
                tight++;
            }
        }
        assertThat(tight).isGreaterThan(1000);
        assertThat(grid.at(Double.NaN, 0)).isZero();
        assertThat(grid.at(1e9, 0)).isEqualTo(10);
    }

    @Test
    void aRoadSaysNoOnlyForPointsFartherThanTheRadiusFromItsWholeCentreline() {
        Road road = new Road(RoadSpec.defaults(300, 8));
        SplittableRandom rng = new SplittableRandom(9);
        int no = 0;
        for (int q = 0; q < 3_000; q++) {
            Pose p = road.pointAt(300 * rng.nextDouble(), -15 + 30 * rng.nextDouble());
            double radius = 7 * rng.nextDouble();
            if (!road.mayComeWithin(p.x(), p.y(), radius)) {
                no++;
                for (double s = 0; s <= 300; s += 0.01) {
                    Pose c = road.centreAt(s);
                    assertThat(Math.hypot(c.x() - p.x(), c.y() - p.y())).isGreaterThan(radius);
                }
            }
        }
        assertThat(no).isGreaterThan(300);
    }

    @Test
    void theSampledRoadMapsBackExactlyAsTheGenericCheckDoes() {
        Road road = new Road(RoadSpec.defaults(300, 8));
        RoadView generic = new RoadView() {
            public double length() { return road.length(); }
            public double laneHalfWidth() { return road.laneHalfWidth(); }
            public double roadHalfWidth() { return road.roadHalfWidth(); }
            public Pose centreAt(double s) { return road.centreAt(s); }
            public double curvatureAt(double s) { return road.curvatureAt(s); }
            public Frenet toFrenet(double x, double y, double sHint) { return road.toFrenet(x, y, sHint); }
        };
        SplittableRandom rng = new SplittableRandom(10);
        int mapped = 0;
        for (int q = 0; q < 5_000; q++) {
            double s = 300 * rng.nextDouble();
            Pose p = road.pointAt(s, -20 + 40 * rng.nextDouble());
            if (q % 5 == 0) {
                // beyond the road's end, where the search clamps and the answer cannot map back
                Pose end = road.centreAt(300);
                double ahead = 1 + 30 * rng.nextDouble();
                p = new Pose(end.x() + ahead * Math.cos(end.heading()), end.y() + ahead * Math.sin(end.heading()), 0);
                s = 300;
            }
            double hint = s - 30 + 60 * rng.nextDouble();
            Frenet fast = road.toFrenetIfMapsBack(p.x(), p.y(), hint, 0.3);
            Frenet reference = generic.toFrenetIfMapsBack(p.x(), p.y(), hint, 0.3);
            assertThat(fast).isEqualTo(reference);
            if (fast != null) {
                assertThat(fast).isEqualTo(road.toFrenet(p.x(), p.y(), hint));
                mapped++;
            }
        }
        assertThat(mapped).isBetween(500, 4_500);
    }
}
