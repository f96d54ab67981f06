/**
 * What a network is, before it has weights: immutable records for the ncps constructor call
 * ({@code LTC(...)} / {@code CfC(...)}), or a conventional baseline's ({@code torch.nn.LSTM}, {@code GRU},
 * {@code RNN}, or a CT-RNN, each with its linear readout), and their JSON form in {@code model.json}.
 *
 * <p>Depends only on {@code io.liquidlens.wiring} (the wiring specs) and Jackson's tree model.
 */
package io.liquidlens.spec;
