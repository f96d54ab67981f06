/**
 * The {@code liquidlens} command line (picocli). Each command parses its options, calls one service of
 * the library and writes its output; this is the only package that prints or knows about exit codes.
 *
 * <p>Depends on the services it calls: {@code causal}, {@code spark}, {@code report}, {@code tree},
 * {@code tree.service}, {@code dynamics}, {@code dynamics.service},
 * {@code train}, {@code train.preset}, {@code checkpoint}, {@code grad}, {@code sim}, {@code model}, {@code head},
 * {@code lanekeeping}, {@code io}, {@code spec}, {@code wiring} and {@code provenance}.
 */
package io.liquidlens.cli;
