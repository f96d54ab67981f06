package io.liquidlens.lanekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the road appears in the image, checked against an independent forward pinhole projection of the
 * analytic test roads (the camera itself casts rays backwards from pixels to the ground).
 */
class CameraGeometryTest {
    private static final CameraSpec SPEC = CameraSpec.defaults();
    private static final int H = SPEC.height();
    private static final int W = SPEC.width();

    private final float[] image = new float[SPEC.imageSize()];
    private final byte[] labels = new byte[SPEC.pixels()];

    @Test
    void aStraightRoadIsMirrorSymmetricAboutTheCentreColumn() {
        ArcRoad road = ArcRoad.straight(500);
        new Camera(SPEC, road, 1).render(road.poseAt(20, 0, 0), 20, 0, 0, image, labels);
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W / 2; c++) {
                assertThat(labels[r * W + W - 1 - c]).as("row %d column %d", r, c).isEqualTo(labels[r * W + c]);
            }
        }
        assertThat(count(Labels.LANE_MARKING)).isGreaterThan(2 * (H - 10));
    }

    @Test
    void laneMarkingsConvergeToTheVanishingPointAtTheHorizonRowOfThePitch() {
        ArcRoad road = ArcRoad.straight(500);
        new Camera(SPEC, road, 1).render(road.poseAt(20, 0, 0), 20, 0, 0, image, labels);
        // Least-squares line through (row centre, gap between the two markings' labelled columns).
        List<double[]> points = new ArrayList<>();
        for (int r = 0; r < H; r++) {
            double left = meanColumn(r, 0, W / 2, Labels.LANE_MARKING);
            double right = meanColumn(r, W / 2, W, Labels.LANE_MARKING);
            if (!Double.isNaN(left) && !Double.isNaN(right) && right - left > 6) {
                points.add(new double[] {r + 0.5, right - left});
            }
        }
        assertThat(points).hasSizeGreaterThan(15);
        double[] line = fit(points);
        double focal = 0.5 * W / Math.tan(0.5 * SPEC.fieldOfView());
        double horizon = 0.5 * H - focal * Math.tan(SPEC.pitch());
        // A ground line at lateral offset L is |u - cx| = L cos(pitch) (v - horizon) / mountHeight from the centre.
        double slope = 2 * ArcRoad.LANE_HALF_WIDTH * Math.cos(SPEC.pitch()) / SPEC.mountHeight();
        assertThat(-line[0] / line[1]).as("row where the markings meet").isCloseTo(horizon, within(0.5));
        assertThat(line[1]).as("widening per row").isCloseTo(slope, within(0.03 * slope));
        for (int c = 0; c < W; c++) {
            assertThat(labels[(int) Math.floor(horizon - 1) * W + c]).as("above the horizon is sky")
                    .isEqualTo(Labels.BACKGROUND);
        }
    }

    @Test
    void markingsAppearWhereAPinholeProjectionOfTheRoadPutsThem() {
        checkMarkings(ArcRoad.straight(500), 20, 0, 0);
        checkMarkings(new ArcRoad(500, 1 / 80.0), 20, 0, 0);
        checkMarkings(new ArcRoad(500, -1 / 80.0), 20, 0, 0);
        checkMarkings(new ArcRoad(500, 1 / 150.0), 30, 0.6, 0.05);
        checkMarkings(ArcRoad.straight(500), 20, -0.7, -0.08);
    }

    @Test
    void aLeftBendShiftsTheFarRoadLeftAndARightBendRight() {
        double straight = roadCentre(ArcRoad.straight(500), 12);
        double left = roadCentre(new ArcRoad(500, 1 / 80.0), 12);
        double right = roadCentre(new ArcRoad(500, -1 / 80.0), 12);
        assertThat(straight).isCloseTo(W / 2.0, within(0.5));
        assertThat(left).isLessThan(straight - 8);
        assertThat(right).isGreaterThan(straight + 8);
        assertThat(left + right).as("mirror images").isCloseTo(2 * straight, within(1.0));
        double leftNear = roadCentre(new ArcRoad(500, 1 / 80.0), H - 1);
        assertThat(leftNear).as("the bend shows more with distance").isGreaterThan(left + 8);
    }

    @Test
    void movingTheCarLeftShiftsTheRoadRight() {
        ArcRoad road = ArcRoad.straight(500);
        Camera camera = new Camera(SPEC, road, 1);
        camera.render(road.poseAt(20, 0.8, 0), 20, 0, 0, image, labels);
        double whenLeft = meanColumn(H - 1, 0, W, Labels.ROAD);
        camera.render(road.poseAt(20, -0.8, 0), 20, 0, 0, image, labels);
        double whenRight = meanColumn(H - 1, 0, W, Labels.ROAD);
        assertThat(whenLeft).isGreaterThan(W / 2.0 + 5);
        assertThat(whenRight).isLessThan(W / 2.0 - 5);
    }

    @Test
    void labelsShowRoadLowInTheMiddleMarkingsOnBothSidesAndSkyAtTheTop() {
        ArcRoad road = ArcRoad.straight(500);
        new Camera(SPEC, road, 1).render(road.poseAt(20, 0, 0), 20, 0, 0, image, labels);
        for (int r = H - 10; r < H; r++) {
            assertThat(labels[r * W + W / 2]).isEqualTo(Labels.ROAD);
            assertThat(meanColumn(r, 0, W / 2, Labels.LANE_MARKING)).isNotNaN();
            assertThat(meanColumn(r, W / 2, W, Labels.LANE_MARKING)).isNotNaN();
        }
        for (int c = 0; c < W; c++) {
            assertThat(labels[c]).isEqualTo(Labels.BACKGROUND);
        }
        int ground = 0;
        for (int i = 0; i < labels.length; i++) {
            ground += i >= 8 * W ? 1 : 0;
        }
        double roadShare = (count(Labels.ROAD) + count(Labels.LANE_MARKING)) / (double) ground;
        assertThat(roadShare).isBetween(0.3, 0.8);
        assertThat(count(Labels.DISTRACTOR)).isZero();
    }

    @Test
    void colourDistinguishesTheClasses() {
        ArcRoad road = ArcRoad.straight(500);
        new Camera(SPEC, road, 1).render(road.poseAt(20, 0, 0), 20, 0, 0, image, labels);
        double[] sky = {image[0], image[1], image[2]};
        double[] tarmac = meanColour(1);
        double[] marking = meanColour(2);
        assertThat(sky[2]).as("sky is blue").isGreaterThan(sky[0] + 0.1);
        assertThat(marking[0]).as("markings are brighter than asphalt").isGreaterThan(tarmac[0] + 0.2);
        int grassPixel = (H - 1) * W;
        assertThat(image[grassPixel * 3 + 1]).as("grass is green").isGreaterThan(image[grassPixel * 3] + 0.05f);
    }

    private void checkMarkings(ArcRoad road, double s, double d, double headingError) {
        Pose pose = road.poseAt(s, d, headingError);
        new Camera(SPEC, road, 1).render(pose, s, 0, 0, image, labels);
        for (double side : new double[] {1, -1}) {
            double[] sum = new double[H];
            int[] n = new int[H];
            // Walk along the marking's centre line and project each point forwards.
            for (double a = s; a < s + 40; a += 0.01) {
                Pose c = road.centreAt(a);
                double wx = c.x() - Math.sin(c.heading()) * side * ArcRoad.LANE_HALF_WIDTH;
                double wy = c.y() + Math.cos(c.heading()) * side * ArcRoad.LANE_HALF_WIDTH;
                double[] uv = project(pose, wx, wy);
                if (uv != null && uv[1] >= 0 && uv[1] < H && uv[0] >= 0 && uv[0] < W) {
                    int row = (int) uv[1];
                    sum[row] += uv[0];
                    n[row]++;
                }
            }
            int checked = 0;
            for (int r = 0; r < H; r++) {
                if (n[r] < 30) {
                    continue; // rows the marking crosses only briefly, near the horizon
                }
                double expected = sum[r] / n[r];
                double seen = nearestCluster(r, expected);
                assertThat(seen).as("%s side %s row %d", road.curvatureAt(0), side, r)
                        .isCloseTo(expected, within(1.0));
                checked++;
            }
            assertThat(checked).isGreaterThan(10);
        }
    }

    /** Forward pinhole projection, written independently of the camera's backward ray casting. */
    private static double[] project(Pose pose, double wx, double wy) {
        double f = 0.5 * W / Math.tan(0.5 * SPEC.fieldOfView());
        double rx = wx - pose.x();
        double ry = wy - pose.y();
        double forward = rx * Math.cos(pose.heading()) + ry * Math.sin(pose.heading());
        double left = -rx * Math.sin(pose.heading()) + ry * Math.cos(pose.heading());
        double up = -SPEC.mountHeight();
        double p = SPEC.pitch();
        double depth = forward * Math.cos(p) - up * Math.sin(p);
        if (depth < 0.5) {
            return null;
        }
        double above = forward * Math.sin(p) + up * Math.cos(p);
        return new double[] {W / 2.0 - f * left / depth, H / 2.0 - f * above / depth};
    }

    /** Mean column of the run of marking pixels nearest to {@code column} in row r. */
    private double nearestCluster(int r, double column) {
        int best = -1;
        for (int c = 0; c < W; c++) {
            if (labels[r * W + c] == Labels.LANE_MARKING && (best < 0 || Math.abs(c + 0.5 - column)
                    < Math.abs(best + 0.5 - column))) {
                best = c;
            }
        }
        if (best < 0) {
            return Double.NaN;
        }
        int lo = best;
        int hi = best;
        while (lo > 0 && labels[r * W + lo - 1] == Labels.LANE_MARKING) {
            lo--;
        }
        while (hi + 1 < W && labels[r * W + hi + 1] == Labels.LANE_MARKING) {
            hi++;
        }
        return 0.5 * (lo + hi) + 0.5;
    }

    private double roadCentre(ArcRoad road, int row) {
        new Camera(SPEC, road, 1).render(road.poseAt(20, 0, 0), 20, 0, 0, image, labels);
        double sum = 0;
        int n = 0;
        for (int c = 0; c < W; c++) {
            byte l = labels[row * W + c];
            if (l == Labels.ROAD || l == Labels.LANE_MARKING) {
                sum += c + 0.5;
                n++;
            }
        }
        return sum / n;
    }

    private double meanColumn(int r, int from, int to, byte label) {
        double sum = 0;
        int n = 0;
        for (int c = from; c < to; c++) {
            if (labels[r * W + c] == label) {
                sum += c + 0.5;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private double[] meanColour(int label) {
        double[] sum = new double[3];
        int n = 0;
        for (int p = 0; p < labels.length; p++) {
            if (labels[p] == label) {
                for (int k = 0; k < 3; k++) {
                    sum[k] += image[p * 3 + k];
                }
                n++;
            }
        }
        for (int k = 0; k < 3; k++) {
            sum[k] /= n;
        }
        return sum;
    }

    private int count(byte label) {
        int n = 0;
        for (byte l : labels) {
            n += l == label ? 1 : 0;
        }
        return n;
    }

    /** Least squares y = a + b x; returns {a, b}. */
    private static double[] fit(List<double[]> points) {
        double mx = 0;
        double my = 0;
        for (double[] p : points) {
            mx += p[0];
            my += p[1];
        }
        mx /= points.size();
        my /= points.size();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : points) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        double b = sxy / sxx;
        return new double[] {my - b * mx, b};
    }
}
