/**
 * LiquidLens analysis: the headless core that loads liquid neural networks exactly as ncps computes
 * them and analyses them. Sub-packages follow the data flow files -> io -> model -> sim -> cli.
 * Nothing here imports a UI toolkit.
 */
package io.liquidlens;
