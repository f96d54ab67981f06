/**
 * Checkpoints written by ncps outside LiquidLens, turned into model folders: what the tensors of a bare state dict
 * say about the network (sizes, mappings, mixed memory, the wiring from the masks; or a conventional baseline's layers
 * and readout, {@link io.liquidlens.checkpoint.BaselineStateDictImport}), what the user must say because no
 * tensor records it ({@code --set KEY=VALUE}, ncps's defaults otherwise, each default reported), what a whole pickled
 * module records (its constructor's attributes, its wiring object, its tensors; {@link
 * io.liquidlens.checkpoint.ModulePickleImport}), and the atomic write of the folder. {@link io.liquidlens.checkpoint.CheckpointImport} is the one entry point, shared by the command
 * line's {@code import} and the workbench's import form.
 *
 * <p>Depends on {@code io.liquidlens.model} (ncps's tensor names), {@code io.liquidlens.spec},
 * {@code io.liquidlens.wiring}, {@code io.liquidlens.io} and {@code io.liquidlens.provenance}.
 */
package io.liquidlens.checkpoint;
