package io.flowhub.gateway.auth;

import io.flowhub.gateway.limit.MongoBuckets;
import io.flowhub.gateway.system.TooManyRequestsException;
import io.flowhub.gateway.system.TooManyRequestsException.Limit;
import io.flowhub.store.user.Pseudonyms;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Counts sign-in attempts in token buckets kept in MongoDB ({@link MongoBuckets}), so that every
 * gateway instance counts into the same buckets and a restart forgets none. An attempt takes a token
 * from three buckets:
 * <ul>
 *   <li>the address as named by this client — 10 per 15 minutes: a stranger's wrong guesses use up
 *       the stranger's own bucket, never the one the owner signs in from;</li>
 *   <li>the address from anyone — a ceiling ten times higher, so the guesses at one address stay
 *       bounded however many clients a guesser spreads them over;</li>
 *   <li>the client, whichever addresses it names.</li>
 * </ul>
 * An address counts whether or not it has an account, so a refusal tells nothing about that, and it
 * is kept as its {@link Pseudonyms pseudonym}, so the buckets hold no e-mail address (and a purge finds them). Registrations are counted per client.
 */
@Component
public class SignInThrottle {

    private final AuthSettings.Throttle limits;
    private final MongoBuckets buckets;

    SignInThrottle(AuthSettings settings, MongoBuckets buckets) {
        this.limits = settings.throttle();
        this.buckets = buckets;
    }

    /**
     * Counts one attempt for the client and the address.
     *
     * @param email  the address the attempt names, as sent
     * @param client the client's network address
     * @throws TooManyRequestsException when the client or the address has no attempt left
     */
    void attempt(String email, String client) {
        String address = Pseudonyms.email(email);
        take("sign-in-client", client, limits.perClient(), limits.clientWindow(),
                "Too many sign-in attempts from this client: wait before trying again");
        take("sign-in-address-client", address + "/" + client, limits.perAddressAndClient(), limits.addressWindow(),
                "Too many sign-in attempts for this address: wait before trying again");
        take("sign-in-address", address, limits.perAddress(), limits.addressWindow(),
                "Too many sign-in attempts for this address: wait before trying again");
    }

    /** @throws TooManyRequestsException when the client opened as many accounts as it may for now */
    void registration(String client) {
        take("register-client", client, limits.registrationsPerClient(), limits.registrationWindow(),
                "Too many accounts registered from this client: wait before registering another");
    }

    private void take(String bucket, String key, int capacity, Duration window, String refusal) {
        // why: the limit is part of the key, so gateways (or tests) with other limits never share a bucket
        // whose stored configuration is not theirs; a changed limit starts afresh
        String id = bucket + "/" + capacity + "-per-" + window + "/" + key;
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                .build();
        ConsumptionProbe probe = buckets.builder().build(id, () -> configuration).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException(Limit.SIGN_IN, refusal, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
