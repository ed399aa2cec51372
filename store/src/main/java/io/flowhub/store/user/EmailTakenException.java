package io.flowhub.store.user;

/** An account with this e-mail address exists already (the address is the users collection's unique key). */
public class EmailTakenException extends RuntimeException {

    private final String email;

    public EmailTakenException(String email) {
        super("An account with e-mail " + email + " exists already");
        this.email = email;
    }

    public String email() {
        return email;
    }
}
