package io.liquidlens.app.traces;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The charts' window: whole for short recordings, zoom about a step, pan inside the recording, follow the cursor. */
class TimeWindowTest {

    @Test
    void aShortRecordingIsShownWholeALongOneOpensAroundTheCursor() {
        TimeWindow w = new TimeWindow();
        w.reset(1200, 700);
        assertThat(w.whole()).isTrue();

        w.reset(1_000_000, 400_000);
        assertThat(w.width()).isEqualTo(TimeWindow.FIRST_WIDTH);
        assertThat(w.from()).isEqualTo(400_000 - TimeWindow.FIRST_WIDTH / 10);
        w.reset(1_000_000, 999_990);
        assertThat(w.to()).as("kept inside the recording").isEqualTo(1_000_000);
    }

    @Test
    void zoomKeepsTheStepUnderThePointerWhereItIsAndStopsAtTheLimits() {
        TimeWindow w = new TimeWindow();
        w.reset(1000, 0);

        assertThat(w.zoom(0.5, 250)).isTrue();
        assertThat(w.from()).isEqualTo(125);
        assertThat(w.to()).isEqualTo(625);
        w.zoom(1e-6, 300);
        assertThat(w.width()).isEqualTo(TimeWindow.MIN_WIDTH);
        w.zoom(1e6, 300);
        assertThat(w.whole()).isTrue();
        assertThat(w.zoom(2, 300)).as("nothing more to show").isFalse();
    }

    @Test
    void panningStaysInsideTheRecordingAndTheCursorIsFollowed() {
        TimeWindow w = new TimeWindow();
        w.reset(1000, 0);
        w.zoom(0.1, 0);
        assertThat(w.moveTo(-50)).isFalse();
        assertThat(w.moveTo(5000)).isTrue();
        assertThat(w.to()).isEqualTo(1000);

        assertThat(w.follow(950)).isFalse();
        assertThat(w.follow(100)).isTrue();
        assertThat(w.from()).isEqualTo(50);
        assertThat(w.follow(150)).isTrue();
        assertThat(w.from()).as("run off forwards: a tenth of the window behind").isEqualTo(140);
    }
}
