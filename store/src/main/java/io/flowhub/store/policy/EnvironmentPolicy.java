package io.flowhub.store.policy;

import java.util.Optional;

/**
 * What each environment allows ({@link Environment}'s table): production never hard-deletes; staging
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
        return environment.allowsHardDeletes() ? Optional.empty()
                : Optional.of("Hard deletes are not allowed in " + environment.wireValue() + "; use a soft delete");
    }

    /**
     * @return why a dry run may not leave a plan here, or empty when it may: a plan marks the items it
     * froze, and production's dry runs write nothing at all
     */
    public Optional<String> refusesPlans() {
        return environment == Environment.PRODUCTION
                ? Optional.of("Plans are not made in production: a plan marks the items it would delete; a dry run"
                        + " without plan=true counts them and writes nothing")
                : Optional.empty();
    }

    /** @return why test identities (users made by the internal key, without a password) are refused here */
    public Optional<String> refusesTestIdentities() {
        return environment == Environment.PRODUCTION
                ? Optional.of("Test identities are not made in production: every account there signs in for itself")
                : Optional.empty();
    }

    /** @return why a full reset is refused here, or empty when it is allowed */
    public Optional<String> refusesFullReset() {
        return switch (environment.fullReset()) {
            case ALWAYS -> Optional.empty();
            case WHEN_ALLOWED -> allowFullReset ? Optional.empty() : Optional.of("A full reset is not allowed in "
                    + environment.wireValue() + " unless flowhub.allow-full-reset=true; purge users or tags instead");
            case NEVER -> Optional.of("A full reset is never allowed in " + environment.wireValue());
        };
    }
}
