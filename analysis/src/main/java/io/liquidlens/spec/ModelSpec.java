package io.liquidlens.spec;

import io.liquidlens.Limits;
import io.liquidlens.wiring.ExplicitWiringSpec;
import io.liquidlens.wiring.FullyConnectedSpec;
import io.liquidlens.wiring.RandomSpec;
import io.liquidlens.wiring.WiringSpec;

/**
 * A whole ncps model call: {@code LTC(input_size, units, ...)} or {@code CfC(input_size, units, ...)}; or a
 * baseline's, whose units are its hidden units per layer. The compact constructor applies the checks ncps (or
 * torch) makes when it builds the model.
 */
public record ModelSpec(int inputSize, UnitsSpec units, CellSpec cell) {

    /** Validates the combination as ncps does. */
    public ModelSpec {
        if (inputSize < 1) {
            throw new IllegalArgumentException("input_size must be >= 1, got " + inputSize);
        }
        if (units == null || cell == null) {
            throw new IllegalArgumentException("units and cell must not be null");
        }
        if (cell instanceof BaselineSpec baseline) {
            if (!(units instanceof UnitsSpec.Dense dense)) {
                throw new IllegalArgumentException(baseline.ncpsClass() + " takes a number of hidden units, not a"
                        + " wiring");
            }
            Limits.atMost(baseline.ncpsClass() + ": hidden units x layers", (long) dense.units() * baseline.layers(),
                    Limits.UNITS);
        }
        if (cell instanceof CfcSpec cfc && units instanceof UnitsSpec.Wired wired) {
            if (cfc.backboneLayers() != 0 || cfc.backboneUnits() != 0 || cfc.backboneDropout() != 0) {
                throw new IllegalArgumentException("backbone_units/backbone_layers/backbone_dropout cannot be used"
                        + " with a wiring (ncps raises ValueError)");
            }
            if (cfc.projSize() != null && singleLayerWithHiddenNeurons(wired.wiring())) {
                // ncps: a single-layer wired CfC outputs all units but sizes fc by output_dim (docs/NCPS.md#wired-cfc)
                throw new IllegalArgumentException("proj_size cannot be used with a single-layer wiring whose output_dim"
                        + " is smaller than its units (ncps fails with a shape error)");
            }
        }
        if (units instanceof UnitsSpec.Wired wired && wired.wiring() instanceof ExplicitWiringSpec explicit
                && explicit.sensoryAdjacency() != null && explicit.sensoryAdjacency().length != inputSize) {
            throw new IllegalArgumentException("sensory_adjacency_matrix has " + explicit.sensoryAdjacency().length
                    + " rows but input_size is " + inputSize);
        }
    }

    private static boolean singleLayerWithHiddenNeurons(WiringSpec w) {
        if (w instanceof FullyConnectedSpec fc) {
            return fc.outputDim() != null && fc.outputDim() < fc.units();
        }
        if (w instanceof RandomSpec r) {
            return r.outputDim() != null && r.outputDim() < r.units();
        }
        if (w instanceof ExplicitWiringSpec e) {
            // with an NCP's layers the motor neurons are a layer of their own, as in NCP and AutoNCP
            return e.layers() == null && e.outputDim() < e.adjacency().length;
        }
        return false; // NCP and AutoNCP have three layers
    }

    /** The wiring spec when units is a wiring, else null. */
    public WiringSpec wiringSpec() {
        return units instanceof UnitsSpec.Wired w ? w.wiring() : null;
    }
}
