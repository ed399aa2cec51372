package io.flowhub.gateway.system;

/** A request carrying more than one call may: a 413. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
