package io.flowhub.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flowhub.gateway.system.TooManyRequestsException.Limit;
import io.flowhub.gateway.system.TooManyRequestsException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;

/**
 * Counts sign-in attempts per e-mail address and per client, each in a token bucket, and refuses
 * the attempt beyond either limit with a 429 that says when to retry. An address is counted whether
 * or not it has an account, so a refusal tells nothing about that. The buckets live in this
 * gateway's memory: several gateways each allow the limit, and a restart forgets them.
 */
@Component
class SignInThrottle {

    /** why: a flood of made-up addresses must not grow the map without end; the least recent go first */
    static final int MOST_TRACKED = 100_000;

    private final AuthSettings.Throttle limits;
    private final Cache<String, Bucket> addresses;
    private final Cache<String, Bucket> clients;

    SignInThrottle(AuthSettings settings) {
        this.limits = settings.throttle();
        this.addresses = Caffeine.newBuilder().maximumSize(MOST_TRACKED).expireAfterAccess(limits.addressWindow())
                .build();
        this.clients = Caffeine.newBuilder().maximumSize(MOST_TRACKED).expireAfterAccess(limits.clientWindow())
                .build();
    }

    /**
     * Counts one attempt for the client and the address.
     *
     * @param email  the address the attempt names, as sent
     * @param client the client's network address
     * @throws TooManyRequestsException when the client or the address has no attempt left
     */
    void attempt(String email, String client) {
        take(clients, client, limits.perClient(), limits.clientWindow(),
                "Too many sign-in attempts from this client: wait before trying again");
        take(addresses, email.strip().toLowerCase(Locale.ROOT), limits.perAddress(), limits.addressWindow(),
                "Too many sign-in attempts for this address: wait before trying again");
    }

    private static void take(Cache<String, Bucket> buckets, String key, int capacity, Duration window,
            String refusal) {
        Bucket bucket = buckets.get(key, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException(Limit.SIGN_IN, refusal, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
