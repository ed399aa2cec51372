package io.flowhub.engine;

import java.util.Objects;

/**
 * The {@code Idempotency-Key} a job was asked with, kept on the job itself under a unique index: recording the
 * job <em>is</em> claiming the key, so a key can never point at a job that does not exist, and deleting the job
 * (a purge, a reset) frees its key with it.
 *
 * @param key         the owner and the key as the client sent it, in one string ({@link #of})
 * @param requestHash a digest of the request the key was first sent with
 */
public record Idempotency(String key, String requestHash) {

    public Idempotency {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestHash, "requestHash");
    }

    /** @return the key of one owner: two owners' equal keys are two keys */
    public static Idempotency of(Owner owner, String clientKey, String requestHash) {
        // why: a new line cannot occur in an HTTP header value, so owner and key never run into each other
        return new Idempotency(owner.contractValue() + "\n" + clientKey, requestHash);
    }

    /** @return the key as the client sent it */
    public String clientKey() {
        return key.substring(key.indexOf('\n') + 1);
    }
}
