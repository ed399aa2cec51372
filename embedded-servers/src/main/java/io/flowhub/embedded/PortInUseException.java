package io.flowhub.embedded;

/** A port the stack needs is taken; the message names the port, what needed it, and how to choose another. */
public class PortInUseException extends RuntimeException {

    public PortInUseException(int port, String purpose, String setting) {
        super("Port " + port + " (" + purpose + ") is already in use. Stop what holds it, or choose another port with "
                + setting + ".");
    }
}
