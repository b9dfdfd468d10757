package org.criu.status.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AzulClientTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    static final String CRAC = "https://api.azul.com/metadata/v1/zulu/packages?crac_supported=true&os=linux&arch=x64"
            + "&java_package_type=jdk&release_status=ga&availability_types=CA&latest=true&page=1&page_size=100";

    private AzulClient client() {
        return server.context().azul();
    }

    @Test
    void cracPackagesAsTheApiListsThem() throws Exception {
        server.onGet(CRAC).json(SourceServer.fixture(AzulClientTest.class, "azul-packages-crac-ok.json"));

        List<AzulClient.ZuluPackage> packages = client().cracPackages("linux", "x64");

        assertThat(packages).hasSize(2);
        AzulClient.ZuluPackage p = packages.get(0);
        assertThat(p.name()).isEqualTo("zulu21.38.21-ca-crac-jdk21.0.5-linux_x64.tar.gz");
        assertThat(p.javaVersionText()).isEqualTo("21.0.5");
        assertThat(p.javaMajor()).isEqualTo(21);
        assertThat(p.distroVersionText()).isEqualTo("21.38.21");
        assertThat(p.latest()).isTrue();
        assertThat(p.crac()).as("read from Azul's -crac- file naming").isTrue();
        assertThat(p.cracSupported()).isEmpty();
        assertThat(p.availabilityType()).contains("CA");
        assertThat(p.downloadUrl()).startsWith("https://cdn.azul.com/zulu/bin/");
        assertThat(packages.get(1).javaMajor()).isEqualTo(17);
    }

    @Test
    void theApiFlagWinsOverTheName() throws Exception {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("java_version", "21");
        filters.put("include_fields", "crac_supported");
        server.onGet("https://api.azul.com/metadata/v1/zulu/packages?java_version=21&include_fields=crac_supported"
                + "&page=1&page_size=100").json("""
                [{"package_uuid":"u1","name":"zulu21.38.21-ca-jdk21.0.5-linux_x64.tar.gz","java_version":[21,0,5],
                  "distro_version":[21,38,21,0],"latest":true,"crac_supported":false,
                  "download_url":"https://cdn.azul.com/zulu/bin/zulu21.38.21-ca-jdk21.0.5-linux_x64.tar.gz"},
                 {"package_uuid":"u2","name":"zulu21.38.21-ca-crac-jdk21.0.5-linux_x64.tar.gz","java_version":[21,0,5],
                  "distro_version":[21,38,21,0],"latest":true,"crac_supported":true,
                  "download_url":"https://cdn.azul.com/zulu/bin/zulu21.38.21-ca-crac-jdk21.0.5-linux_x64.tar.gz"}]""");

        List<AzulClient.ZuluPackage> packages = client().packages(filters, 3);

        assertThat(packages).extracting(AzulClient.ZuluPackage::crac).containsExactly(false, true);
    }

    @Test
    void readsFurtherPagesOnlyWhileTheyAreFull() throws Exception {
        Map<String, String> filters = Map.of("java_version", "21");
        String base = "https://api.azul.com/metadata/v1/zulu/packages?java_version=21";
        List<String> full = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            full.add("{\"package_uuid\":\"u" + i + "\",\"name\":\"zulu-" + i + "\",\"java_version\":[21,0," + i + "],"
                    + "\"distro_version\":[21,0,0,0],\"latest\":false,\"download_url\":\"\"}");
        }
        server.onGet(base + "&page=1&page_size=100").json("[" + String.join(",", full) + "]");
        server.onGet(base + "&page=2&page_size=100").json("[{\"package_uuid\":\"last\",\"name\":\"zulu-last\","
                + "\"java_version\":[21,0,100],\"distro_version\":[],\"latest\":true,\"download_url\":\"\"}]");

        assertThat(client().packages(filters, 5)).hasSize(101);
        assertThat(server.requestsFor(base + "&page=3&page_size=100")).isZero();
    }

    @Test
    void noPackagesIsEmpty() throws Exception {
        server.onGet(CRAC).json("[]");

        assertThat(client().cracPackages("linux", "x64")).isEmpty();
    }

    @Test
    void notFoundIsAFailureNotAnEmptyList() {
        // Azul answers "no such builds" with []; a 404 means the endpoint moved, and must not read as "no CRaC".
        server.onGet(CRAC).notFound();

        assertThatThrownBy(() -> client().cracPackages("linux", "x64")).isInstanceOf(SourceException.class)
                .hasMessage("GET " + CRAC + " answered HTTP 404: Azul's packages endpoint is gone (an API that "
                        + "moved?); it answers 'no such builds' with an empty list, never a 404");
    }

    @Test
    void serverErrorFailsNamingTheUrl() {
        server.onGet(CRAC).status(503);

        assertThatThrownBy(() -> client().cracPackages("linux", "x64")).isInstanceOf(SourceException.class)
                .hasMessageContaining(CRAC).hasMessageContaining("503");
    }

    @Test
    void malformedBodyFails() {
        server.onGet(CRAC).json("[{\"name\":\"zulu\",\"java_version\":\"twenty-one\"}]");

        assertThatThrownBy(() -> client().cracPackages("linux", "x64")).isInstanceOf(SourceException.class)
                .hasMessageContaining("unexpected shape at $[0].java_version");
    }

    @Test
    void aPackageWithoutNameOrVersionIsNotAzuls() {
        server.onGet(CRAC).json("[{\"package_uuid\":\"u\"}]");

        assertThatThrownBy(() -> client().cracPackages("linux", "x64")).isInstanceOf(SourceException.class)
                .hasMessageContaining("without name or java_version");
    }

    @Test
    void anHtmlPageServedWith200IsNotData() {
        server.onGet(CRAC).html("<!doctype html><html><body>Swagger UI</body></html>");

        assertThatThrownBy(() -> client().cracPackages("linux", "x64")).isInstanceOf(SourceException.class)
                .hasMessageContaining("returned an HTML page (text/html), not JSON");
    }
}
