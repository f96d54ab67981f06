package io.liquidlens.lanekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The car drives exact arcs; the expert keeps it in the lane; DART noise pushes it out and the expert recovers. */
class CarAndExpertTest {

    @Test
    void constantCurvatureDrivesACircleOfRadiusOneOverKappa() {
        Car car = new Car(CarSpec.defaults());
        double kappa = 0.05;
        Pose start = new Pose(3, -2, 0.4);
        // the centre lies 1/kappa to the left of the start
        double cx = start.x() - Math.sin(start.heading()) / kappa;
        double cy = start.y() + Math.cos(start.heading()) / kappa;
        Pose p = start;
        int steps = (int) Math.round(2 * Math.PI / kappa / car.spec().stepLength());
        for (int i = 0; i < steps; i++) {
            p = car.advance(p, kappa);
            assertThat(Math.hypot(p.x() - cx, p.y() - cy)).isCloseTo(1 / kappa, within(1e-9));
        }
        // one lap of 2 pi r metres, 1 m per step, ends near where it started
        assertThat(Math.hypot(p.x() - start.x(), p.y() - start.y())).isLessThan(car.spec().stepLength());
        assertThat(p.heading() - start.heading()).isCloseTo(kappa * steps * car.spec().stepLength(), within(1e-12));
    }

    @Test
    void zeroCurvatureDrivesStraightAndTheSteeringLimitClamps() {
        Car car = new Car(CarSpec.defaults());
        Pose p = car.advance(new Pose(0, 0, Math.PI / 2), 0);
        assertThat(p.x()).isCloseTo(0, within(1e-12));
        assertThat(p.y()).isCloseTo(1.0, within(1e-12));
        assertThat(car.executable(5)).isEqualTo(CarSpec.defaults().maxCurvature());
        assertThat(car.executable(-5)).isEqualTo(-CarSpec.defaults().maxCurvature());
    }

    @Test
    void theExpertKeepsTheCarNearTheCentreFor1000StepsOnSeveralRoads() {
        Episode episode = new Episode(EpisodeOptions.defaults(1000), new VectorSensor(0, 0, 0));
        for (int i = 0; i < 6; i++) {
            EpisodeMetrics m = episode.run(EpisodeSeeds.episodeSeed(99, i, true), new ExpertDriver(), false).metrics();
            assertThat(m.crashes()).as("crashes, episode %d", i).isZero();
            assertThat(m.meanAbsD()).as("mean |d|, episode %d", i).isLessThan(0.05);
            assertThat(m.maxAbsD()).as("max |d|, episode %d", i).isLessThan(0.6);
            assertThat(m.meanAbsActionError()).isZero();
        }
    }

    @Test
    void dartEpisodesLeaveTheCentreAndTheExpertsLabelsBringTheCarBack() {
        Episode clean = new Episode(EpisodeOptions.defaults(600), new VectorSensor(0, 0, 0));
        Episode dart = new Episode(EpisodeOptions.defaults(600).withDart(0.02), new VectorSensor(0, 0, 0));
        long seed = EpisodeSeeds.episodeSeed(3, 0, false);
        EpisodeResult pushed = dart.run(seed, new ExpertDriver(), true);
        EpisodeMetrics calm = clean.run(seed, new ExpertDriver(), false).metrics();
        float[] world = pushed.rollout().world().toFloatArray();
        int k = Episode.WORLD_NAMES.size();
        int dLane = Episode.WORLD_NAMES.indexOf("d_lane");
        int expert = Episode.WORLD_NAMES.indexOf("expert_action");
        int executed = Episode.WORLD_NAMES.indexOf("executed_action");
        float[] actions = pushed.rollout().actions().toFloatArray();
        int recoveries = 0;
        int far = 0;
        for (int t = 0; t < 600; t++) {
            double d = world[t * k + dLane];
            // the recorded action is the expert's intention, not what the noisy car did
            assertThat(actions[t]).isEqualTo(world[t * k + expert]);
            if (Math.abs(d) > 0.2) {
                far++;
                // away from the centre the expert steers back towards it (left of centre: turn right)
                double correction = actions[t] - world[t * k + Episode.WORLD_NAMES.indexOf("kappa")];
                if (Math.signum(correction) == -Math.signum(d)) {
                    recoveries++;
                }
            }
        }
        assertThat(pushed.metrics().meanAbsD()).as("DART moves the car").isGreaterThan(3 * calm.meanAbsD());
        assertThat(far).as("steps far from the centre").isGreaterThan(20);
        assertThat(recoveries).as("corrections towards the centre").isGreaterThan(far * 3 / 4);
        assertThat(pushed.metrics().crashes()).isLessThanOrEqualTo(2);
        double maxNoise = 0;
        for (int t = 0; t < 600; t++) {
            maxNoise = Math.max(maxNoise, Math.abs(world[t * k + executed] - world[t * k + expert]));
        }
        assertThat(maxNoise).as("the executed action differs from the intended one").isGreaterThan(0.01);
    }
}
