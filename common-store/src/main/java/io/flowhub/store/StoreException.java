package io.flowhub.store;

/** MongoDB could not do what was asked: the server is unreachable, timed out, or refused the write. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
