package io.liquidlens.cli;

import io.liquidlens.BadOptionException;
import io.liquidlens.causal.ModelGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --models} tokens of {@code report}: each either a model folder, or {@code NAME=DIR,DIR,...}, a group
 * of independently trained networks of one architecture summarised and compared as one.
 *
 * @param models  every model folder, in the order given
 * @param groupOf the group of each (empty for a folder given alone); an empty list when no token is a group
 */
record ModelTokens(List<Path> models, List<String> groupOf) {

    /**
     * Reads the tokens.
     *
     * @throws BadOptionException naming the token, when a group has no name, an empty member or too many
     *                            members, a group name repeats, or a folder is in two groups (or twice in one, or
     *                            in one and also given alone; a folder given alone twice is measured twice, as
     *                            without groups)
     */
    static ModelTokens parse(List<String> tokens) {
        List<Path> models = new ArrayList<>();
        List<String> groupOf = new ArrayList<>();
        boolean anyGroup = false;
        Set<String> names = new HashSet<>();
        Map<Path, String> memberOf = new HashMap<>();
        Set<Path> given = new HashSet<>();
        for (String token : tokens) {
            int eq = token.indexOf('=');
            if (eq < 0) {
                Path alone = Path.of(token);
                String group = memberOf.get(alone.toAbsolutePath().normalize());
                if (group != null) {
                    throw bad(token, "it is already a member of group '" + group + "'");
                }
                given.add(alone.toAbsolutePath().normalize());
                models.add(alone);
                groupOf.add("");
                continue;
            }
            anyGroup = true;
            String name = token.substring(0, eq).strip();
            if (name.isEmpty()) {
                throw bad(token, "the group needs a name before '='");
            }
            if (name.contains("/") || name.contains(";")) {
                throw bad(token, "a group name may not hold '/' or ';'");
            }
            if (!names.add(name)) {
                throw bad(token, "the group name '" + name + "' is used twice");
            }
            String[] members = token.substring(eq + 1).split(",", -1);
            if (members.length > ModelGroup.MAX_MEMBERS) {
                throw bad(token, "a group may have at most " + ModelGroup.MAX_MEMBERS + " members, got "
                        + members.length);
            }
            for (String member : members) {
                if (member.isBlank()) {
                    throw bad(token, "an empty member (write NAME=DIR,DIR,...)");
                }
                Path path = Path.of(member.strip());
                if (given.contains(path.toAbsolutePath().normalize())) {
                    throw bad(token, member.strip() + " is also given alone");
                }
                String earlier = memberOf.put(path.toAbsolutePath().normalize(), name);
                if (earlier != null) {
                    throw bad(token, member.strip() + " is already a member of group '" + earlier + "'");
                }
                models.add(path);
                groupOf.add(name);
            }
        }
        return new ModelTokens(models, anyGroup ? groupOf : List.of());
    }

    private static BadOptionException bad(String token, String why) {
        return new BadOptionException("--models " + token + ": " + why);
    }
}
