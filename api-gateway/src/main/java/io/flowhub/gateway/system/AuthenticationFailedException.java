package io.flowhub.gateway.system;

/** Credentials, a code or a token that do not prove who the caller is: a 401. */
public class AuthenticationFailedException extends RuntimeException {

    public AuthenticationFailedException(String message) {
        super(message);
    }
}
