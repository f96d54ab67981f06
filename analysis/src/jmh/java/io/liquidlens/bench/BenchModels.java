package io.liquidlens.bench;

import io.liquidlens.io.NdArray;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.spec.CfcSpec;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.train.NcpsInit;
import io.liquidlens.wiring.AutoNcpSpec;
import io.liquidlens.wiring.Wiring;
import java.util.Map;
import java.util.Random;

/**
 * Benchmark models: ncps's AutoNCP(19, 1) wiring on 32 inputs (inter 11, command 7, motor 1) with
 * random weights in ncps's initialisation ranges, all from fixed seeds.
 *
 */
final class BenchModels {
    static final int INPUTS = 32;
    private static final int MOTOR = 1;
    private static final int UNITS = 19;

    private BenchModels() {
    }

    /** The AutoNCP(19, 1) wiring ncps builds for 32 inputs with its default seed. */
    static Wiring autoNcp() {
        return new AutoNcpSpec(UNITS, MOTOR, 0.5, 22222).build(INPUTS);
    }

    static ModelSpec ltcSpec() {
        return new ModelSpec(INPUTS, new UnitsSpec.Wired(new AutoNcpSpec(UNITS, MOTOR, 0.5, 22222)), LtcSpec.defaults());
    }

    static ModelSpec cfcSpec() {
        return new ModelSpec(INPUTS, new UnitsSpec.Wired(new AutoNcpSpec(UNITS, MOTOR, 0.5, 22222)),
                CfcSpec.wiredDefaults());
    }

    static LiquidModel ltc(Wiring w, long seed) {
        return LiquidModel.fromStateDict(ltcSpec(), w, ltcStateDict(w, seed));
    }

    /** ncps-style initial weights (ncps's distributions, from the seed) for the LTC on {@code w}. */
    static Map<String, NdArray> ltcStateDict(Wiring w, long seed) {
        return NcpsInit.initialStateDict(ltcSpec(), w, seed);
    }

    static LiquidModel wiredCfc(Wiring w, long seed) {
        return LiquidModel.fromStateDict(cfcSpec(), w, NcpsInit.initialStateDict(cfcSpec(), w, seed));
    }

    static NdArray inputs(long seed, int batch, int steps) {
        Random rng = new Random(seed);
        float[] x = new float[batch * steps * INPUTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return NdArray.ofFloats(new int[] {batch, steps, INPUTS}, x);
    }
}
