/**
 * File > Import checkpoint...: a checkpoint ncps wrote (a bare state dict or a whole pickled module, which needs no
 * setting) turned into a model folder from the workbench, as {@code liquidlens import} does. {@link io.liquidlens.app.importing.ImportFormViewModel} reads the
 * checkpoint with the analysis module's {@code CheckpointImport.inspect}, offers each setting no tensor records with
 * ncps's default marked as assumed, takes the inputs' names and roles, and writes the folder with {@code
 * CheckpointImport.write}, both as background tasks through {@code app.task};
 * {@link io.liquidlens.app.importing.ImportFormDialog} is the form over it. Nothing here infers anything. Depends on
 * {@code app.task} and, of {@code analysis}, {@code checkpoint}, {@code spec} and {@code io}.
 */
package io.liquidlens.app.importing;
