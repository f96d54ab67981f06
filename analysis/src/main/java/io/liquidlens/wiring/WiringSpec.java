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
}
