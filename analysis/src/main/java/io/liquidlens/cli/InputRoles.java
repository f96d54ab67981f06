package io.liquidlens.cli;

import io.liquidlens.BadOptionException;
import io.liquidlens.io.InputRole;
import java.util.Map;

/** Reads {@code --input-roles NAME=ROLE,...}; whether each NAME is an input is checked against the models. */
final class InputRoles {
    private InputRoles() {
    }

    /**
     * The roles of {@code text}, in the order given; empty for null or blank.
     *
     * @throws BadOptionException one line naming the item and what is accepted
     */
    static Map<String, InputRole> parse(String text) {
        try {
            return InputRole.parseList(text);
        } catch (IllegalArgumentException e) {
            throw new BadOptionException("--input-roles: " + e.getMessage(), e);
        }
    }
}
