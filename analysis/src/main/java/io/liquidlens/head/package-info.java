/**
 * The convolutional perception head in front of a liquid network for image inputs (the NCP paper's
 * camera frames -> conv layers -> 32 features): its description ({@link io.liquidlens.head.HeadSpec},
 * the {@code head} object of {@code model.json}), a float32 forward for simulation
 * ({@link io.liquidlens.head.PerceptionHead}), a double-precision forward with a tape plus backward
 * pass for reverse mode ({@link io.liquidlens.head.HeadGrad}), and float32 passes over batches of frames for
 * attributions and training ({@link io.liquidlens.head.BatchedInputGradient}).
 *
 * <p>One idea: images arrive as rollouts hold them, (H, W, C) per frame, and are turned into torch's
 * (C, H, W) layout at the edge, so weights, flattening order and tensor names are exactly those of a
 * torch {@code nn.Sequential} of {@code Conv2d}/{@code ReLU}/{@code Flatten}/{@code Linear} layers.
 *
 * <p>Parameters are addressed by tensor name: the double path reads them from, and accumulates
 * gradients into, flat vectors at offsets the caller resolves (a {@code grad.ParamSet} layout), so this
 * package needs nothing from {@code grad} or {@code model}. Depends on {@code io.liquidlens.io}
 * ({@code NdArray}) and Jackson's tree model only.
 */
package io.liquidlens.head;
