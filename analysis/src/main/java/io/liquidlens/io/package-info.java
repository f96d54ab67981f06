/**
 * Files in and out: numpy {@code .npy}/{@code .npz}, {@code .safetensors} and PyTorch state-dict
 * checkpoints ({@code .pt}), all as {@link io.liquidlens.io.NdArray}; the model folder
 * ({@code model.json} + weights) and rollouts ({@code .npz} episodes) of FORMATS.md; chosen columns of a
 * CSV file of logged steps.
 *
 * <p>One idea: bytes on disk become arrays and back, and a bad file becomes one
 * {@link io.liquidlens.LiquidLensException} naming the file and the problem. Checkpoints are read with a
 * small pickle interpreter of our own that only knows the few globals a state dict needs, so loading a
 * file never runs code from it; a whole pickled module ({@code torch.save(model)}) is read by the same interpreter
 * with classes of ncps and torch.nn as inert {@link io.liquidlens.io.PickledObject}s and numpy arrays rebuilt from
 * their bytes. Writers go through {@link io.liquidlens.io.AtomicFiles} so a failed
 * write never leaves a partial file; copies of inputs read from elsewhere (a URI) go to a
 * {@link io.liquidlens.io.ScratchFolder} of the process, never beside the user's files.
 *
 * <p>May depend on: {@code io.liquidlens} (the exception, the limits, the memory budget), {@code spec} (what a
 * manifest describes) and Jackson. Nothing else in LiquidLens.
 */
package io.liquidlens.io;
