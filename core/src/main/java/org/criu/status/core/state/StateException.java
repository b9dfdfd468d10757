package org.criu.status.core.state;

/** A state file that cannot be used (corrupt, truncated, newer, another tool's or another page's); names the file. */
public class StateException extends Exception {
    public StateException(String message) {
        super(message);
    }

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
