package io.liquidlens.wiring;

/**
 * A wiring given by its matrices (ncps's base {@code Wiring} with {@code adjacency_matrix} and
 * {@code sensory_adjacency_matrix}). Roles as ncps's base class assigns them: motor for ids below
 * outputDim, inter otherwise; one layer.
 */
public record ExplicitWiringSpec(int outputDim, int[][] adjacency, int[][] sensoryAdjacency) implements WiringSpec {

    @Override
    public String ncpsClass() {
        return "Wiring";
    }

    @Override
    public Wiring build(int inputDim) {
        throw new UnsupportedOperationException("not yet");
    }
}
