package io.flowhub.gateway.internal;

import io.flowhub.gateway.system.ForbiddenException;

/** The environment policy forbids this call here: a 403 that says why. */
public class PolicyDeniedException extends ForbiddenException {

    public PolicyDeniedException(String reason) {
        super(reason);
    }
}
