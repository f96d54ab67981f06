package io.liquidlens.tree;

/** Whose decision a tree explains. */
public enum LabelSource {
    /** The network's own output at each step (after the output mapping): the tree explains the controller. */
    NETWORK,
    /** The expert's action at each step (the rollout's world column {@code expert_action}). */
    EXPERT;

    /** Lower-case name, as the command line spells it. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
