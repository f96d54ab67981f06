package io.liquidlens.grad;

import io.liquidlens.model.StateDictLayout;
import io.liquidlens.model.StateDictLayout.CfcLayout;
import java.util.List;

/**
 * ncps's {@code WiredCfCCell} (docs/NCPS.md#wired-cfc) in double precision with a tape: one masked {@link CfcCellGrad}
 * without backbone per wiring layer, each fed by the previous layer's new state; the output is the last
 * layer's state. Bug-compatible like the float {@code WiredCfcCell} (docs/NCPS.md#wired-cfc): recurrence inside
 * a layer is fully connected, polarities and the time heads' masks are ignored, the state is layer by layer,
 * and a single-layer wiring outputs all its units.
 *
 * <p>Tape per step: the new state (so that backward knows each layer's input) followed by the layers'
 * tapes. In backward the gradient reaching layer l's new state is what arrives from the future plus what
 * layer l+1 sends back through its input.
 */
public final class WiredCfcCellGrad implements CellGrad {
    private final int input;
    private final int units;
    private final CfcCellGrad[] layers;
    private final int[] stateOff;
    private final int[] tapeOff;
    private final int tapeSize;
    private final int layerScratch;
    private final int maxHidden;

    private WiredCfcCellGrad(List<CfcLayout> layouts, ParamSet params) {
        layers = new CfcCellGrad[layouts.size()];
        stateOff = new int[layers.length + 1];
        tapeOff = new int[layers.length];
        int state = 0;
        int scratch = 0;
        int maxH = 0;
        for (int l = 0; l < layers.length; l++) {
            layers[l] = CfcCellGrad.of(layouts.get(l), params);
            stateOff[l] = state;
            state += layers[l].stateSize();
            scratch = Math.max(scratch, layers[l].scratchSize());
            maxH = Math.max(maxH, layers[l].stateSize());
        }
        stateOff[layers.length] = state;
        units = state;
        input = layers[0].inputSize();
        int tape = units;
        for (int l = 0; l < layers.length; l++) {
            tapeOff[l] = tape;
            tape += layers[l].tapeSize();
        }
        tapeSize = tape;
        layerScratch = scratch;
        maxHidden = maxH;
    }

    /**
     * The wired cell of the layers {@code layouts} ({@link StateDictLayout#wiredCfc}), reading their tensors from
     * {@code params}.
     *
     * @throws IllegalArgumentException naming the tensor when one is missing or has another shape
     */
    public static WiredCfcCellGrad of(List<CfcLayout> layouts, ParamSet params) {
        return new WiredCfcCellGrad(layouts, params);
    }

    @Override
    public int inputSize() {
        return input;
    }

    @Override
    public int stateSize() {
        return units;
    }

    @Override
    public int outputSize() {
        return layers[layers.length - 1].stateSize();
    }

    @Override
    public int tapeSize() {
        return tapeSize;
    }

    @Override
    public int scratchSize() {
        return layerScratch + 2 * maxHidden;
    }

    @Override
    public void prepare(double[] values) {
        for (CfcCellGrad c : layers) {
            c.prepare(values);
        }
    }

    @Override
    public void forward(double[] values, double[] x, int xo, double dt, double[] h, int ho, double[] hNext, int hno,
                        double[] y, int yo, double[] tape, int to, double[] scratch) {
        double[] in = x;
        int io = xo;
        for (int l = 0; l < layers.length; l++) {
            int so = stateOff[l];
            layers[l].forward(values, in, io, dt, h, ho + so, hNext, hno + so, null, 0, tape, to + tapeOff[l], scratch);
            System.arraycopy(hNext, hno + so, tape, to + so, layers[l].stateSize());
            in = tape; // the copy on the tape, so that hNext may alias h
            io = to + so;
        }
        if (y != null) {
            int last = layers.length - 1;
            System.arraycopy(tape, to + stateOff[last], y, yo, layers[last].stateSize());
        }
    }

    @Override
    public void backward(double[] values, double[] dy, int dyo, double[] dhNext, int dhno, double[] x, int xo,
                         double dt, double[] h, int ho, double[] tape, int to, double[] dx, int dxo, double[] dh,
                         int dho, double[] grad, double[] scratch) {
        int gsum = layerScratch;
        int dxBuf = layerScratch + maxHidden;
        int last = layers.length - 1;
        for (int l = last; l >= 0; l--) {
            int so = stateOff[l];
            int hl = layers[l].stateSize();
            double[] in = l == 0 ? x : tape;
            int io = l == 0 ? xo : to + stateOff[l - 1];
            double[] outArr = l == 0 ? dx : scratch;
            int outOff = l == 0 ? dxo : dxBuf;
            if (l == last) {
                layers[l].backward(values, dy, dyo, dhNext, dhno + so, in, io, dt, h, ho + so, tape, to + tapeOff[l],
                        outArr, outOff, dh, dho + so, grad, scratch);
            } else {
                // layer l's new state fed layer l+1: add what came back through that input
                for (int j = 0; j < hl; j++) {
                    scratch[gsum + j] = dhNext[dhno + so + j] + scratch[dxBuf + j];
                }
                layers[l].backward(values, null, 0, scratch, gsum, in, io, dt, h, ho + so, tape, to + tapeOff[l],
                        outArr, outOff, dh, dho + so, grad, scratch);
            }
        }
    }
}
