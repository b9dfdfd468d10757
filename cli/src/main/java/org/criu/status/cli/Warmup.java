package org.criu.status.cli;

import java.util.Set;

/**
 * Start-up work a command that asks sources does anyway, begun on a thread of its own as the process starts, while
 * the main thread reads the command line: the TLS stack (the JDK's trust store, read and parsed once per process),
 * OkHttp's and Jackson's classes, and the Unicode tables headings are matched with. A new JVM runs each of these
 * cold, one after the other, before the first request can go out; on a second core they are ready by the time
 * the main thread gets there (docs/PERFORMANCE.md, "Start-up"). Nothing here is kept or can fail a run: the
 * objects are thrown away and what goes wrong is left for the command itself to meet and report. Nor is it done
 * twice: in a cold JVM the first OkHttp client costs about 0.3 s and the next about 1 ms (the classes are loaded and
 * the JDK keeps the trust store it read).
 */
final class Warmup {

    /** The commands that build an HTTP client and ask a source. */
    static final Set<String> ASKING = Set.of("check", "publish", "selftest");

    private Warmup() {
    }

    /** Starts the warm-up on a daemon thread if the command line runs a command that asks sources; returns it. */
    static java.util.Optional<Thread> startFor(String... args) {
        if (args.length == 0 || !ASKING.contains(args[0])) {
            return java.util.Optional.empty();
        }
        Thread thread = new Thread(Warmup::run, "warm-up");
        thread.setDaemon(true);
        thread.start();
        return java.util.Optional.of(thread);
    }

    static void run() {
        try {
            new okhttp3.OkHttpClient(); // the platform's TLS set-up: trust store, SSL context, socket factory
            new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"query\":{\"pages\":[{\"ns\":0}]}}");
            java.text.Normalizer.normalize("\u00e9", java.text.Normalizer.Form.NFKD);
        } catch (Throwable e) {
            // only ever a head start: the command does the same work itself and reports what fails there
        }
    }
}
