package io.flowhub.gateway.system;

/** What the request names existed and is gone for good (an expired plan): a 410. */
public class GoneException extends RuntimeException {

    public GoneException(String message) {
        super(message);
    }
}
