package org.criu.status.cli;

/** Bad input a user can fix (a missing file, an unreachable wiki, a bad flag value): exit 2 with the message. */
final class UserInputException extends RuntimeException {
    UserInputException(String message) {
        super(message);
    }
}
