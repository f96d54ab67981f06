/**
 * Wirings: which neuron of a liquid network feeds which, with what polarity, and what role each neuron
 * plays, regenerated bit-exactly as the Python {@code ncps} library builds them from a constructor call and
 * a seed.
 *
 * <p>A {@link io.liquidlens.wiring.WiringSpec} is the ncps constructor call; {@code build(inputDim)} turns
 * it into an immutable {@link io.liquidlens.wiring.Wiring}. Reproducing ncps needs numpy's two random
 * generators, implemented here: {@link io.liquidlens.wiring.Mt19937RandomState} (legacy
 * {@code RandomState}, for NCP and AutoNCP) and {@link io.liquidlens.wiring.Pcg64Generator}
 * ({@code default_rng}, for FullyConnected and Random).
 *
 * <p>Depends only on the JDK.
 */
package io.liquidlens.wiring;
