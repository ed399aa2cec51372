package io.flowhub.store.policy;

import java.util.Locale;

/** Where a service runs, from {@code flowhub.environment}; it decides what the services may destroy. */
public enum Environment {
    DEVELOPMENT, TEST, STAGING, PRODUCTION;

    public static Environment parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("flowhub.environment '" + value
                    + "' is not one of development, test, staging, production");
        }
    }

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
