package io.flowhub.gateway.user;

/** An account with this e-mail address exists already: a 409. */
public class DuplicateEmailException extends RuntimeException {

    public DuplicateEmailException(String email) {
        super("An account with e-mail " + email + " exists already: sign in instead, or use another address");
    }
}
