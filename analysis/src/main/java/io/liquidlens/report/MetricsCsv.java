package io.liquidlens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code metrics.csv}: the tidy table of {@link MetricsTable}, UTF-8, one header line, LF line ends, fields quoted
 * as RFC 4180 says (when they hold a comma, a double quote or a line break; quotes doubled). Numbers are
 * {@link Double#toString} (round-trips exactly, counts too: {@code 3.0}); NaN and absent values (a summary's
 * step, an intervention's level or a cut's value, the interval of a value that has none) are empty fields.
 */
final class MetricsCsv {
    static final String HEADER = "model,section,condition,kind,level,step,metric,value,ci_low,ci_high";

    private MetricsCsv() {
    }

    /** Writes {@code rows} to {@code out} (flushed, left open). */
    static void write(List<MetricRow> rows, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(HEADER + "\n");
        for (MetricRow r : rows) {
            w.write(String.join(",", field(r.model()), field(r.section()), field(r.condition()), field(r.kind()),
                    number(r.level()), r.step() < 0 ? "" : Integer.toString(r.step()), field(r.metric()),
                    number(r.value()), number(r.ciLow()), number(r.ciHigh())));
            w.write('\n');
        }
        w.flush();
    }

    /** A number as written: {@link Double#toString}, NaN empty. */
    static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
