package io.liquidlens.causal;

import io.liquidlens.stats.TwoStageBootstrap;
import java.util.List;

/**
 * Several independently trained networks of one architecture, summarised and compared as one (a model given
 * alone is a group of one, named as the model).
 *
 * @param name    the group's name in tables and comparisons
 * @param members its models' names, in the order given
 */
public record ModelGroup(String name, List<String> members) {
    /** The most members a group may have. */
    public static final int MAX_MEMBERS = TwoStageBootstrap.MAX_MEMBERS;

    /**
     * Checks the group.
     *
     * @throws IllegalArgumentException when the name is blank or there are not 1 to
     *                                  {@link #MAX_MEMBERS} members
     */
    public ModelGroup {
        members = List.copyOf(members);
        if (name.isBlank()) {
            throw new IllegalArgumentException("a group needs a name");
        }
        if (members.isEmpty() || members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("group '" + name + "' needs 1 to " + MAX_MEMBERS
                    + " members, got " + members.size());
        }
    }

    /** True when the group has more than one member, so that it is summarised and compared as a group. */
    public boolean isGroup() {
        return members.size() > 1;
    }
}
