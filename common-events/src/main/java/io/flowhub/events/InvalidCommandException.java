package io.flowhub.events;

/**
 * A command that breaks the contract: a missing or malformed field, or an unsupported
 * schema version. Such a record can never succeed, so consumers move it to the dead-letter
 * topic at once instead of retrying it.
 */
public class InvalidCommandException extends IllegalArgumentException {

    public InvalidCommandException(String message) {
        super(message);
    }
}
