/**
 * How a result was made: the LiquidLens version, every input file with its SHA-256, the options and
 * the platform, written beside every output so that it can be checked and rerun. Depends on nothing
 * else in LiquidLens.
 */
package io.liquidlens.provenance;
