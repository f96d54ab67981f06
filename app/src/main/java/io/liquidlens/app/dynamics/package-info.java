/**
 * The Dynamics tab: what the neurons do over time, for the loaded model and rollout, as the NCP paper reads it
 * (docs/ANALYSES.md): the PC1-PC2 trajectory, the scree of the components' shares, the drive on the map of the
 * sample world coloured by the selected neuron's state or time constant (or PC1), and the neuron against the
 * network's output by steering class, each with the time cursor's point marked. Every number comes from the analysis
 * module's {@code io.liquidlens.dynamics} ({@code Dynamics.analyse}, as {@code liquidlens dynamics} runs it, as one
 * background task through {@code app.task}); the steering classes are the Tree tab's left / straight / right rule
 * ({@code LabelBins}). A cursor move only moves the marks, nodes laid over the charts.
 *
 * <p>Depends on {@code app.workspace} and {@code app.task} and, of {@code analysis}, {@code dynamics},
 * {@code tree}, {@code model}, {@code sim} and {@code io}.
 */
package io.liquidlens.app.dynamics;
