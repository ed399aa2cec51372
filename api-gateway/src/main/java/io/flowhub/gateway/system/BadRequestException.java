package io.flowhub.gateway.system;

/** A request the gateway cannot act on as sent; the message says what to fix. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
