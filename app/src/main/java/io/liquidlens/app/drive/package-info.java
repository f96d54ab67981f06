/**
 * "Drive with clamp": one held-out sample-world episode driven closed loop by the loaded network with the workspace's
 * clamps and without them, and the two paths of the car drawn together, so a clamp's effect on behaviour shows beside
 * its effect on the traces. The episodes run in the analysis module ({@code lanekeeping.Episode}, {@code ModelDriver})
 * as one background task through {@code app.task}; nothing here simulates. Depends on {@code app.task} and {@code
 * app.workspace} and, of {@code analysis}, {@code io}, {@code lanekeeping}, {@code model} and {@code sim}.
 */
package io.liquidlens.app.drive;
