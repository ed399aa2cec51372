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
 * @param throttle           how many sign-in attempts an address and a client may make
 */
@ConfigurationProperties("flowhub.auth")
public record AuthSettings(
        @DefaultValue(DEVELOPMENT_JWT_SECRET) String jwtSecret,
        @DefaultValue("1h") Duration tokenTtl,
        @DefaultValue("10m") Duration otpTtl,
        @DefaultValue("5") int otpMaxAttempts,
        @DefaultValue Throttle throttle) {

    /** Accepted in development and test only; staging and production refuse to start with it. */
    public static final String DEVELOPMENT_JWT_SECRET = "flowhub-development-jwt-secret-do-not-use-in-staging";

    public AuthSettings {
        if (jwtSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("flowhub.auth.jwt-secret must be at least 32 bytes long");
        }
    }

    /**
     * Sign-in attempts (password logins, code requests and code checks) allowed before 429, and
     * registrations. Each is a token bucket that refills evenly over its window, kept in MongoDB for
     * every gateway instance. 10 per address and client per 15 minutes lets a person mistype a few
     * times and request a new code; the per-address ceiling, whoever sends them, bounds the guesses at
     * one address (about ten thousand a day against the million a code can be) even when a guesser
     * spreads them over many clients, and is high enough that a stranger cannot use up the owner's
     * attempts alone; the per-client limit stops one machine from spreading its guesses over many
     * addresses.
     *
     * @param perAddressAndClient    attempts for one e-mail address from one client
     * @param perAddress             attempts for one e-mail address from all clients together
     * @param addressWindow          the time over which an address's attempts come back
     * @param perClient              attempts from one client address, whichever e-mail they name
     * @param clientWindow           the time over which a client's attempts come back
     * @param registrationsPerClient accounts one client may register
     * @param registrationWindow     the time over which a client's registrations come back
     */
    public record Throttle(
            @DefaultValue("10") int perAddressAndClient,
            @DefaultValue("100") int perAddress,
            @DefaultValue("15m") Duration addressWindow,
            @DefaultValue("60") int perClient,
            @DefaultValue("1m") Duration clientWindow,
            @DefaultValue("20") int registrationsPerClient,
            @DefaultValue("1h") Duration registrationWindow) {

        public Throttle {
            if (perAddressAndClient < 1 || perAddress < 1 || perClient < 1 || registrationsPerClient < 1) {
                throw new IllegalArgumentException("flowhub.auth.throttle.per-address-and-client, per-address, per-client"
                        + " and registrations-per-client must be at least 1");
            }
            if (!addressWindow.isPositive() || !clientWindow.isPositive() || !registrationWindow.isPositive()) {
                throw new IllegalArgumentException("flowhub.auth.throttle windows must be longer than zero");
            }
        }
    }
}
