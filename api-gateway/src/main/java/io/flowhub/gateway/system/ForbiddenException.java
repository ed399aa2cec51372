package io.flowhub.gateway.system;

/** The caller is known, but its role may not do this: a 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
