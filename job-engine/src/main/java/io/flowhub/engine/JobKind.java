package io.flowhub.engine;

import java.util.Locale;

/** Which worker runs a job. */
public enum JobKind {
    BULK, CLEANUP;

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobKind fromWireValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
