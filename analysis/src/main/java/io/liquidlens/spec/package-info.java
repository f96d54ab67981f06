/**
 * What a liquid network is, before it has weights: immutable records for the ncps constructor call
 * ({@code LTC(...)} / {@code CfC(...)}) and its JSON form in {@code model.json}.
 *
 * <p>Depends only on {@code io.liquidlens.wiring} (the wiring specs) and Jackson's tree model.
 */
package io.liquidlens.spec;
