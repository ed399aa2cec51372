package io.flowhub.store.policy;

import java.util.Optional;

/**
 * What each environment allows, as DESIGN.md's table says: production never hard-deletes; staging
 * resets only when {@code flowhub.allow-full-reset} says so; soft deletes are allowed everywhere.
 * Every service checks it itself, so a command from any producer is checked again where it runs.
 */
public class EnvironmentPolicy {

    private final Environment environment;
    private final boolean allowFullReset;

    public EnvironmentPolicy(PolicySettings settings) {
        this.environment = Environment.parse(settings.environment());
        this.allowFullReset = settings.allowFullReset();
        Secrets.check(environment, "the internal key (flowhub.internal-key, FLOWHUB_INTERNAL_KEY)",
                settings.internalKey(), PolicySettings.DEFAULT_INTERNAL_KEY, Secrets.SHORTEST_INTERNAL_KEY);
    }

    public Environment environment() {
        return environment;
    }

    /** @return why a hard delete is refused here, or empty when it is allowed */
    public Optional<String> refusesHardDelete() {
        return environment == Environment.PRODUCTION
                ? Optional.of("Hard deletes are not allowed in production; use a soft delete")
                : Optional.empty();
    }

    /** @return why a full reset is refused here, or empty when it is allowed */
    public Optional<String> refusesFullReset() {
        return switch (environment) {
            case DEVELOPMENT, TEST -> Optional.empty();
            case STAGING -> allowFullReset ? Optional.empty() : Optional.of(
                    "A full reset is not allowed in staging unless flowhub.allow-full-reset=true; purge users or tags instead");
            case PRODUCTION -> Optional.of("A full reset is never allowed in production");
        };
    }
}
