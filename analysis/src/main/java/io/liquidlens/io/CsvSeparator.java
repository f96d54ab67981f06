package io.liquidlens.io;

import java.util.Locale;

/** The separator of a CSV file, told from its header. */
public enum CsvSeparator {
    COMMA(','), SEMICOLON(';'), TAB('\t');

    private final char symbol;

    CsvSeparator(char symbol) {
        this.symbol = symbol;
    }

    /** Comma when the header holds one, else semicolon, else tab, else comma (a single column). */
    static CsvSeparator of(String header) {
        if (header.indexOf(',') >= 0) {
            return COMMA;
        }
        if (header.indexOf(';') >= 0) {
            return SEMICOLON;
        }
        return header.indexOf('\t') >= 0 ? TAB : COMMA;
    }

    /** The character between fields. */
    char symbol() {
        return symbol;
    }

    /** As the user would name it: {@code comma}, {@code semicolon}, {@code tab}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
