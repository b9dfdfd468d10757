package org.criu.status.core.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebPageClientTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String PAGE = "https://docs.docker.com/reference/cli/docker/checkpoint/";

    private WebPageClient client() {
        return server.context().webPages();
    }

    private void pageAsToday() {
        server.onGet(PAGE).html(SourceServer.fixture(WebPageClientTest.class, "web-page-ok.html"));
    }

    @Test
    void titleAndVisibleTextAsLines() throws Exception {
        pageAsToday();

        WebPageClient.WebPage page = client().page(PAGE).orElseThrow();

        assertThat(page.title()).isEqualTo("docker checkpoint | Docker Docs");
        assertThat(page.lines()).startsWith("Home", "Reference", "docker checkpoint", "Experimental");
        assertThat(page.lines()).contains("This command is experimental on the Docker daemon. It should not be used"
                + " in production environments.");
        // <pre> keeps its own lines; each table cell is a line of its own.
        assertThat(page.lines()).contains("docker checkpoint COMMAND",
                "docker checkpoint create [OPTIONS] CONTAINER CHECKPOINT");
        assertThat(page.lines()).containsSubsequence("docker checkpoint create",
                "Create a checkpoint from a running container", "docker checkpoint ls");
        assertThat(page.text()).doesNotContain("not visible").doesNotContain("font-family");
    }

    @Test
    void linesMatchingFindsTheWordOnly() throws Exception {
        pageAsToday();

        WebPageClient.WebPage page = client().page(PAGE).orElseThrow();

        assertThat(page.linesMatching(Pattern.compile("(?i)\\bcriu\\b")))
                .containsExactly("This feature requires CRIU to be installed.", "See the CRIU documentation.");
    }

    @Test
    void selectGivesTheTextOfEachMatch() throws Exception {
        pageAsToday();

        assertThat(client().select(PAGE, "table.subcommands td code")).hasValueSatisfying(l -> assertThat(l)
                .containsExactly("docker checkpoint create", "docker checkpoint ls"));
        assertThat(client().select(PAGE, "div.nothing-here")).hasValueSatisfying(l -> assertThat(l).isEmpty());
    }

    @Test
    void anEmptyPageHasNoLines() throws Exception {
        server.onGet(PAGE).html("");

        WebPageClient.WebPage page = client().page(PAGE).orElseThrow();

        assertThat(page.title()).isEmpty();
        assertThat(page.lines()).isEmpty();
    }

    @Test
    void plainTextIsReadAsLines() throws Exception {
        server.onGet(PAGE).text("first line\n\n  second   line \n");

        assertThat(client().page(PAGE).orElseThrow().lines()).containsExactly("first line", "second line");
    }

    @Test
    void aMissingPageIsEmpty() throws Exception {
        server.onGet(PAGE).status(404);
        server.onGet("https://docs.docker.com/gone").status(410);

        assertThat(client().page(PAGE)).isEmpty();
        assertThat(client().select("https://docs.docker.com/gone", "p")).isEmpty();
    }

    @Test
    void serverErrorFailsNamingTheUrl() {
        server.onGet(PAGE).status(503);

        assertThatThrownBy(() -> client().page(PAGE)).isInstanceOf(SourceException.class)
                .hasMessageContaining(PAGE).hasMessageContaining("503");
    }

    @Test
    void jsonWhereAPageWasExpectedIsNotAPage() {
        server.onGet(PAGE).json("{\"message\":\"Not a page\"}");

        assertThatThrownBy(() -> client().page(PAGE)).isInstanceOf(SourceException.class)
                .hasMessageContaining("application/json, not a web page");
    }

    @Test
    void brokenHtmlIsReadAsABrowserWould() throws Exception {
        server.onGet(PAGE).respond(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><title>Broken</title><body><p>unclosed paragraph<p>next <b>bold<div>block"));

        WebPageClient.WebPage page = client().page(PAGE).orElseThrow();

        assertThat(page.title()).isEqualTo("Broken");
        assertThat(page.lines()).containsExactly("unclosed paragraph", "next bold", "block");
    }
}
