package io.liquidlens.report;

import io.liquidlens.causal.ModelAudit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Where each model of a many-model report stands on the x axis (docs/FORMATS.md#causality-report-folder): the epoch
 * when every model's model.json says it ({@code provenance.training.epochs_done}, written by {@code liquidlens
 * train}); else the number every folder name ends in ({@code ncp-epoch-12}, {@code e0012}: checkpoints saved by a
 * training script); else the model's place in the order given. A rule applies only when its numbers tell every
 * model apart, since two models at one x would make the line jump back and forth.
 *
 * @param kind   which rule gave the values
 * @param values one per model, in model order
 */
record ModelAxis(Kind kind, List<Double> values) {
    /** A number at the end of a folder name, up to 15 digits (a double holds them exactly). */
    private static final Pattern TRAILING_NUMBER = Pattern.compile("(?<![0-9])([0-9]{1,15})$");

    /** The rules, in the order they are tried. */
    enum Kind {
        EPOCH("epoch (model.json: provenance.training.epochs_done)", "epoch",
                "each model.json's provenance.training.epochs_done"),
        NAME_NUMBER("number ending each model folder's name", "number", "the number each model folder's name ends in"),
        INDEX("model in the order given (1 = first)", "#", "the models' places in the order given");

        private final String label;
        private final String column;
        private final String source;

        Kind(String label, String column, String source) {
            this.label = label;
            this.column = column;
            this.source = source;
        }

        /** Where the values came from, in words. */
        String source() {
            return source;
        }

        /** The axis label, saying where the values came from. */
        String label() {
            return label;
        }

        /** The short heading of a table column of the values. */
        String column() {
            return column;
        }
    }

    ModelAxis {
        values = List.copyOf(values);
    }

    /** The axis of {@code models}: the first rule whose numbers tell them all apart. */
    static ModelAxis of(List<ModelAudit> models) {
        if (models.stream().allMatch(ModelAudit::epochsKnown)) {
            List<Double> epochs = models.stream().map(m -> (double) m.epochsDone()).toList();
            if (distinct(epochs)) {
                return new ModelAxis(Kind.EPOCH, epochs);
            }
        }
        List<Double> numbers = models.stream().map(m -> trailingNumber(m.name())).toList();
        if (numbers.stream().noneMatch(v -> v.isNaN()) && distinct(numbers)) {
            return new ModelAxis(Kind.NAME_NUMBER, numbers);
        }
        return new ModelAxis(Kind.INDEX, IntStream.rangeClosed(1, models.size()).mapToObj(i -> (double) i).toList());
    }

    /** The number {@code name} ends in, or NaN when it ends in something else. */
    static double trailingNumber(String name) {
        Matcher m = TRAILING_NUMBER.matcher(name);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** The model indices ordered by their value on the axis (the order given when values tie). */
    List<Integer> order() {
        return IntStream.range(0, values.size()).boxed()
                .sorted((a, b) -> Double.compare(values.get(a), values.get(b))).toList();
    }

    /** Model {@code i}'s value as written in a table or caption: a whole number. */
    String text(int i) {
        return Long.toString(Math.round(values.get(i)));
    }

    private static boolean distinct(List<Double> values) {
        Set<Double> seen = new HashSet<>(values);
        return seen.size() == values.size();
    }
}
