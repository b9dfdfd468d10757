package org.criu.status.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JavaType;
import java.util.List;
import java.util.Map;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The one place HTTP becomes data: found, not found, failed, and bodies that are not what was promised.
 * Runs against WireMock on loopback: the kit (SourceServer) rewrites each real origin to it.
 */
class SourceHttpTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String URL = "https://repology.org/api/v1/project/criu";
    private static final JavaType LIST = SourceHttp.JSON.getTypeFactory().constructCollectionType(List.class, Map.class);
    private static final JavaType OBJECT = SourceHttp.JSON.getTypeFactory().constructType(Map.class);

    @Test
    void returnsBodyAndHeadersOfASuccess() throws Exception {
        server.onGet(URL).json("[{\"repo\":\"debian_13\",\"srcname\":\"criu\",\"version\":\"4.1\","
                + "\"status\":\"outdated\"}]", Map.of("X-Total-Pages", "1"));

        SourceHttp.Page page = server.context().http().get(URL, Map.of()).orElseThrow();

        assertThat(page.body()).contains("debian_13");
        assertThat(page.headers().get("X-Total-Pages")).isEqualTo("1");
        assertThat(server.context().http().<List<Map<String, Object>>>getJson(URL, LIST, Map.of()).orElseThrow())
                .singleElement().satisfies(m -> assertThat(m).containsEntry("version", "4.1"));
    }

    @Test
    void notFoundAndGoneAreEmpty() throws Exception {
        server.onGet(URL).status(404);
        server.onGet(URL + "-gone").status(410);
        SourceHttp http = server.context().http();

        assertThat(http.get(URL, Map.of())).isEmpty();
        assertThat(http.getJson(URL + "-gone", LIST, Map.of())).isEmpty();
    }

    @Test
    void otherErrorsFailNamingUrlAndStatus() {
        server.onGet(URL).status(401);

        assertThatThrownBy(() -> server.context().http().get(URL, Map.of()))
                .isInstanceOf(SourceException.class)
                .hasMessage("GET " + URL + " answered HTTP 401");
    }

    @Test
    void jsonNullAnEmptyBodyAndTheWrongShapeAreFailures() {
        SourceHttp http = server.context().http();

        assertThatThrownBy(() -> http.parse(URL, "null", OBJECT)).isInstanceOf(SourceException.class)
                .hasMessage("GET " + URL + " returned JSON null, not an object");
        assertThatThrownBy(() -> http.parse(URL, "", LIST)).isInstanceOf(SourceException.class)
                .hasMessage("GET " + URL + " returned an empty body");
        assertThatThrownBy(() -> http.parse(URL, "{\"error\":\"x\"}", LIST)).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("GET " + URL + " returned JSON that is not a list");
        assertThatThrownBy(() -> http.parse(URL, "{\"items\":7}",
                SourceHttp.JSON.getTypeFactory().constructType(GitHubClient.SearchJson.class)))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("GET " + URL + " returned JSON of an unexpected shape at ")
                .hasMessageContaining("items");
        assertThatThrownBy(() -> http.parse(URL, "  <html><body>Too many requests</body></html>", LIST))
                .isInstanceOf(SourceException.class)
                .hasMessage("GET " + URL + " returned an HTML page, not JSON");
    }
}
