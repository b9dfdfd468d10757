package org.criu.status.cli;

/** Report formats of {@code check --format}. */
enum Format {
    text, json
}
