package io.flowhub.gateway.system;

/** The request does not fit the current state of what it names: a 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
