/**
 * Reverse mode through liquid networks, in double precision: each cell runs its forward step with a
 * tape of intermediates and its backward step from that tape, and {@code SequenceGradient} drives
 * backpropagation through time over a whole sequence (mixed-memory LSTM, cell, projection, and the
 * perception head). Gradients with respect to inputs, the initial state and every parameter.
 *
 * <p>Why double, beside the float32 simulator of {@code model}: gradients are checked against central
 * finite differences, which need double precision to be meaningful, and training accumulates many small
 * updates. The float32 path stays the ncps-exact, fast way to simulate; tests tie the two together. The one
 * exception is a camera model's head while it trains ({@code FrameSequenceGradient.forTraining}): its convolutions
 * are most of the work, and it runs in float32 over each window's frames together, as torch trains it, its
 * gradients summed into the double vector and tested against the double head's.
 *
 * <p>Parameters live in one flat vector ({@link io.liquidlens.grad.ParamSet}): each is a
 * {@link io.liquidlens.model.Tensor} of {@link io.liquidlens.model.StateDictLayout} (its ncps state-dict key and
 * shape) at an offset, so gradients, Adam and checkpoints all work on the same layout and the cells find their
 * tensors by the names the float model uses. Used by {@code train}, {@code causal} (saliency) and
 * {@code cli}. Depends on {@code io}, {@code spec}, {@code wiring}, {@code model} and
 * {@code head} (the camera models' perception head).
 */
package io.liquidlens.grad;
