package io.liquidlens.app.importing;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One setting of the import form that no tensor records: its key, the default the import assumes (ncps's) and why,
 * and the value the form holds.
 * While the value is the default the setting is assumed, and the import leaves it to ncps's default.
 */
public final class ImportSetting {
    private final String key;
    private final String defaultValue;
    private final String why;
    private final StringProperty value;
    private final BooleanBinding assumed;

    ImportSetting(String key, String defaultValue, String why) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.why = why;
        this.value = new SimpleStringProperty(defaultValue);
        this.assumed = Bindings.createBooleanBinding(() -> defaultValue.equals(given()), value);
    }

    /** The key, as {@code --set KEY=VALUE} takes it. */
    public String key() {
        return key;
    }

    /** ncps's default, as text. */
    public String defaultValue() {
        return defaultValue;
    }

    /** Why the default is what it is, e.g. {@code ncps default}. */
    public String why() {
        return why;
    }

    /** The value the form holds (prefilled with the default). */
    public StringProperty valueProperty() {
        return value;
    }

    /** True while the value is ncps's default. */
    public BooleanBinding assumedProperty() {
        return assumed;
    }

    /** The value trimmed; an empty field counts as the default. */
    String given() {
        String v = value.get() == null ? "" : value.get().trim();
        return v.isEmpty() ? defaultValue : v;
    }
}
