package io.flowhub.store.policy;

import java.util.Locale;

/**
 * Where a service runs, from {@code flowhub.environment}, and the one table of what that allows;
 * {@link EnvironmentPolicy}, {@link Secrets} and the one-time code outbox ask it, nothing else
 * compares environments.
 *
 * @param hardDeletes         whether anything may be deleted for good (never in production)
 * @param fullReset           whether a full reset runs: always, never, or only with {@code flowhub.allow-full-reset}
 * @param builtInSecrets      whether the repository's built-in secrets are accepted (development and test)
 * @param codesForTests       whether a one-time code is kept for the internal API to hand to a test suite
 * @param codesLogged         whether a one-time code is also written to the log (development and test)
 */
public enum Environment {
    DEVELOPMENT(true, FullReset.ALWAYS, true, true, true),
    TEST(true, FullReset.ALWAYS, true, true, true),
    STAGING(true, FullReset.WHEN_ALLOWED, false, true, false),
    PRODUCTION(false, FullReset.NEVER, false, false, false);

    /** When a full reset may run. */
    public enum FullReset { ALWAYS, WHEN_ALLOWED, NEVER }

    private final boolean hardDeletes;
    private final FullReset fullReset;
    private final boolean builtInSecrets;
    private final boolean codesForTests;
    private final boolean codesLogged;

    Environment(boolean hardDeletes, FullReset fullReset, boolean builtInSecrets, boolean codesForTests,
            boolean codesLogged) {
        this.hardDeletes = hardDeletes;
        this.fullReset = fullReset;
        this.builtInSecrets = builtInSecrets;
        this.codesForTests = codesForTests;
        this.codesLogged = codesLogged;
    }

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

    public boolean allowsHardDeletes() {
        return hardDeletes;
    }

    public FullReset fullReset() {
        return fullReset;
    }

    public boolean acceptsBuiltInSecrets() {
        return builtInSecrets;
    }

    public boolean keepsOneTimeCodesForTests() {
        return codesForTests;
    }

    public boolean logsOneTimeCodes() {
        return codesLogged;
    }
}
