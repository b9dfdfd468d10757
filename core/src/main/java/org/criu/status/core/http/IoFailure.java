package org.criu.status.core.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/** One wording for a failed exchange, wherever it is printed ({@code --verbose}, a report's reason). */
public final class IoFailure {

    /** The words for a request that took too long, whichever of OkHttp's timers noticed first. */
    public static final String TIMED_OUT = "timed out";

    private IoFailure() {
    }

    /**
     * What went wrong, for a person. A stalled read ends as a {@link SocketTimeoutException} ("Read timed out",
     * "timeout") or, when the whole call's deadline fires first, as an {@link InterruptedIOException} "timeout":
     * which one wins is a race between two timers, so both read the same.
     */
    public static String describe(IOException e) {
        if (isTimeout(e)) {
            return TIMED_OUT;
        }
        if (isCutShort(e)) {
            return "body cut short: the connection closed before all the bytes its Content-Length announced "
                    + "arrived (" + e.getMessage() + ")";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Whether the body ended before its declared length (OkHttp's words for a connection closed too early). */
    public static boolean isCutShort(IOException e) {
        return e instanceof java.net.ProtocolException && e.getMessage() != null
                && e.getMessage().startsWith("unexpected end of stream");
    }

    /** Whether the exchange failed because it took too long (not because the run cancelled it). */
    public static boolean isTimeout(IOException e) {
        return e instanceof SocketTimeoutException
                || (e.getClass() == InterruptedIOException.class && "timeout".equals(e.getMessage()));
    }
}
