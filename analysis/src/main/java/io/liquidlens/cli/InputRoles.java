package io.liquidlens.cli;

import io.liquidlens.BadOptionException;
import io.liquidlens.io.InputRole;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code --input-roles NAME=ROLE,...}; whether each NAME is an input is checked against the models. */
final class InputRoles {
    /** More roles than any model has inputs is a typo, not a model: the message says so before anything is held. */
    static final int MAX_ITEMS = 4096;

    private InputRoles() {
    }

    /**
     * The roles of {@code text}, in the order given; empty for null or blank.
     *
     * @throws BadOptionException one line naming the item and what is accepted
     */
    static Map<String, InputRole> parse(String text) {
        Map<String, InputRole> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String[] items = text.split(",", -1);
        if (items.length > MAX_ITEMS) {
            throw new BadOptionException("--input-roles: " + items.length + " items; at most " + MAX_ITEMS);
        }
        for (String raw : items) {
            String item = raw.trim();
            int eq = item.indexOf('=');
            String name = eq < 0 ? "" : item.substring(0, eq).trim();
            if (name.isEmpty()) {
                throw new BadOptionException("--input-roles: '" + item + "' is not NAME=ROLE (ROLE one of "
                        + InputRole.accepted() + ")");
            }
            InputRole role = InputRole.parse(item.substring(eq + 1).trim());
            if (role == null) {
                throw new BadOptionException("--input-roles: '" + item + "': '" + item.substring(eq + 1).trim()
                        + "' is not a role; accepted: " + InputRole.accepted());
            }
            if (out.put(name, role) != null) {
                throw new BadOptionException("--input-roles: '" + name + "' is given twice");
            }
        }
        return out;
    }
}
