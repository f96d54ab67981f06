package io.liquidlens.app.workspace;

import java.nio.file.Path;

/** A model folder and a rollout file that were open together, as File > Recent remembers them. */
public record RecentPair(Path model, Path rollout) {
}
