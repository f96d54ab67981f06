/**
 * What the network sees at the time cursor: the camera frame scaled up with crisp pixels and, on demand, the sample
 * world's label map over it ({@link io.liquidlens.app.input.InputFrameView}, pixels made by {@link
 * io.liquidlens.app.input.FramePixels} without JavaFX so they can be checked alone), or a vector model's inputs as
 * bars; and the world values line under it ({@link io.liquidlens.app.input.WorldLine}). Depends on {@code
 * app.workspace}, {@code app.task}, {@code app.export} and {@code app.traces} (the column names) and, of {@code
 * analysis}, {@code io} and {@code model}.
 */
package io.liquidlens.app.input;
