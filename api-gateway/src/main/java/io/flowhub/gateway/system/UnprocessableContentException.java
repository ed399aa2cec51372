package io.flowhub.gateway.system;

/** The request is well-formed but cannot be carried out as it stands: a 422. */
public class UnprocessableContentException extends RuntimeException {

    public UnprocessableContentException(String message) {
        super(message);
    }
}
