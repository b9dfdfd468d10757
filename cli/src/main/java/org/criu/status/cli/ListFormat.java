package org.criu.status.cli;

/** Output formats of {@code parse} and {@code checkers}: for a person, or for a program. */
enum ListFormat {
    text, json
}
