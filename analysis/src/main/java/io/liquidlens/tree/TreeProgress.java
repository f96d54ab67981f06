package io.liquidlens.tree;

/** Progress of a tree extraction, stage by stage (plain Java; called on the working thread). */
public interface TreeProgress {

    /** Reports nothing. */
    TreeProgress NONE = (stage, done, total) -> { };

    /** {@code done} of {@code total} items of {@code stage} (e.g. "reading rollouts", "cross-validation") are finished. */
    void progress(String stage, int done, int total);
}
