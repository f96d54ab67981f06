package io.liquidlens.wiring;

/**
 * How a wiring is made: the ncps constructor call, before it is built for an input size. Building
 * regenerates the wiring bit-exactly as ncps does from the same arguments and seed.
 */
public sealed interface WiringSpec
        permits AutoNcpSpec, NcpSpec, FullyConnectedSpec, RandomSpec, ExplicitWiringSpec {

    /** The ncps class name ({@code "AutoNCP"}, {@code "NCP"}, ...). */
    String ncpsClass();

    /** Builds the wiring for {@code inputDim} input features, as ncps's {@code wiring.build(input_dim)}. */
    Wiring build(int inputDim);

    /**
     * The wiring ncps holds when one wiring object was built twice (for example passed to two models):
     * ncps keeps the generator in the object, so the second build continues its stream and adds synapses
     * (docs/NCPS.md#building-a-wiring-twice). LiquidLens never builds this way for computing; it serves to recognise
     * checkpoints that were saved from such a wiring. Implemented for NCP and AutoNCP, the seeded wirings users build
     * and reuse; the others return {@link #build(int)}.
     */
    default Wiring buildTwice(int inputDim) {
        return build(inputDim);
    }
}
