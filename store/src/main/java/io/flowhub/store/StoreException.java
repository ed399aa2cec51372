package io.flowhub.store;

import com.mongodb.MongoException;

import java.util.function.Supplier;

/** MongoDB could not do what was asked: the server is unreachable, timed out, or refused the write. */
public class StoreException extends RuntimeException {

    private final String action;

    /**
     * @param action what was being done, for people: "read job 6b0...", "store the item"; the message adds
     *               the driver's text, which belongs in logs, not in answers to clients
     */
    public StoreException(String action, Throwable cause) {
        super("Could not " + action + ": " + cause.getMessage(), cause);
        this.action = action;
    }

    /** @return what was being done, without the driver's text */
    public String action() {
        return action;
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
            throw new StoreException(action, e);
        }
    }
}
