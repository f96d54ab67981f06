package io.liquidlens.app;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Runs a short follow-up on the JavaFX thread at its next frame, after the events already queued: what a window
 * manager answers to a window being shown or unmaximised arrives in between, and the follow-up must come after it.
 * Never for long work (that runs as a task).
 */
final class NextPulse {
    private NextPulse() {
    }

    static void run(Runnable followUp) {
        // a zero pause would run at once; one millisecond waits for the next frame
        PauseTransition pause = new PauseTransition(Duration.ONE);
        pause.setOnFinished(e -> followUp.run());
        pause.play();
    }
}
