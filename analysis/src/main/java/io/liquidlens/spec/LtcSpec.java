package io.liquidlens.spec;

/**
 * Options of ncps's {@code LTC} wrapper. Defaults are the wrapper's, not {@code LTCCell}'s: in
 * particular {@code implicit_param_constraints} defaults to true here (docs/NCPS.md#positive-parameters).
 */
public record LtcSpec(boolean returnSequences, boolean batchFirst, boolean mixedMemory, Mapping inputMapping,
                      Mapping outputMapping, int odeUnfolds, double epsilon, boolean implicitParamConstraints)
        implements CellSpec {

    /** Validates the values ncps would reject or that make the solver meaningless. */
    public LtcSpec {
        if (inputMapping == null || outputMapping == null) {
            throw new IllegalArgumentException("input_mapping/output_mapping must not be null (use Mapping.NONE)");
        }
        if (odeUnfolds < 1) {
            throw new IllegalArgumentException("ode_unfolds must be >= 1, got " + odeUnfolds);
        }
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and >= 0, got " + epsilon);
        }
    }

    /** ncps's defaults for {@code LTC(input_size, units)}. */
    public static LtcSpec defaults() {
        return new LtcSpec(true, true, false, Mapping.AFFINE, Mapping.AFFINE, 6, 1e-8, true);
    }

    @Override
    public String ncpsClass() {
        return "LTC";
    }
}
