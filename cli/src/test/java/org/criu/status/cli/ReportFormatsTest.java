package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.cli.CliRun.args;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The report formats of {@code check} on the bundled recording. */
class ReportFormatsTest {

    static final Path RECORDING = CheckCommandTest.RECORDING;

    /** The page's wikitext exactly as the recording serves it. */
    static String recordedPage() throws Exception {
        try (Stream<Path> files = Files.list(RECORDING)) {
            Path page = files.filter(f -> f.getFileName().toString().startsWith("criu.org_api.php")).findFirst()
                    .orElseThrow();
            String http = Files.readString(page);
            String body = http.substring(http.indexOf("\n{") + 1);
            return new ObjectMapper().readTree(body).path("query").path("pages").get(0).path("revisions").get(0)
                    .path("slots").path("main").path("content").asText();
        }
    }

    @Test
    void wikitextWithNothingToChangeIsThePageByteForByte() throws Exception {
        CliRun run = CliRun.of(args("check", "--replay", RECORDING, "--only", "openvz,shell", "--format", "wikitext"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(recordedPage());
    }

    @Test
    void wikitextAndDiffCarryTheSuggestedChangesOnly() throws Exception {
        String page = recordedPage();

        CliRun wikitext = CliRun.of(args("check", "--replay", RECORDING, "--only", "slurm,docker", "--format", "wikitext"));
        CliRun diff = CliRun.of(args("check", "--replay", RECORDING, "--only", "slurm,docker", "--format", "diff"));

        assertThat(wikitext.exitCode()).isEqualTo(1);
        assertThat(wikitext.out()).isEqualTo(page
                .replace("=== SLURM workload manager ===\n'''Status:''' ready",
                        "=== SLURM workload manager ===\n'''Status:''' dropped")
                .replace("=== Docker ===\n'''Status:''' ready\n", "=== Docker ===\n'''Status:''' ready\n* Note: "
                        + "experimental ([https://github.com/docker/cli/blob/v29.7.2/cli/command/checkpoint/cmd.go#L10"
                        + " docker/cli v29.7.2 cmd.go])\n"));
        assertThat(diff.exitCode()).isEqualTo(1);
        assertThat(diff.out()).startsWith("Edit summary: integration-status: Docker: keep ready, add a note: "
                + "experimental (https://github.com/docker/cli/blob/v29.7.2/cli/command/checkpoint/cmd.go#L10); "
                + "SLURM workload manager: change ready -> dropped "
                + "(https://github.com/SchedMD/slurm/blob/slurm-20-02-0-1/RELEASE_NOTES#L40-L41)\n--- a/Integration\n")
                .contains("\n-'''Status:''' ready\n+'''Status:''' dropped\n");
    }

    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    @Test
    void oneRunWritesEveryFormatAndEachReadsBack() throws Exception {
        Path dir = tmp.resolve("reports");

        CliRun run = CliRun.of(args("check", "--replay", RECORDING, "--report-dir", dir, "--format", "json"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly("report.diff",
                    "report.html", "report.json", "report.md", "report.txt", "report.wiki");
        }
        assertThat(Files.readString(dir.resolve("report.json"))).isEqualTo(run.out());
        assertThat(Files.readString(dir.resolve("report.txt"))).isEqualTo(
                CliRun.of(args("check", "--replay", RECORDING)).out());
        org.commonmark.node.Node md = org.commonmark.parser.Parser.builder()
                .extensions(java.util.List.of(org.commonmark.ext.gfm.tables.TablesExtension.create())).build()
                .parse(Files.readString(dir.resolve("report.md")));
        java.util.List<org.commonmark.ext.gfm.tables.TableRow> rows = new java.util.ArrayList<>();
        md.accept(new org.commonmark.node.AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.CustomNode node) {
                if (node instanceof org.commonmark.ext.gfm.tables.TableRow row) {
                    rows.add(row);
                }
                visitChildren(node);
            }

            @Override
            public void visit(org.commonmark.node.CustomBlock node) {
                visitChildren(node);
            }
        });
        assertThat(rows).as("the summary table: a header row and one row per entry").hasSize(14);
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(Files.readString(dir.resolve("report.html")));
        assertThat(html.select("article")).hasSize(13);
        assertThat(Files.readString(dir.resolve("report.wiki"))).contains("'''Status:''' dropped");
        assertThat(Files.readString(dir.resolve("report.diff"))).startsWith("Edit summary: integration-status: ");
    }
}
