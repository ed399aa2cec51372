package io.flowhub.engine.erasure;

/** A receipt was asked for a job that has none to give: not a hard delete, not finished, or without its command. */
public class NoReceiptException extends RuntimeException {

    public NoReceiptException(String message) {
        super(message);
    }
}
