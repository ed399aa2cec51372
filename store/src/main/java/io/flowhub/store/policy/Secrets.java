package io.flowhub.store.policy;

import java.util.List;
import java.util.Locale;

/**
 * The secrets a service needs, checked when it starts: never empty anywhere, and outside development
 * and test neither the built-in value (anyone reading this repository knows it), nor a placeholder
 * such as {@code ops/compose.env.example}'s {@code replace-with-...} (a copied example file), nor
 * shorter than the setting's minimum. A service that fails the check refuses to start and says which setting to
 * fix; the value itself is never part of the message.
 */
public final class Secrets {

    /** The shortest internal key staging and production accept. */
    public static final int SHORTEST_INTERNAL_KEY = 32;
    /** The shortest bootstrap admin password staging and production accept. */
    public static final int SHORTEST_ADMIN_PASSWORD = 12;

    /** How placeholders in example files begin: anyone reading this repository knows them, like the built-in values. */
    private static final List<String> PLACEHOLDERS = List.of("replace-with", "replace-me", "change-me", "changeme",
            "your-", "<");

    private Secrets() {
    }

    /**
     * @param environment where the service runs
     * @param setting     the setting's name and the variable that sets it, for the message
     * @param value       the configured value
     * @param builtIn     the value the repository ships, accepted only in development and test
     * @param shortest    the fewest characters staging and production accept
     * @throws IllegalStateException naming the setting when the value is not acceptable here
     */
    public static void check(Environment environment, String setting, String value, String builtIn, int shortest) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(setting + " is empty: set it (an empty secret would let anyone in)");
        }
        if (environment.acceptsBuiltInSecrets()) {
            return;
        }
        if (value.equals(builtIn)) {
            throw new IllegalStateException("flowhub.environment=" + environment.wireValue()
                    + " must not use the built-in value of " + setting + ": set your own");
        }
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.stream().anyMatch(lower::startsWith)) {
            throw new IllegalStateException("flowhub.environment=" + environment.wireValue() + " must not use a placeholder"
                    + " as " + setting + " (the example file's value was kept): set a random one (ops/make-compose-env.sh"
                    + " writes them)");
        }
        if (value.length() < shortest) {
            throw new IllegalStateException("flowhub.environment=" + environment.wireValue() + " needs " + setting
                    + " of at least " + shortest + " characters");
        }
    }
}
