package org.criu.status.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.SourceHttp;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Past the size cap a response is a clear failure naming URL and limit, and is not retried. */
class ResponseSizeLimitInterceptorTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String URL = "https://raw.githubusercontent.com/SchedMD/slurm/slurm-20-02-0-1/NEWS";
    private static final String TOO_LARGE = "GET " + URL + ": response body larger than the 1 KB limit";

    private SourceHttp http(long limit) {
        return new SourceHttp(server.client(server.httpOptions().withLimits(HttpLimits.defaults().withMaxBodyBytes(limit))));
    }

    @Test
    void aBodyPastTheLimitFailsNamingUrlAndLimitEvenWhenItTravelsCompressed() {
        server.onGet(URL).text("x".repeat(2048));

        assertThatThrownBy(() -> http(1024).get(URL, Map.of()))
                .isInstanceOf(SourceException.class).hasMessage(TOO_LARGE);
        assertThat(server.requestsFor(URL)).isEqualTo(1);
    }

    @Test
    void aChunkedBodyIsCutOffOnceItPassesTheLimit() {
        server.onGet(URL).respond(aResponse().withStatus(200).withBody("y".repeat(4096))
                .withChunkedDribbleDelay(4, 20));

        assertThatThrownBy(() -> http(1024).get(URL, Map.of()))
                .isInstanceOf(SourceException.class).hasMessage(TOO_LARGE);
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() throws Exception {
        server.onGet(URL).text("z".repeat(1024));

        assertThat(http(1024).get(URL, Map.of())).hasValueSatisfying(p -> assertThat(p.body()).hasSize(1024));
    }

    @Test
    void aDeclaredLengthPastTheLimitFailsBeforeReading() {
        ResponseBody body = ResponseBody.create(new byte[2048], null);
        Response response = new Response.Builder().request(new Request.Builder().url(URL).build())
                .protocol(Protocol.HTTP_1_1).code(200).message("OK").body(body).build();

        assertThatThrownBy(() -> ResponseSizeLimitInterceptor.read(body, 1024, URL, response))
                .isInstanceOf(SourceException.class).hasMessage(TOO_LARGE);
    }

    @Test
    void theDefaultLimitIsTenMegabytes() {
        assertThat(HttpLimits.describeBytes(HttpLimits.defaults().maxBodyBytes())).isEqualTo("10 MB");
        assertThat(HttpLimits.describeBytes(1500)).isEqualTo("1500 bytes");
    }
}
