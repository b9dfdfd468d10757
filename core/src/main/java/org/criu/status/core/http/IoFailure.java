package org.criu.status.core.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/** One wording for a failed exchange, wherever it is printed ({@code --verbose}, a report's reason). */
public final class IoFailure {

    /** The words for a request that took too long, whichever of OkHttp's timers noticed first. */
    public static final String TIMED_OUT = "timed out";

    private IoFailure() {
    }

    /**
     * What went wrong, for a person. A stalled read ends as a {@link SocketTimeoutException} ("Read timed out",
     * "timeout") or, when the whole call's deadline fires first, as an {@link InterruptedIOException} "timeout":
     * which one wins is a race between two timers, so both read the same. A host that could not be resolved or
     * reached says so ("could not resolve host criu.org ...", "could not connect: ...").
     */
    public static String describe(IOException e) {
        if (isTimeout(e)) {
            return TIMED_OUT;
        }
        if (isCutShort(e)) {
            return "body cut short: the connection closed before all the bytes its Content-Length announced "
                    + "arrived (" + e.getMessage() + ")";
        }
        Optional<String> unreachable = unreachable(e);
        if (unreachable.isPresent()) {
            return unreachable.get();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Whether the body ended before its declared length (OkHttp's words for a connection closed too early). */
    public static boolean isCutShort(IOException e) {
        return e instanceof java.net.ProtocolException && e.getMessage() != null
                && e.getMessage().startsWith("unexpected end of stream");
    }

    /**
     * Whether the exchange never reached the host: its name did not resolve, the connection was refused, or
     * there was no route or no network. That is what a run without a network looks like.
     */
    public static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (unreachable(t).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The words for a host that could not be resolved or reached; empty for any other failure. */
    private static Optional<String> unreachable(Throwable t) {
        if (t instanceof UnknownHostException) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            int colon = message.indexOf(':');
            String host = colon > 0 ? message.substring(0, colon) : message;
            return Optional.of("could not resolve host " + (host.isBlank() ? "(unnamed)" : host)
                    + " (no network, or no DNS answer for that name)");
        }
        if (t instanceof NoRouteToHostException) {
            return Optional.of("could not reach the host: no route to it (" + message(t) + ")");
        }
        if (t instanceof ConnectException) {
            String root = message(rootCause(t));
            String outer = message(t);
            return Optional.of("could not connect: " + outer
                    + (outer.toLowerCase(Locale.ROOT).contains(root.toLowerCase(Locale.ROOT)) ? "" : " (" + root + ")"));
        }
        if (t instanceof SocketException && t.getMessage() != null
                && t.getMessage().toLowerCase(Locale.ROOT).contains("network is unreachable")) {
            return Optional.of("could not reach the host: network is unreachable");
        }
        return Optional.empty();
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** Whether the exchange failed because it took too long (not because the run cancelled it). */
    public static boolean isTimeout(IOException e) {
        return e instanceof SocketTimeoutException
                || (e.getClass() == InterruptedIOException.class && "timeout".equals(e.getMessage()));
    }
}
