package io.liquidlens.report;

import java.util.List;

/**
 * A table of text shown in the report, the same cells in the HTML (as a {@code <table>}) and the PDF (as a
 * {@link TablePage}).
 *
 * @param title  the heading
 * @param header the column names
 * @param rows   the cells, one list per row, as long as the header
 */
record Table(String title, List<String> header, List<List<String>> rows) {

    Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("table " + title + ": a row of " + r.size() + " cells under "
                        + header.size() + " columns");
            }
        }
    }
}
