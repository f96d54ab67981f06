/**
 * The {@code liquidlens} command line (picocli). Each command parses its options, calls one service of
 * the library and writes its output; this is the only package that prints or knows about exit codes.
 */
package io.liquidlens.cli;
