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

    // Answers are checked before they are believed: faults that used to become content or absence.

    private static final String RAW = "https://raw.githubusercontent.com/file/file/FILE5_48/magic/Magdir/linux";

    @Test
    void aRedirectToAnotherHostThatAnswers404IsAFailureNotAbsence() {
        server.origin("https://login.example.net");
        server.onGet(RAW).respond(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(302)
                .withHeader("Location", "https://login.example.net/sso?return=raw"));
        server.onGet("https://login.example.net/sso?return=raw").status(404);

        assertThatThrownBy(() -> server.context().http().get(RAW, Map.of(), AnswerShape.RAW_FILE))
                .isInstanceOf(SourceException.class)
                .hasMessage("GET " + RAW + " was redirected to https://login.example.net/sso?return=raw, another host, "
                        + "which answered HTTP 404: not raw.githubusercontent.com's own answer");
    }

    @Test
    void aRedirectToAnotherHostThatAnswers200IsAFailureNotContent() {
        server.origin("https://login.example.net");
        server.onGet(RAW).respond(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(302)
                .withHeader("Location", "https://login.example.net/sso?return=raw"));
        server.onGet("https://login.example.net/sso?return=raw").text("Please sign in to continue");

        assertThatThrownBy(() -> server.context().http().get(RAW, Map.of(), AnswerShape.RAW_FILE))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("another host, which answered HTTP 200: not raw.githubusercontent.com's own");
    }

    @Test
    void anHtmlPageServedWith200WhereARawFileBelongsIsAFailure() {
        server.onGet(RAW).html("<!DOCTYPE html><html><head><title>Sign in</title></head><body>Wi-Fi login</body>"
                + "</html>");

        assertThatThrownBy(() -> server.context().http().get(RAW, Map.of(), AnswerShape.RAW_FILE))
                .isInstanceOf(SourceException.class)
                .hasMessage("GET " + RAW + " returned an HTML page (text/html), not the file's raw text");
    }

    @Test
    void a404FromAHostThatAnswers404ForEverythingIsAFailureNotAbsence() {
        server.everythingNotFoundOn("https://raw.githubusercontent.com");

        assertThatThrownBy(() -> server.context().http().get(RAW, Map.of(), AnswerShape.RAW_FILE))
                .isInstanceOf(SourceException.class)
                .hasMessage("GET " + RAW + " answered HTTP 404, but raw.githubusercontent.com answers 404 also for "
                        + "https://raw.githubusercontent.com/checkpoint-restore/criu/v4.2/COPYING, which exists: the "
                        + "whole host answers 'not found' (an API that moved?), so its 404 proves nothing");
    }

    @Test
    void a404FromAHealthyHostIsAbsenceAndTheHostIsProbedOncePerRun() throws Exception {
        server.onGet(RAW).status(404);
        server.onGet(RAW + ".orig").status(404);
        SourceHttp http = server.context().http();

        assertThat(http.get(RAW, Map.of(), AnswerShape.RAW_FILE)).isEmpty();
        assertThat(http.get(RAW + ".orig", Map.of(), AnswerShape.RAW_FILE)).isEmpty();

        assertThat(server.requests()).filteredOn(r -> r.getMethod().getName().equals("HEAD")).singleElement()
                .satisfies(r -> assertThat(r.getUrl()).isEqualTo(
                        "/raw.githubusercontent.com/checkpoint-restore/criu/v4.2/COPYING"));
        assertThat(http.hosts().isProven("raw.githubusercontent.com")).isTrue();
    }

    @Test
    void aHostACanaryProvedNeedsNoProbe() throws Exception {
        server.onGet(RAW).status(404);
        SourceHttp http = server.context().http();
        http.hosts().proven("https://raw.githubusercontent.com/file/file/FILE5_23/magic/Magdir/linux");

        assertThat(http.get(RAW, Map.of(), AnswerShape.RAW_FILE)).isEmpty();
        assertThat(server.requests()).noneMatch(r -> r.getMethod().getName().equals("HEAD"));
    }

    @Test
    void aCanarysKnownPresentResourceIsTheHostsProbe() {
        String known = "https://raw.githubusercontent.com/file/file/FILE5_23/magic/Magdir/linux";
        server.onGet(RAW).status(404);
        server.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.head(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(server.pathFor(known)))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(404)));
        SourceHttp http = server.context().http();
        http.hosts().knownPresent(known, AnswerShape.RAW_FILE);

        assertThatThrownBy(() -> http.get(RAW, Map.of(), AnswerShape.RAW_FILE)).isInstanceOf(SourceException.class)
                .hasMessageContaining("answers 404 also for " + known + ", which exists");
    }

    @Test
    void a404ServedAsAnHtmlPageWhereAnApiAnswersJsonIsNotTheApisNotFound() {
        server.onGet(URL).respond(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Not Found (nginx)</body></html>"));

        assertThatThrownBy(() -> server.context().http().getJson(URL, LIST, Map.of()))
                .isInstanceOf(SourceException.class)
                .hasMessage("GET " + URL + " answered HTTP 404 with an HTML page, not repology.org's own 'not found' "
                        + "(a proxy's or a CDN's page?)");
    }

    @Test
    void aBodyShorterThanItsContentLengthIsAFailureNotContent() {
        server.onGet(RAW).respond(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withHeader("Content-Length", "4096")
                // identity: the server must not compress (and re-frame) this body; it sends it cut short.
                .withHeader("Content-Encoding", "identity")
                .withBody("0\tlelong\t0x54564319\tCRIU image"));

        assertThatThrownBy(() -> server.context().http().get(RAW, Map.of(), AnswerShape.RAW_FILE))
                .isInstanceOf(SourceException.class)
                .hasMessage("GET " + RAW + " failed: body cut short: the connection closed before all the bytes its "
                        + "Content-Length announced arrived (unexpected end of stream) (after 3 attempts)");
    }

    @Test
    void aFailureAfterARedirectNamesTheHostThatFailed() {
        String moved = "https://api.github.com/repositories/109145553";
        String gh = "https://api.github.com/repos/containers/podman";
        server.origin("https://mirror.example.org");
        server.onGet(gh).respond(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(301)
                .withHeader("Location", moved));
        server.onGet(moved).status(503);

        assertThatThrownBy(() -> server.context().http().get(gh, Map.of(), AnswerShape.JSON))
                .isInstanceOf(SourceException.class)
                .hasMessage("GET " + gh + " was redirected to " + moved + ", which answered HTTP 503 (after 3 attempts)");
    }

    @Test
    void aConnectionFailureAfterARedirectNamesTheHopThatFailed() {
        String gh = "https://api.github.com/repos/containers/podman";
        String elsewhere = "https://mirror.example.org/containers/podman";
        server.origin("https://mirror.example.org");
        server.onGet(gh).respond(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(302)
                .withHeader("Location", elsewhere));
        server.onGet(elsewhere).fault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);

        assertThatThrownBy(() -> server.context().http().get(gh, Map.of(), AnswerShape.ANY))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("GET " + gh + " was redirected to " + elsewhere + ", which failed: ");
    }
}
