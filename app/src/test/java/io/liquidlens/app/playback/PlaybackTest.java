package io.liquidlens.app.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.workspace.TimeCursor;
import org.junit.jupiter.api.Test;

/** Playback timing, headless: a hand-driven clock instead of the JavaFX pulse. */
class PlaybackTest {
    private final TimeCursor cursor = new TimeCursor();
    private final ManualClock clock = new ManualClock();
    private final Playback playback = new Playback(cursor, clock);

    private void playFromStart(int steps) {
        cursor.reset(steps);
        playback.play();
        clock.frameAfter(16); // the first frame only anchors the run
    }

    @Test
    void oneSecondAtOneTimesSpeedIsThirtyStepsHoweverManyFramesWereDrawn() {
        playFromStart(1000);
        clock.frames(60, 1000);
        int smooth = cursor.step();
        playback.pause();

        TimeCursor other = new TimeCursor();
        ManualClock choppy = new ManualClock();
        Playback slow = new Playback(other, choppy);
        other.reset(1000);
        slow.play();
        choppy.frameAfter(16);
        choppy.frames(4, 1000);

        assertThat(smooth).isEqualTo(30);
        assertThat(other.step()).isEqualTo(30);
    }

    @Test
    void speedScalesTheRate() {
        playback.speedProperty().set(8);
        playFromStart(1000);
        clock.frames(30, 500);
        assertThat(cursor.step()).isEqualTo(120);
        playback.speedProperty().set(0.25);
        clock.frames(30, 1000);
        assertThat(cursor.step()).isEqualTo(127);
    }

    @Test
    void speedIsClampedToTheOfferedRange() {
        playback.speedProperty().set(100);
        assertThat(playback.speedProperty().get()).isEqualTo(8);
        playback.speedProperty().set(0.01);
        assertThat(playback.speedProperty().get()).isEqualTo(0.25);
    }

    @Test
    void pauseStopsTheCursorAndTheClock() {
        playFromStart(1000);
        clock.frames(10, 200);
        playback.pause();
        int at = cursor.step();
        clock.frames(10, 500);
        assertThat(cursor.step()).isEqualTo(at).isEqualTo(6);
        assertThat(clock.running()).isFalse();
        assertThat(playback.isPlaying()).isFalse();
    }

    @Test
    void playbackStopsAtTheLastStep() {
        playFromStart(20);
        clock.frames(120, 2000);
        assertThat(cursor.step()).isEqualTo(19);
        assertThat(playback.isPlaying()).isFalse();
        playback.play();
        assertThat(cursor.step()).as("play at the end starts again").isZero();
    }

    @Test
    void loopingWrapsToTheFirstStep() {
        playback.loopProperty().set(true);
        playFromStart(20);
        clock.frames(50, 1000);
        assertThat(cursor.step()).isEqualTo(10);
        assertThat(playback.isPlaying()).isTrue();
    }

    @Test
    void movingTheCursorWhilePlayingContinuesFromThere() {
        playFromStart(1000);
        clock.frames(10, 1000);
        assertThat(cursor.step()).isEqualTo(30);
        cursor.moveTo(500);
        clock.frameAfter(16); // re-anchors at 500
        clock.frames(10, 1000);
        assertThat(cursor.step()).isEqualTo(530);
    }

    @Test
    void aNewRolloutStopsPlayback() {
        playFromStart(1000);
        clock.frames(3, 100);
        cursor.reset(50);
        assertThat(playback.isPlaying()).isFalse();
        assertThat(cursor.step()).isZero();
    }

    @Test
    void nothingToPlayWithoutARollout() {
        playback.play();
        assertThat(playback.isPlaying()).isFalse();
    }
}
