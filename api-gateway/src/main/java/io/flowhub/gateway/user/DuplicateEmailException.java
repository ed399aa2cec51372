package io.flowhub.gateway.user;

import io.flowhub.gateway.system.ConflictException;

/** An account with this e-mail address exists already: a 409. */
public class DuplicateEmailException extends ConflictException {

    public DuplicateEmailException(String email) {
        super("An account with e-mail " + email + " exists already: sign in instead, or use another address");
    }
}
