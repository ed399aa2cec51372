package io.flowhub.store.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The environment policy's settings.
 *
 * @param environment     development, test, staging or production
 * @param internalKey     the secret of the internal endpoints ({@code x-internal-key}); never logged
 * @param allowFullReset  in staging, allows {@code POST /internal/reset}; production never does
 */
@ConfigurationProperties("flowhub")
public record PolicySettings(
        @DefaultValue("development") String environment,
        @DefaultValue(DEFAULT_INTERNAL_KEY) String internalKey,
        @DefaultValue("false") boolean allowFullReset) {

    /** The seed system's key, so its test fixtures work unchanged in development and test. */
    public static final String DEFAULT_INTERNAL_KEY = "flowhub-secret-automation-key-2025";

    @Override
    public String toString() {
        // why: settings get logged by frameworks; the key must never be
        return "PolicySettings[environment=" + environment + ", allowFullReset=" + allowFullReset + "]";
    }
}
