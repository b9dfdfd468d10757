package org.criu.status.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/**
 * The words for a failed exchange. A run without a network fails with these exceptions (as OkHttp throws them);
 * they are built here because a test must never depend on the real network or DNS. The CLI's BadInputTest
 * reaches a closed port on loopback for the real thing.
 */
class IoFailureTest {

    @Test
    void aNameThatDoesNotResolveSaysSo() {
        assertThat(IoFailure.describe(new UnknownHostException("criu.org")))
                .isEqualTo("could not resolve host criu.org (no network, or no DNS answer for that name)");
        assertThat(IoFailure.describe(new UnknownHostException("criu.org: Temporary failure in name resolution")))
                .startsWith("could not resolve host criu.org (");
        assertThat(IoFailure.isUnreachable(new UnknownHostException("criu.org"))).isTrue();
    }

    @Test
    void aRefusedOrUnroutableConnectionSaysSo() {
        ConnectException okhttp = new ConnectException("Failed to connect to /127.0.0.1:9");
        okhttp.initCause(new ConnectException("Connection refused"));
        assertThat(IoFailure.describe(okhttp))
                .isEqualTo("could not connect: Failed to connect to /127.0.0.1:9 (Connection refused)");
        assertThat(IoFailure.describe(new NoRouteToHostException("No route to host")))
                .isEqualTo("could not reach the host: no route to it (No route to host)");
        assertThat(IoFailure.describe(new SocketException("Network is unreachable")))
                .isEqualTo("could not reach the host: network is unreachable");
    }

    @Test
    void unreachableIsFoundUnderTheRetryWrapperAndOtherFailuresAreNotUnreachable() {
        IOException wrapped = new IOException("could not resolve host criu.org (after 3 attempts)",
                new UnknownHostException("criu.org"));
        assertThat(IoFailure.isUnreachable(wrapped)).isTrue();
        assertThat(IoFailure.describe(wrapped)).as("the wrapper's own words, attempts included")
                .isEqualTo("could not resolve host criu.org (after 3 attempts)");

        assertThat(IoFailure.isUnreachable(new SocketException("Connection reset"))).isFalse();
        assertThat(IoFailure.isUnreachable(new SocketTimeoutException("Read timed out"))).isFalse();
        assertThat(IoFailure.describe(new SocketException("Connection reset"))).isEqualTo("Connection reset");
        assertThat(IoFailure.describe(new SocketTimeoutException("connect timed out"))).isEqualTo("timed out");
    }
}
