package io.liquidlens.model;

/**
 * Scratch space for {@link LiquidModel#step}: allocate one per thread with
 * {@link LiquidModel#newBuffers()} and reuse it for every step.
 */
public final class StepBuffers {
    final float[] cell;
    final float[] lstm;
    final float[] cellOut;

    StepBuffers(int cellScratch, int lstmScratch, int cellOutput) {
        this.cell = new float[cellScratch];
        this.lstm = new float[lstmScratch];
        this.cellOut = new float[cellOutput];
    }
}
