package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.cli.CliRun.args;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The {@code check} command end to end: page and sources over HTTP (WireMock via --origin), or a recording. */
class CheckCommandTest {

    static final Path RECORDING = Path.of(System.getProperty("user.dir")).getParent().resolve("examples/criu-2026-11");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    @TempDir
    Path tmp;

    @Test
    void jsonReportFollowsTheContractOverOriginRewrites() throws IOException {
        server.serveRecording(RECORDING);

        CliRun run = CliRun.of(args("check", "--no-cache", "--format", "json", "--only", "file-utility",
                server.originArgs()));

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.path("tool").path("name").asText()).isEqualTo("integration-status");
        assertThat(report.path("tool").path("version").asText()).isEqualTo("0.1.0");
        assertThat(report.path("page").path("title").asText()).isEqualTo("Integration");
        assertThat(report.path("page").path("source").asText()).isEqualTo("https://criu.org/api.php");
        assertThat(report.path("page").path("revision").asLong()).isEqualTo(5678);
        assertThat(report.path("page").path("timestamp").asText()).isEqualTo("2025-03-02T10:00:00Z");
        assertThat(report.path("generatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        JsonNode summary = report.path("summary");
        assertThat(summary.path("integrations").asInt()).isEqualTo(13);
        assertThat(summary.path("confirmed").asInt()).isEqualTo(1);
        assertThat(summary.path("suggested").asInt()).isZero();
        assertThat(summary.path("unverified").asInt()).isZero();
        assertThat(summary.path("noChecker").asInt()).isEqualTo(12);

        JsonNode results = report.path("results");
        assertThat(results).hasSize(13);
        assertThat(results.get(0).path("integration").asText()).isEqualTo("Virtuozzo/OpenVZ");
        assertThat(results.get(12).path("integration").asText()).isEqualTo("Systemd");
        for (JsonNode result : results) {
            assertThat(result.fieldNames()).toIterable().contains("integration", "section", "wikiStatus", "verdict",
                    "suggestedStatus", "qualifier", "confidence", "checker", "evidence", "error");
        }
        JsonNode file = results.get(4);
        assertThat(file.path("integration").asText()).isEqualTo("The file utility");
        assertThat(file.path("section").asText()).isEqualTo("Tools and utilities");
        assertThat(file.path("wikiStatus").asText()).isEqualTo("ready");
        assertThat(file.path("verdict").asText()).isEqualTo("confirmed");
        assertThat(file.path("suggestedStatus").isNull()).isTrue();
        assertThat(file.path("qualifier").isNull()).isTrue();
        assertThat(file.path("confidence").asText()).isEqualTo("high");
        assertThat(file.path("checker").asText()).isEqualTo("file-utility");
        assertThat(file.path("error").isNull()).isTrue();
        JsonNode evidence = file.path("evidence").get(0);
        assertThat(evidence.path("source").asText()).isEqualTo("github");
        assertThat(evidence.path("url").asText()).startsWith("https://github.com/file/file/blob/FILE5_48/magic/Magdir/linux#L");
        assertThat(evidence.path("date").asText()).isEqualTo("2026-06-08");
        assertThat(evidence.path("quote").asText()).contains("CRIU image file v1.1");
        assertThat(evidence.path("supports").asText()).isEqualTo("ready");
        assertThat(results.get(0).path("verdict").asText()).isEqualTo("no-checker");

        assertThat(server.requestsFor("https://api.github.com/repos/file/file/tags?per_page=100")).isEqualTo(1);
    }

    @Test
    void aSuggestionExitsOneAndTheTextReportShowsTheChangeAndItsEvidence() throws IOException {
        server.serveRecording(RECORDING);
        Path page = Files.writeString(tmp.resolve("page.wiki"), """
                == Tools ==
                === The file utility ===
                Status: not started
                """);

        CliRun run = CliRun.of(args("check", "--no-cache", "--page-file", page, server.originArgs()));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("The file utility: not started -> ready")
                .contains("https://github.com/file/file/blob/FILE5_48/magic/Magdir/linux#L")
                .contains("1 entries: 0 confirmed, 1 suggested");
    }

    @Test
    void theBundledRecordingAnswersAReplayedRunWithoutNetwork() throws IOException {
        CliRun run = CliRun.of(args("check", "--replay", RECORDING, "--only", "file-utility", "--format", "json"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).path("results").get(4).path("verdict").asText()).isEqualTo("confirmed");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aRequestMissingFromTheRecordingMakesThatCheckUnverifiedNamingTheUrl() throws IOException {
        Path copy = Files.createDirectory(tmp.resolve("rec"));
        try (Stream<Path> files = Files.list(RECORDING)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().startsWith("raw.githubusercontent.com_file_file_FILE5_48")) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
        }

        CliRun run = CliRun.of(args("check", "--replay", copy, "--only", "file-utility"));

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("The file utility: unverified: no recording for GET "
                + "https://raw.githubusercontent.com/file/file/FILE5_48/magic/Magdir/linux");
    }

    @Test
    void aRecordedRunReplaysToTheSameReport() throws IOException {
        server.serveRecording(RECORDING);
        Path recording = tmp.resolve("recorded");

        CliRun live = CliRun.of(args("check", "--no-cache", "--format", "json", "--only", "file-utility",
                "--record", recording, server.originArgs()));
        server.wireMock().stop();
        CliRun replayed = CliRun.of(args("check", "--format", "json", "--only", "file-utility", "--replay", recording));

        assertThat(live.exitCode()).isZero();
        assertThat(replayed.exitCode()).as(replayed.err()).isZero();
        assertThat(withoutTime(replayed.out())).isEqualTo(withoutTime(live.out()));
        try (Stream<Path> files = Files.list(recording)) {
            List<String> first = files.filter(f -> f.toString().contains("file_file_tags"))
                    .map(f -> readFirstLines(f)).toList();
            assertThat(first).containsExactly("GET https://api.github.com/repos/file/file/tags?per_page=100\nHTTP 200");
        }
    }

    @Test
    void outputFileGetsTheSameReportAsStdout() throws IOException {
        server.serveRecording(RECORDING);
        Path out = Files.createDirectory(tmp.resolve("reports")).resolve("report.json");

        CliRun run = CliRun.of(args("check", "--no-cache", "--format", "json", "--only", "file-utility",
                "--output", out, server.originArgs()));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(JSON.readTree(out.toFile()).path("summary").path("confirmed").asInt()).isEqualTo(1);
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertThat(left).containsExactly(out);
        }
    }

    @Test
    void verboseLogsOneLinePerExchangeAndNeverTheToken() {
        server.serveRecording(RECORDING);

        CliRun run = CliRun.of(Map.of("GITHUB_TOKEN", "ghp_secretsecret"), args("check", "--no-cache", "--verbose",
                "--only", "file-utility", server.originArgs()));

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).containsPattern(
                "GET https://api.github.com/repos/file/file/tags\\?per_page=100 200 network \\d+ms");
        assertThat(run.err()).doesNotContain("ghp_secretsecret");
        assertThat(server.wireMock().findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/api.github.com/.*"))))
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer ghp_secretsecret"));
        assertThat(server.wireMock().findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/(raw.githubusercontent.com|criu.org)/.*"))))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.containsHeader("Authorization")).isFalse());
    }

    private static String withoutTime(String json) {
        return json.replaceAll("\"generatedAt\" : \"[^\"]*\"", "");
    }

    private static String readFirstLines(Path f) {
        try {
            List<String> lines = Files.readAllLines(f);
            return lines.get(0) + "\n" + lines.get(1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
