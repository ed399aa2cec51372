package io.flowhub.gateway.system;

/** The thing a request names does not exist (or is not the caller's to see). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " was not found");
    }
}
