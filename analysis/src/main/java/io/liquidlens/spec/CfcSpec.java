package io.liquidlens.spec;

/**
 * Options of ncps's {@code CfC} wrapper, with the backbone defaults already resolved: for int units
 * ncps uses 128 backbone units, 1 layer and dropout 0; with a wiring there is no backbone and the three
 * values are 0. {@code projSize} is null when there is no projection layer. {@code activation} is
 * ignored by ncps in wired mode but kept so the JSON round-trips.
 */
public record CfcSpec(Integer projSize, boolean returnSequences, boolean batchFirst, boolean mixedMemory,
                      CfcMode mode, Activation activation, int backboneUnits, int backboneLayers,
                      double backboneDropout) implements CellSpec {
    public static final int DEFAULT_BACKBONE_UNITS = 128;
    public static final int DEFAULT_BACKBONE_LAYERS = 1;

    /** Validates ranges. */
    public CfcSpec {
        if (mode == null || activation == null) {
            throw new IllegalArgumentException("mode/activation must not be null");
        }
        if (projSize != null && projSize < 1) {
            throw new IllegalArgumentException("proj_size must be >= 1, got " + projSize);
        }
        if (backboneLayers < 0) {
            throw new IllegalArgumentException("backbone_layers must be >= 0, got " + backboneLayers);
        }
        if (backboneLayers > 0 && backboneUnits < 1) {
            throw new IllegalArgumentException("backbone_units must be >= 1 with " + backboneLayers
                    + " backbone layers, got " + backboneUnits);
        }
        if (backboneUnits < 0) {
            throw new IllegalArgumentException("backbone_units must be >= 0, got " + backboneUnits);
        }
        if (!(backboneDropout >= 0 && backboneDropout < 1)) {
            throw new IllegalArgumentException("backbone_dropout must be in [0, 1), got " + backboneDropout);
        }
    }

    /** ncps's defaults for {@code CfC(input_size, int_units)}. */
    public static CfcSpec defaults() {
        return new CfcSpec(null, true, true, false, CfcMode.DEFAULT, Activation.LECUN_TANH, DEFAULT_BACKBONE_UNITS,
                DEFAULT_BACKBONE_LAYERS, 0.0);
    }

    /** ncps's defaults for {@code CfC(input_size, wiring)}: no backbone. */
    public static CfcSpec wiredDefaults() {
        return new CfcSpec(null, true, true, false, CfcMode.DEFAULT, Activation.LECUN_TANH, 0, 0, 0.0);
    }

    @Override
    public String ncpsClass() {
        return "CfC";
    }
}
