/**
 * Playing a rollout: {@link io.liquidlens.app.playback.Playback} moves the workspace's time cursor at a chosen speed
 * from a frame clock (a JavaFX {@code AnimationTimer}; tests drive a manual clock), {@link
 * io.liquidlens.app.playback.PlaybackBar} is the toolbar with the scrubber, and the probe classes measure how smoothly
 * the window plays and how fast a scrub is redrawn (the README's playback figures). Depends on {@code app.workspace}
 * and, of {@code analysis}, {@code model} and {@code sim}.
 */
package io.liquidlens.app.playback;
