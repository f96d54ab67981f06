/**
 * The workbench's shared state, which every view follows: the loaded model and rollout and the model's activity over it
 * ({@link io.liquidlens.app.workspace.WorkspaceViewModel}; the background half of opening and clamping is {@link
 * io.liquidlens.app.workspace.WorkspaceLoading}, which builds a whole {@link
 * io.liquidlens.app.workspace.WorkspaceState} to swap in), the one time cursor ({@link
 * io.liquidlens.app.workspace.TimeCursor}), the neuron selection, clamped neurons ({@link
 * io.liquidlens.app.workspace.NeuronClamps}), whether a model fits a rollout ({@link
 * io.liquidlens.app.workspace.ModelFit}, {@link io.liquidlens.app.workspace.PairFit}) and what to offer when they
 * do not ({@link io.liquidlens.app.workspace.FittingPairs}, {@link io.liquidlens.app.workspace.SampleFolders}, shown
 * as a {@link io.liquidlens.app.workspace.Notice}), recent files and pairs, and the model panel's summary. Depends
 * on {@code app.task} and, of {@code analysis}, {@code model}, {@code sim}, {@code io}, {@code head} and {@code
 * wiring}; view models here hold no controls.
 */
package io.liquidlens.app.workspace;
