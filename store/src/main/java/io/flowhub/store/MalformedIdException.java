package io.flowhub.store;

/** An id that is not a 24-character hexadecimal ObjectId; the message says which id and what it must look like. */
public class MalformedIdException extends IllegalArgumentException {

    public MalformedIdException(String what, String value) {
        super("'" + value + "' is not a valid " + what + ": expected a 24-character hexadecimal ObjectId");
    }
}
