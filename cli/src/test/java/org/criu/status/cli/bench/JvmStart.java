package org.criu.status.cli.bench;

/** A main that returns at once: timing it measures what starting and stopping this JVM costs. */
public final class JvmStart {

    private JvmStart() {
    }

    public static void main(String[] args) {
    }
}
