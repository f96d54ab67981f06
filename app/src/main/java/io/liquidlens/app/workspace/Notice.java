package io.liquidlens.app.workspace;

import java.util.List;

/**
 * What the status bar says about the last open beside the state itself (a rollout set aside, a rollout not opened)
 * and the pairs it offers instead; {@link #NONE} once a later open replaces it.
 */
public record Notice(String line, List<Offer> offers) {
    /** Nothing to say. */
    public static final Notice NONE = new Notice("", List.of());

    public Notice {
        offers = List.copyOf(offers);
    }
}
