package org.criu.status.core.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.criu.status.core.http.Http;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RepologyClientTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String FILE = "https://repology.org/api/v1/project/file";

    private RepologyClient client() {
        return server.context().repology();
    }

    @Test
    void packagesOfAProject() throws Exception {
        server.onGet(FILE).json(SourceServer.fixture(RepologyClientTest.class, "repology-project-ok.json"));

        List<RepologyClient.Package> packages = client().packages("file");

        assertThat(packages).extracting(RepologyClient.Package::repo)
                .containsExactly("debian_12", "debian_13", "ubuntu_24_04", "slackware_current");
        RepologyClient.Package debian = packages.get(0);
        assertThat(debian.subrepo()).contains("main");
        assertThat(debian.version()).isEqualTo("5.44");
        assertThat(debian.origVersion()).contains("1:5.44-3");
        assertThat(debian.status()).isEqualTo("outdated");
        assertThat(debian.summary()).hasValueSatisfying(s -> assertThat(s).startsWith("Recognize the type"));
        assertThat(packages.get(1).name()).isEqualTo("libmagic1t64");
        assertThat(packages.get(2).name()).as("no binname: the source name").isEqualTo("file");
        RepologyClient.Package minimal = packages.get(3);
        assertThat(minimal.name()).isEmpty();
        assertThat(minimal.origVersion()).isEmpty();
        assertThat(minimal.status()).isEqualTo("newest");
    }

    @Test
    void theRequestNamesTheToolAsRepologyAsks() throws Exception {
        server.onGet(FILE).json("[]");

        client().packages("file");

        assertThat(server.requests().get(0).getHeader("User-Agent")).isEqualTo(Http.USER_AGENT)
                .contains("integration-status").contains("criu.org");
    }

    @Test
    void anUnknownProjectIsEmptyWhetherAnsweredWithAnEmptyListOr404() throws Exception {
        server.onGet(FILE).json("[]");
        server.onGet("https://repology.org/api/v1/project/no-such-project").respond(aResponse().withStatus(404));

        assertThat(client().packages("file")).isEmpty();
        assertThat(client().packages("no-such-project")).isEmpty();
    }

    @Test
    void serverErrorFailsNamingTheUrl() {
        server.onGet(FILE).status(502);

        assertThatThrownBy(() -> client().packages("file")).isInstanceOf(SourceException.class)
                .hasMessageContaining(FILE).hasMessageContaining("502");
    }

    @Test
    void rateLimitedFails() {
        server.onGet(FILE).respond(aResponse().withStatus(429).withHeader("Retry-After", "2"));

        assertThatThrownBy(() -> client().packages("file")).isInstanceOf(SourceException.class)
                .hasMessageContaining("429");
    }

    @Test
    void malformedBodyFails() {
        server.onGet(FILE).json("{\"error\": \"not a list\"}");

        assertThatThrownBy(() -> client().packages("file")).isInstanceOf(SourceException.class)
                .hasMessageContaining("not a list");
    }

    @Test
    void aPackageWithoutItsMandatoryFieldsIsNotRepologys() {
        server.onGet(FILE).json("[{\"srcname\": \"file\"}]");

        assertThatThrownBy(() -> client().packages("file")).isInstanceOf(SourceException.class)
                .hasMessageContaining("without repo or version");
    }

    @Test
    void anHtmlPageServedWith200IsNotData() {
        server.onGet(FILE).html("<html><body><h1>Repology is under maintenance</h1></body></html>");

        assertThatThrownBy(() -> client().packages("file")).isInstanceOf(SourceException.class)
                .hasMessageContaining("returned an HTML page (text/html), not JSON");
    }

    @Test
    void projectPageIsTheVersionsPage() {
        assertThat(RepologyClient.projectUrl("openjdk-crac")).isEqualTo("https://repology.org/project/openjdk-crac/versions");
    }
}
