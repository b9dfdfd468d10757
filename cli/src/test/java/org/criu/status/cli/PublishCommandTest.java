package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.cli.CliRun.args;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish} refuses what it cannot do safely before it touches the wiki: exit 2, one line naming the input.
 * The wiki, where one is asked, is WireMock on loopback (https://criu.org rewritten with --origin); these
 * refusals never reach it.
 */
class PublishCommandTest {

    @RegisterExtension
    final SourceServer server = new SourceServer();

    @TempDir
    Path tmp;

    private static void assertRefused(CliRun run, String message) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("integration-status: " + message).doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    private static final String REPORT = """
            {"tool":{"name":"integration-status","version":"0.1.0"},
             "page":{"title":"Integration","source":"https://criu.org/api.php","revision":%s,"timestamp":%s},
             "generatedAt":"2026-11-26T12:00:00Z",
             "results":[{"integration":"SLURM workload manager","section":"Other","wikiStatus":"ready",
               "verdict":"suggested","suggestedStatus":"dropped","qualifier":null,"confidence":"high","checker":"slurm",
               "evidence":[{"source":"github","url":"https://github.com/SchedMD/slurm/blob/slurm-20-02-0-1/RELEASE_NOTES#L40-L41",
                 "date":"2020-02-25","quote":"removed","supports":"dropped"}],"error":null}]}
            """;

    @Test
    void writingNeedsTheBotPasswordInTheEnvironment() {
        assertRefused(CliRun.of(Map.of(), args("publish", "--yes", "--no-cache", server.originArgs())),
                "publish --yes logs in with a bot password: set MW_BOT_USER (Account@BotName) and MW_BOT_PASSWORD in"
                        + " the environment (made on Special:BotPasswords)");
        assertRefused(CliRun.of(Map.of("MW_BOT_USER", "StatusBot@publish"), args("publish", "--yes", "--no-cache",
                server.originArgs())), "MW_BOT_USER is set but MW_BOT_PASSWORD is not");
    }

    @Test
    void thereIsNoPasswordFlag() {
        CliRun run = CliRun.of(args("publish", "--password", "secret"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown options: '--password', 'secret'");
    }

    @Test
    void aReplayedRunCannotWrite() {
        assertRefused(CliRun.of(Map.of("MW_BOT_USER", "a@b", "MW_BOT_PASSWORD", "c"), args("publish", "--yes",
                "--replay", Path.of("..", "examples", "criu-2026-11"))),
                "--yes writes to the wiki, which a --replay run cannot; drop --replay");
    }

    @Test
    void aPageFileHasNoWikiToPublishTo() throws IOException {
        Path page = Files.writeString(tmp.resolve("page.wiki"), "=== Docker ===\nStatus: ready\n");
        assertRefused(CliRun.of(args("publish", "--page-file", page)), "--page-file: publish edits a page on a wiki"
                + " (--wiki, --page); for a file, use check --format wikitext or diff");
    }

    @Test
    void aReportOfAFileHasNoRevisionToBaseAnEditOn() throws IOException {
        Path report = Files.writeString(tmp.resolve("r.json"), REPORT.formatted("null", "null")
                .replace("https://criu.org/api.php", "page.wiki"));
        assertRefused(CliRun.of(args("publish", "--report", report)), "--report " + report + ": made from page.wiki"
                + " without a page revision (a --page-file run?); publish needs a report of the wiki page: check"
                + " --wiki URL --page TITLE --format json");
    }

    @Test
    void aReportIsPublishedToTheWikiItWasMadeFrom() throws IOException {
        Path report = Files.writeString(tmp.resolve("r.json"), REPORT.formatted("5678", "\"2025-03-02T10:00:00Z\""));
        assertRefused(CliRun.of(args("publish", "--report", report, "--wiki", "https://wiki.example.org/api.php")),
                "--report " + report + " was made from https://criu.org/api.php, not --wiki"
                        + " https://wiki.example.org/api.php");
        assertRefused(CliRun.of(args("publish", "--report", report, "--page", "Other page")),
                "--report " + report + " is about page 'Integration', not --page 'Other page'");
    }

    @Test
    void onlyNamesEntriesOfTheReport() throws IOException {
        Path report = Files.writeString(tmp.resolve("r.json"), REPORT.formatted("5678", "\"2025-03-02T10:00:00Z\""));
        server.onGet("https://criu.org/api.php?action=query&prop=revisions&rvprop=content%7Cids%7Ctimestamp"
                + "&rvslots=main&formatversion=2&format=json&revids=5678").json("""
                {"batchcomplete":true,"query":{"pages":[{"pageid":2,"ns":0,"title":"Integration","revisions":[
                {"revid":5678,"parentid":5600,"timestamp":"2025-03-02T10:00:00Z","slots":{"main":{
                "contentmodel":"wikitext","contentformat":"text/x-wiki",
                "content":"=== SLURM workload manager ===\\n'''Status:''' ready"}}}]}]}}""");

        assertRefused(CliRun.of(args("publish", "--report", report, "--only", "Dokcer", "--no-cache",
                server.originArgs())), "--only: no entry or checker [Dokcer] in --report " + report
                + "; entries: [SLURM workload manager]");
    }

    @Test
    void aReportThatIsNotOneSaysSo() throws IOException {
        Path report = Files.writeString(tmp.resolve("r.json"), "{\"results\": []}");
        assertRefused(CliRun.of(args("publish", "--report", report)), "--report " + report
                + ": not an integration-status JSON report");
        assertRefused(CliRun.of(args("publish", "--report", tmp.resolve("missing.json"))),
                "--report " + tmp.resolve("missing.json") + ": no such file");
    }

    private static final String REVISION_5678 = """
            {"batchcomplete":true,"query":{"pages":[{"pageid":2,"ns":0,"title":"Integration","revisions":[
            {"revid":5678,"parentid":5600,"timestamp":"2025-03-02T10:00:00Z","slots":{"main":{
            "contentmodel":"wikitext","contentformat":"text/x-wiki",
            "content":"=== SLURM workload manager ===\\n'''Status:''' ready\\n\\n=== Docker ===\\n'''Status:''' ready"}}}]}]}}""";

    @Test
    void aStateFileThatIsNotThereIsNotNoDismissals() throws IOException {
        Path report = Files.writeString(tmp.resolve("r.json"), REPORT.formatted("5678", "\"2025-03-02T10:00:00Z\""));
        server.onGet("https://criu.org/api.php?action=query&prop=revisions&rvprop=content%7Cids%7Ctimestamp"
                + "&rvslots=main&formatversion=2&format=json&revids=5678").json(REVISION_5678);

        assertRefused(CliRun.of(args("publish", "--report", report, "--state", tmp.resolve("stat.json"), "--no-cache",
                server.originArgs())), "--state " + tmp.resolve("stat.json") + ": no such file (publish reads the"
                + " dismissals that check --state and dismiss keep there)");
    }

    @Test
    void aTalkPageDryRunShowsTheSectionItWouldPost() throws IOException {
        Path report = Files.writeString(tmp.resolve("r.json"), REPORT.formatted("5678", "\"2025-03-02T10:00:00Z\""));
        server.onGet("https://criu.org/api.php?action=query&prop=revisions&rvprop=content%7Cids%7Ctimestamp"
                + "&rvslots=main&formatversion=2&format=json&revids=5678").json(REVISION_5678);

        CliRun run = CliRun.of(args("publish", "--report", report, "--to-talk", "--no-cache", server.originArgs()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Talk page post for 'Integration' on https://criu.org/api.php",
                "New talk page section: integration-status: 1 suggested change (revision 5678)\n",
                "[[:Integration]] as of revision 5678 (2025-03-02T10:00:00Z) could change, according to its sources:\n"
                        + "* '''SLURM workload manager''': change ready → dropped ([https://github.com/SchedMD/slurm/"
                        + "blob/slurm-20-02-0-1/RELEASE_NOTES#L40-L41 SchedMD/slurm slurm-20-02-0-1 RELEASE_NOTES])\n",
                "<pre>\n--- a/Integration\n", "-'''Status:''' ready\n+'''Status:''' dropped\n", "</pre>\n",
                "Dry run: nothing was written. To post it, run again with --yes");
    }

    @Test
    void aDryRunOfASavedReportShowsTheEditOfTheRevisionItWasMadeFrom() throws IOException {
        Path report = Files.writeString(tmp.resolve("r.json"), REPORT.formatted("5678", "\"2025-03-02T10:00:00Z\""));
        server.onGet("https://criu.org/api.php?action=query&prop=revisions&rvprop=content%7Cids%7Ctimestamp"
                + "&rvslots=main&formatversion=2&format=json&revids=5678").json(REVISION_5678);
        server.onGet("https://criu.org/api.php?action=query&prop=revisions&rvprop=content%7Cids%7Ctimestamp"
                + "&rvslots=main&formatversion=2&format=json&titles=Integration").json("""
                {"batchcomplete":true,"query":{"pages":[{"pageid":2,"ns":0,"title":"Integration","revisions":[
                {"revid":5678,"parentid":5600,"timestamp":"2025-03-02T10:00:00Z","slots":{"main":{
                "contentmodel":"wikitext","contentformat":"text/x-wiki",
                "content":"=== SLURM workload manager ===\\n'''Status:''' ready\\n\\n=== Docker ===\\n'''Status:''' ready"}}}]}]}}""");

        CliRun run = CliRun.of(args("publish", "--report", report, "--no-cache", server.originArgs()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                Publish to 'Integration' on https://criu.org/api.php, from revision 5678 (2025-03-02T10:00:00Z), as \
                reviewed in %s
                Edit summary: integration-status: SLURM workload manager: change ready -> dropped \
                (https://github.com/SchedMD/slurm/blob/slurm-20-02-0-1/RELEASE_NOTES#L40-L41)
                --- a/Integration
                +++ b/Integration
                @@ -1,5 +1,5 @@
                 === SLURM workload manager ===
                -'''Status:''' ready
                +'''Status:''' dropped
                \s
                 === Docker ===
                 '''Status:''' ready
                Dry run: nothing was written. To publish, run again with --yes (with MW_BOT_USER and MW_BOT_PASSWORD set).
                """.formatted(report));
    }
}
