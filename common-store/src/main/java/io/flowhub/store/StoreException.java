package io.flowhub.store;

import com.mongodb.MongoException;

import java.util.function.Supplier;

/** MongoDB could not do what was asked: the server is unreachable, timed out, or refused the write. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Runs a database call, turning a driver failure into a StoreException that says what was being done.
     *
     * @param action what the call does, for the message: "read job 6b0...", "store the item"
     */
    public static <T> T translated(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (MongoException e) {
            throw new StoreException("Could not " + action + ": " + e.getMessage(), e);
        }
    }
}
