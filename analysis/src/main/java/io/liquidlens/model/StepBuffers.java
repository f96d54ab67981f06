package io.liquidlens.model;

import io.liquidlens.head.PerceptionHead;

/**
 * Scratch space for {@link LiquidModel#step}: allocate one per thread with
 * {@link LiquidModel#newBuffers()} and reuse it for every step.
 */
public final class StepBuffers {
    final float[] cell;
    final float[] lstm;
    final float[] cellOut;
    /** The head's per-thread buffers and its output (the cell's input), or null without a head. */
    final PerceptionHead.Workspace head;
    final float[] features;

    StepBuffers(int cellScratch, int lstmScratch, int cellOutput, PerceptionHead perception) {
        this.cell = new float[cellScratch];
        this.lstm = new float[lstmScratch];
        this.cellOut = new float[cellOutput];
        this.head = perception == null ? null : perception.newWorkspace();
        this.features = perception == null ? null : new float[perception.outputSize()];
    }

    /** The head's features of the last step (the cell's inputs), or null without a head. */
    public float[] features() {
        return features;
    }

    /** The head's activations of the last step (for saliency views), or null without a head. */
    public PerceptionHead.Workspace headWorkspace() {
        return head;
    }
}
