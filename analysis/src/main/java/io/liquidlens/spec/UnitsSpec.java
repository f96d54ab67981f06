package io.liquidlens.spec;

import io.liquidlens.wiring.WiringSpec;

/** ncps's {@code units} argument: an int (a dense network) or a wiring. */
public sealed interface UnitsSpec permits UnitsSpec.Dense, UnitsSpec.Wired {

    /** {@code units=<int>}: LTC gets {@code FullyConnected(units)}, CfC a dense cell with a backbone. */
    record Dense(int units) implements UnitsSpec {
        /** Validates the size. */
        public Dense {
            if (units < 1) {
                throw new IllegalArgumentException("units must be >= 1, got " + units);
            }
        }
    }

    /** {@code units=<Wiring>}. */
    record Wired(WiringSpec wiring) implements UnitsSpec {
        /** Validates non-null. */
        public Wired {
            if (wiring == null) {
                throw new IllegalArgumentException("wiring must not be null");
            }
        }
    }
}
