package io.flowhub.engine;

/** An {@code Idempotency-Key} whose job was asked with another request: a new request needs a new key. */
public class IdempotencyKeyReusedException extends RuntimeException {

    private final String clientKey;

    IdempotencyKeyReusedException(String clientKey) {
        super("Idempotency-Key '" + clientKey + "' was used with another request body");
        this.clientKey = clientKey;
    }

    public String clientKey() {
        return clientKey;
    }
}
