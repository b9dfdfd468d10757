package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.cli.CliRun.args;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.criu.status.cli.bench.RecordingServer;
import org.criu.status.core.http.Exchange;
import org.criu.status.core.testkit.TestWiki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish} end to end against a real MediaWiki ({@link TestWiki}: Debian's MediaWiki on loopback), with
 * the page of the bundled recording on it and every source the checkers read served from that recording by
 * WireMock through --origin rewrites. What the wiki holds afterwards is read back through its API.
 */
class PublishCommandWikiTest {

    @RegisterExtension
    static final TestWiki wiki = new TestWiki();

    private static final Path RECORDING = Path.of("..", "examples", "criu-2026-11");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RecordingServer sources;
    private static String pageText;

    @TempDir
    Path tmp;

    @BeforeAll
    static void serveTheSources() throws IOException {
        sources = new RecordingServer(RECORDING, Duration.ZERO, Duration.ZERO);
        try (Stream<Path> files = Files.list(RECORDING)) {
            Path page = files.filter(f -> f.getFileName().toString().startsWith("criu.org_api.php")).findFirst()
                    .orElseThrow();
            pageText = JSON.readTree(Exchange.read(page).body()).path("query").path("pages").path(0)
                    .path("revisions").path(0).path("slots").path("main").path("content").asText();
        }
    }

    @AfterAll
    static void stopTheSources() {
        sources.close();
    }

    /** A fresh copy of the Integration page on the test wiki, under a title of this test's own. */
    private String integrationPage() {
        String title = wiki.title("Integration");
        wiki.edit(title, pageText, "the page as on criu.org");
        return title;
    }

    private Map<String, String> env(String role) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", tmp.toString());
        if (role != null) {
            TestWiki.Account account = wiki.account(role);
            env.put("MW_BOT_USER", account.user());
            env.put("MW_BOT_PASSWORD", account.password());
        }
        return env;
    }

    private CliRun publish(String role, String title, Object... more) {
        return CliRun.of(env(role), args("publish", "--wiki", wiki.api(), "--page", title, "--no-cache",
                sources.originArgs(), List.of(more)));
    }

    /** check --format json on the wiki page, saved: the report an editor reviews. */
    private Path report(String title) {
        Path file = tmp.resolve("report-" + title.replace(' ', '_') + ".json");
        CliRun check = CliRun.of(env(null), args("check", "--wiki", wiki.api(), "--page", title, "--no-cache",
                "--format", "json", "--output", file, sources.originArgs()));
        assertThat(check.exitCode()).as(check.err()).isEqualTo(1);
        return file;
    }

    private static String statusOf(String text, String heading) {
        String after = text.substring(text.indexOf("=== " + heading + " ==="));
        return after.lines().skip(1).findFirst().orElseThrow();
    }

    @Test
    void aDryRunShowsTheDiffAndTheSummaryAndWritesNothing() {
        String title = integrationPage();
        long before = wiki.latest(title).id();

        CliRun run = publish(null, title);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Publish to '" + title + "' on " + wiki.api() + ", from revision " + before)
                .contains("Edit summary: integration-status: LXC/LXD: keep ready, add a note: ")
                .contains("--- a/" + title, "+++ b/" + title, " === SLURM workload manager ===\n-'''Status:''' ready\n"
                        + "+'''Status:''' dropped\n")
                .contains("Dry run: nothing was written. To publish, run again with --yes");
        assertThat(wiki.history(title)).hasSize(1);
    }

    @Test
    void aPublishChangesExactlyTheStatusLinesOfTheAcceptedSuggestions() {
        String title = integrationPage();
        TestWiki.Revision original = wiki.latest(title);

        CliRun run = publish("bot", title, "--yes");

        assertThat(run.exitCode()).as(run.err()).isZero();
        TestWiki.Revision published = wiki.latest(title);
        assertThat(run.out()).contains("Published '" + title + "': revision " + original.id() + " -> "
                + published.id() + " (5 changes, bot edit): " + wiki.api().replace("api.php", "index.php")
                + "?diff=" + published.id() + "&oldid=" + original.id());
        assertThat(published.user()).isEqualTo("StatusBot");
        assertThat(published.comment()).startsWith("integration-status: LXC/LXD: keep ready, add a note: ")
                .contains("; Docker: keep ready, add a note: experimental (https://github.com/docker/cli/blob/v29.7.2/")
                .hasSizeLessThanOrEqualTo(500);
        assertThat(run.out()).contains("Edit summary: " + published.comment());
        assertThat(wiki.changes(title).get(0).bot()).isTrue();

        // Read back: only status lines changed, and under some a note was added; every other line is as it was.
        List<String> was = original.text().lines().toList();
        List<String> now = published.text().lines().toList();
        for (AbstractDelta<String> delta : DiffUtils.diff(was, now).getDeltas()) {
            assertThat(delta.getSource().getLines()).allSatisfy(l -> assertThat(l).startsWith("'''Status:''' "));
            assertThat(delta.getTarget().getLines()).allSatisfy(l -> assertThat(l)
                    .matches("'''Status:''' (ready|started|stalled|not started|dropped)|\\* Note: .+ \\(\\[https://\\S+ .+\\]\\)"));
        }
        assertThat(statusOf(published.text(), "SLURM workload manager")).isEqualTo("'''Status:''' dropped");
        assertThat(statusOf(published.text(), "OpenMPI")).isEqualTo("'''Status:''' dropped");
        assertThat(statusOf(published.text(), "OpenJDK")).isEqualTo("'''Status:''' ready");
        assertThat(published.text()).contains("=== Docker ===\n'''Status:''' ready\n* Note: experimental (");
        assertThat(statusOf(published.text(), "Podman")).isEqualTo("'''Status:''' ready");
        assertThat(statusOf(published.text(), "Shell")).isEqualTo("'''Status:''' not started");
        // Byte for byte outside the changed lines: the text without status and note lines is the same.
        assertThat(withoutStatusLines(published.text())).isEqualTo(withoutStatusLines(original.text()));
    }

    private static String withoutStatusLines(String text) {
        return String.join("\n", text.split("\n", -1).length == 0 ? List.of()
                : Stream.of(text.split("\n", -1)).filter(l -> !l.startsWith("'''Status:''' ")
                        && !l.startsWith("* Note: ")).toList());
    }

    @Test
    void publishingTheSameReportAgainChangesNothing() {
        String title = integrationPage();
        Path report = report(title);
        CliRun first = publish("bot", title, "--report", report, "--yes");
        long published = wiki.latest(title).id();

        CliRun again = publish("bot", title, "--report", report, "--yes");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("Already published: revision " + published + " says exactly this;"
                + " nothing to do.");
        assertThat(wiki.latest(title).id()).isEqualTo(published);
    }

    @Test
    void aFreshCheckAfterPublishingFindsNothingToChangeAndMakesNoEdit() {
        String title = integrationPage();
        assertThat(publish("bot", title, "--yes", "--only", "slurm,OpenMPI").exitCode()).isZero();
        long published = wiki.latest(title).id();

        CliRun again = publish("bot", title, "--yes", "--only", "slurm,OpenMPI");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("Not published: slurm: confirmed", "Not published: OpenMPI: confirmed",
                "Nothing to publish");
        assertThat(wiki.latest(title).id()).isEqualTo(published);
    }

    @Test
    void aSecondPublishOfEverythingFindsNothingToChange() {
        String title = integrationPage();
        assertThat(publish("bot", title, "--yes").exitCode()).isZero();
        long published = wiki.latest(title).id();

        CliRun again = publish("bot", title, "--yes");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("Nothing to publish");
        assertThat(wiki.latest(title).id()).isEqualTo(published);
    }

    @Test
    void aPageEditedSinceTheReportIsNotOverwritten() throws IOException {
        String title = integrationPage();
        Path report = report(title);
        long reviewed = wiki.latest(title).id();
        String theirs = wiki.latest(title).text().replace("* Jerome did this some time ago",
                "* Jerome did this some time ago; tmux-resurrect may pick it up");
        TestWiki.Revision other = wiki.edit(title, theirs, "someone else's edit");

        CliRun dry = publish(null, title, "--report", report);
        CliRun run = publish("bot", title, "--report", report, "--yes");

        String message = "page '" + title + "' changed since the report: it was made from revision " + reviewed;
        assertThat(dry.exitCode()).isEqualTo(2);
        assertThat(dry.err()).contains(message, "the page is now at revision " + other.id(),
                "publishing would write nothing");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message, "the page is now at revision " + other.id(), "by Editor",
                "; nothing was written. Check again and review before publishing").doesNotContain("\tat ");
        assertThat(wiki.latest(title).id()).isEqualTo(other.id());
        assertThat(wiki.latest(title).text()).isEqualTo(theirs);
    }

    @Test
    void onlyTheChosenEntriesArePublishedAndUnverifiedOnesNever() throws IOException {
        String title = integrationPage();
        Path report = report(title);
        ObjectNode root = (ObjectNode) JSON.readTree(report.toFile());
        for (JsonNode r : root.path("results")) {
            if (r.path("integration").asText().equals("OpenMPI")) {
                ((ObjectNode) r).put("verdict", "unverified").putNull("suggestedStatus").putNull("confidence")
                        .put("error", "GitHub answered HTTP 502");
            }
        }
        Files.writeString(report, JSON.writeValueAsString(root), StandardCharsets.UTF_8);
        TestWiki.Revision original = wiki.latest(title);

        CliRun run = publish("bot", title, "--report", report, "--only", "SLURM workload manager,openmpi", "--yes");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Not published: openmpi: unverified (GitHub answered HTTP 502): never"
                + " published", "(1 change, bot edit)");
        String now = wiki.latest(title).text();
        assertThat(statusOf(now, "SLURM workload manager")).isEqualTo("'''Status:''' dropped");
        assertThat(now).isEqualTo(original.text().replace("=== SLURM workload manager ===\n'''Status:''' ready",
                "=== SLURM workload manager ===\n'''Status:''' dropped"));
    }

    @Test
    void aDismissedSuggestionIsNeverPublished() {
        String title = integrationPage();
        Path state = tmp.resolve("state.json");
        Path report = tmp.resolve("report.json");
        CliRun check = CliRun.of(env(null), args("check", "--wiki", wiki.api(), "--page", title, "--no-cache",
                "--state", state, "--format", "json", "--output", report, sources.originArgs()));
        assertThat(check.exitCode()).as(check.err()).isEqualTo(1);
        CliRun dismiss = CliRun.of(env(null), args("dismiss", "slurm", "--reason", "SchedMD still ships it out of tree",
                "--state", state));
        assertThat(dismiss.exitCode()).as(dismiss.err()).isZero();
        String original = wiki.latest(title).text();

        CliRun dry = publish(null, title, "--state", state);
        CliRun run = publish("bot", title, "--report", report, "--state", state, "--yes");

        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Dismissed, not published: SLURM workload manager: SchedMD still ships it out"
                + " of tree").contains("+'''Status:''' dropped").doesNotContain("SLURM workload manager: change");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Dismissed, not published: SLURM workload manager", "(4 changes, bot edit)");
        String now = wiki.latest(title).text();
        assertThat(statusOf(now, "SLURM workload manager")).isEqualTo("'''Status:''' ready");
        assertThat(statusOf(now, "OpenMPI")).isEqualTo("'''Status:''' dropped");
        assertThat(now).isNotEqualTo(original);
    }

    @Test
    void aWrongPasswordIsAClearErrorAndNeverPrinted() {
        String title = integrationPage();
        Map<String, String> env = env(null);
        String wrong = "x" + wiki.account("bot").password().substring(1);
        env.put("MW_BOT_USER", "StatusBot@publish");
        env.put("MW_BOT_PASSWORD", wrong);

        CliRun run = CliRun.of(env, args("publish", "--wiki", wiki.api(), "--page", title, "--no-cache", "--yes",
                "--verbose", sources.originArgs()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("integration-status: could not log in to " + wiki.api()
                + " as StatusBot@publish: Incorrect username or password entered.");
        assertThat(run.out() + run.err()).doesNotContain(wrong).doesNotContain("\tat ");
        assertThat(wiki.history(title)).hasSize(1);
    }

    @Test
    void aBotPasswordWithoutTheEditGrantIsAClearError() {
        String title = integrationPage();

        CliRun run = publish("noedit", title, "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("integration-status: StatusBot (StatusBot@noedit) may not edit pages on "
                + wiki.api() + ": give the bot password the 'Edit existing pages' grant on Special:BotPasswords");
        assertThat(wiki.history(title)).hasSize(1);
    }

    @Test
    void aProtectedPageIsAClearError() {
        String title = integrationPage();
        wiki.protect(title);
        long protectedRevision = wiki.latest(title).id();

        CliRun run = publish("bot", title, "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("integration-status: '" + title + "' is protected: StatusBot may not edit"
                + " it", "post to the talk page with --to-talk");
        assertThat(wiki.latest(title).id()).isEqualTo(protectedRevision);
    }

    @Test
    void toTalkAddsOneSectionToTheTalkPageAndLeavesThePage() {
        String title = integrationPage();
        TestWiki.Revision original = wiki.latest(title);

        CliRun run = publish("bot", title, "--to-talk", "--yes");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(wiki.latest(title).id()).isEqualTo(original.id());
        String talk = wiki.latest("Talk:" + title).text();
        assertThat(talk.lines().filter(l -> l.matches("==[^=].*==")).toList()).containsExactly(
                "== integration-status: 5 suggested changes (revision " + original.id() + ") ==");
        assertThat(talk).contains("* '''SLURM workload manager''': change ready → dropped ([https://github.com/"
                + "SchedMD/slurm/", "<pre>\n--- a/" + title, "-'''Status:''' ready", "</pre>");
        assertThat(run.out()).contains("Posted to 'Talk:" + title + "': revision ");
        assertThat(wiki.history("Talk:" + title)).hasSize(1);
    }

    @Test
    void neitherPasswordNorSessionReachOutputVerboseLogOrRecording() throws IOException {
        String title = integrationPage();
        Path recording = tmp.resolve("recording");
        TestWiki.Account bot = wiki.account("bot");

        CliRun run = publish("bot", title, "--yes", "--verbose", "--record", recording, "--only", "slurm");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("POST " + wiki.api() + "?action=login&format=json&formatversion=2&maxlag=5 200",
                "POST " + wiki.api() + "?action=edit&format=json&formatversion=2&maxlag=5 200");
        assertThat(run.out() + run.err()).doesNotContain(bot.password()).doesNotContain("lgpassword")
                .doesNotContain("logintoken").doesNotContain("csrftoken").doesNotContain("+\\\\")
                .doesNotContain("session");
        List<String> recorded;
        try (Stream<Path> files = Files.list(recording)) {
            recorded = files.map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(recorded).as("the page read and the sources are recorded").isNotEmpty()
                .anySatisfy(r -> assertThat(r).startsWith("GET " + wiki.api() + "?action=query&prop=revisions"));
        assertThat(recorded).allSatisfy(r -> assertThat(r).doesNotContain(bot.password())
                .doesNotContain("action=login").doesNotContain("action=edit").doesNotContain("logintoken")
                .doesNotContain("csrftoken").doesNotContain("meta=userinfo"));
    }
}
