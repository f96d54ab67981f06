package io.liquidlens.app.workspace;

import java.nio.file.Path;

/**
 * A model and a rollout that fit each other, offered after an open that could not keep both: {@code label} is what
 * the link says, and choosing it opens the two together.
 */
public record Offer(String label, Path model, Path rollout) {
}
