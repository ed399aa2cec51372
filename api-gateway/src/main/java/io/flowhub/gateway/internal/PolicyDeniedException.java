package io.flowhub.gateway.internal;

/** The environment policy forbids this call here: a 403 that says why. */
public class PolicyDeniedException extends RuntimeException {

    public PolicyDeniedException(String reason) {
        super(reason);
    }
}
