package io.flowhub.gateway.job;

import io.flowhub.events.InvalidCommandException;

import java.util.Locale;

/** The operations {@code POST /api/v1/bulk-operations} accepts. */
enum BulkOperation {
    DELETE;

    static final String SUPPORTED = "delete";

    static BulkOperation parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException("operation '" + value + "' is not supported: use one of " + SUPPORTED);
        }
    }

    String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
