package io.flowhub.gateway.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Authentication settings of the gateway.
 *
 * @param jwtSecret          the HMAC key that signs tokens (at least 32 bytes); every gateway instance needs the same
 * @param tokenTtl           how long a token is valid
 * @param otpTtl             how long a one-time code is valid
 * @param otpMaxAttempts     wrong codes allowed before a code is spent
 * @param bootstrapAdmin     the ADMIN created at start-up when missing
 */
@ConfigurationProperties("flowhub.auth")
public record AuthSettings(
        @DefaultValue(DEVELOPMENT_JWT_SECRET) String jwtSecret,
        @DefaultValue("1h") Duration tokenTtl,
        @DefaultValue("10m") Duration otpTtl,
        @DefaultValue("5") int otpMaxAttempts,
        @DefaultValue BootstrapAdmin bootstrapAdmin) {

    /** Accepted in development and test only; staging and production refuse to start with it. */
    public static final String DEVELOPMENT_JWT_SECRET = "flowhub-development-jwt-secret-do-not-use-in-staging";

    public AuthSettings {
        if (jwtSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("flowhub.auth.jwt-secret must be at least 32 bytes long");
        }
    }

    /**
     * @param email    the admin's e-mail address
     * @param password the admin's password; in staging and production it must be set explicitly
     */
    public record BootstrapAdmin(
            @DefaultValue("admin@flowhub.local") String email,
            @DefaultValue(DEVELOPMENT_ADMIN_PASSWORD) String password) {

        /** Accepted in development and test only. */
        public static final String DEVELOPMENT_ADMIN_PASSWORD = "flowhub-admin-password";
    }
}
