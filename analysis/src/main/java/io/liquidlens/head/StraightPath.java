package io.liquidlens.head;

/**
 * The sum of the head's input gradients at points {@code from + alpha (to - from)} of the straight line between two
 * frames, for as many alphas as asked: the sum integrated gradients needs. The first layer is a convolution, which
 * is linear, so this does its work once for the whole path instead of once per point: its output at a point is
 * {@code u + alpha v} with {@code u = conv(from) + bias} and {@code v = conv(to - from)} (two convolutions), and
 * because the input gradient is the transposed convolution of the first layer's output gradient, the sum over the
 * points is one transposed convolution of the summed output gradients. The later layers run point by point in
 * batches, as {@link BatchedInputGradient} runs them, in float32.
 *
 * <p>Made by {@link BatchedInputGradient#path}; it uses that batch's buffers, so one thread uses one path at a time.
 */
public final class StraightPath {
    private final BatchedInputGradient head;
    private final BatchedInputGradient.Batch batch;
    private final float[] weights;
    private final float[] start;
    private final float[] direction;
    private final double[] gradientSum;

    StraightPath(BatchedInputGradient head, double[] values, double[] from, double[] to, BatchedInputGradient.Batch batch) {
        if (from.length != to.length) {
            throw new IllegalArgumentException("the path's ends hold " + from.length + " and " + to.length + " values");
        }
        this.head = head;
        this.batch = batch;
        this.weights = batch.weights(values);
        double[] step = new double[to.length];
        for (int i = 0; i < step.length; i++) {
            step[i] = to[i] - from[i];
        }
        start = head.firstLayer(weights, from, true, batch);
        direction = head.firstLayer(weights, step, false, batch);
        gradientSum = new double[head.firstOutputSize()];
    }

    /** Most points one {@link #forward} takes: the batch's capacity. */
    public int capacity() {
        return batch.capacity();
    }

    /**
     * The points at {@code alphas[offset..offset + count)} forward: writes point b's features to
     * {@code features[b * head.outputSize()..]} and keeps what {@link #backwardAdd} needs.
     */
    public void forward(double[] alphas, int offset, int count, double[] features) {
        batch.check(head, count);
        int size = start.length;
        float[] first = batch.act[1];
        for (int b = 0; b < count; b++) {
            float alpha = (float) alphas[offset + b];
            int base = b * size;
            for (int j = 0; j < size; j++) {
                first[base + j] = start[j] + alpha * direction[j];
            }
        }
        batch.count = count;
        head.runLayers(1, count, weights, batch);
        float[] out = batch.act[batch.act.length - 1];
        for (int j = 0; j < count * head.outputSize(); j++) {
            features[j] = out[j];
        }
    }

    /** Adds the input gradients of the points last run {@link #forward}, given dL/d(features) of each, to the sum. */
    public void backwardAdd(double[] dFeatures) {
        float[] grads = head.backwardTo(1, dFeatures, null, true, batch);
        int size = gradientSum.length;
        for (int b = 0; b < batch.count; b++) {
            int base = b * size;
            for (int j = 0; j < size; j++) {
                gradientSum[j] += grads[base + j];
            }
        }
    }

    /** dL/d(frame) summed over every point added so far, in (H, W, C) order. */
    public double[] inputGradientSum() {
        float[] dy = new float[gradientSum.length];
        for (int j = 0; j < dy.length; j++) {
            dy[j] = (float) gradientSum[j];
        }
        return head.firstLayerBackward(weights, dy, batch);
    }
}
