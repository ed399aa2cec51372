package io.flowhub.gateway.auth;

/** A one-time code tried too often: a 429, and the code is spent. */
public class TooManyAttemptsException extends RuntimeException {

    public TooManyAttemptsException(String message) {
        super(message);
    }
}
