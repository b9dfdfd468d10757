package org.criu.status.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.criu.status.core.http.Http;
import org.criu.status.core.http.HttpOptions;
import org.criu.status.core.http.Sleeper;
import org.criu.status.core.source.MediaWikiEditor.Credentials;
import org.criu.status.core.source.MediaWikiEditor.Edit;
import org.criu.status.core.source.MediaWikiEditor.Revision;
import org.criu.status.core.source.MediaWikiEditor.Saved;
import org.criu.status.core.testkit.TestWiki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write client against a real MediaWiki (Debian's 1.39, SQLite, on loopback; see {@link TestWiki}):
 * login with bot passwords, edits based on a revision, and each refusal the wiki really gives.
 */
class MediaWikiEditorWikiTest {

    @RegisterExtension
    static final TestWiki wiki = new TestWiki();

    @TempDir
    Path recordings;

    private final ByteArrayOutputStream verbose = new ByteArrayOutputStream();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<OkHttpClient> clients = new ArrayList<>();

    @AfterEach
    void release() {
        clients.forEach(Http::release);
    }

    private MediaWikiEditor editor(Sleeper sleeper) throws IOException {
        OkHttpClient run = Http.client(HttpOptions.defaults().withRecord(recordings)
                .withVerbose(new PrintStream(verbose, true, StandardCharsets.UTF_8)));
        clients.add(run);
        return MediaWikiEditor.open(run, wiki.api(), MediaWikiEditor.Settings.defaults().withSleeper(sleeper));
    }

    private MediaWikiEditor editor() throws IOException {
        return editor(sleeps::add);
    }

    private MediaWikiEditor loggedIn(String role) throws IOException {
        MediaWikiEditor editor = editor();
        TestWiki.Account account = wiki.account(role);
        editor.login(new Credentials(account.user(), account.password()));
        return editor;
    }

    private String page(String base, String text) {
        String title = wiki.title(base);
        wiki.edit(title, text, "set up the test page");
        return title;
    }

    private static Edit edit(Revision base, String text, String summary) {
        return new Edit(base.title(), text, summary, base.id(), base.timestamp(), false);
    }

    @Test
    void aBotEditChangesTheTextFromTheBaseRevisionAndIsMarkedAsBot() throws IOException {
        String title = page("Bot edit", "== Docker ==\nStatus: ready\n\n== SLURM ==\nStatus: ready\n* note");
        MediaWikiEditor editor = loggedIn("bot");
        Revision base = editor.latest(title);

        Saved saved = editor.edit(edit(base, base.text().replace("== SLURM ==\nStatus: ready",
                "== SLURM ==\nStatus: dropped"), "SLURM: ready -> dropped"));

        TestWiki.Revision now = wiki.latest(title);
        assertThat(saved.changed()).isTrue();
        assertThat(saved.oldRevision()).contains(base.id());
        assertThat(saved.newRevision()).contains(now.id());
        assertThat(now.text()).isEqualTo("== Docker ==\nStatus: ready\n\n== SLURM ==\nStatus: dropped\n* note");
        assertThat(now.user()).isEqualTo("StatusBot");
        assertThat(now.comment()).isEqualTo("SLURM: ready -> dropped");
        assertThat(editor.account()).hasValueSatisfying(a -> assertThat(a.isBot()).isTrue());
        assertThat(saved.bot()).isTrue();
        assertThat(wiki.changes(title).get(0)).satisfies(c -> {
            assertThat(c.revision()).isEqualTo(now.id());
            assertThat(c.bot()).isTrue();
        });
    }

    @Test
    void anAccountWithoutTheBotRightEditsUnmarkedAndAssertBotRefuses() throws IOException {
        String title = page("Plain edit", "Status: ready");
        MediaWikiEditor editor = loggedIn("editor");
        Revision base = editor.latest(title);

        Saved saved = editor.edit(edit(base, "Status: started", "plain"));

        assertThat(saved.bot()).isFalse();
        assertThat(wiki.changes(title).get(0).bot()).isFalse();
        Revision second = editor.latest(title);
        assertThatThrownBy(() -> editor.edit(new Edit(title, "Status: stalled", "s", second.id(), second.timestamp(),
                true)))
                .isInstanceOf(MediaWikiException.class)
                .hasMessageContaining("Editor does not have the bot right (--assert-bot)")
                .satisfies(e -> assertThat(((MediaWikiException) e).code()).isEqualTo("assertbotfailed"));
        assertThat(wiki.latest(title).text()).isEqualTo("Status: started");
    }

    @Test
    void anEditBasedOnAnOlderRevisionIsAConflictNamingBothAndKeepsTheOtherEdit() throws IOException {
        String title = page("Conflict", "== SLURM ==\nStatus: ready");
        MediaWikiEditor editor = loggedIn("bot");
        Revision base = editor.latest(title);
        TestWiki.Revision theirs = wiki.edit(title, "== SLURM ==\nStatus: started", "someone else");

        assertThatThrownBy(() -> editor.edit(edit(base, "== SLURM ==\nStatus: dropped", "ours")))
                .isInstanceOfSatisfying(MediaWikiException.EditConflict.class, e -> {
                    assertThat(e.baseRevision()).isEqualTo(base.id());
                    assertThat(e.currentRevision()).contains(theirs.id());
                    assertThat(e.getMessage()).isEqualTo("edit conflict on '" + title + "': the edit was based on"
                            + " revision " + base.id() + ", but the page is now at revision " + theirs.id()
                            + " (by Editor); nothing was overwritten. Check again and review the changes before"
                            + " publishing");
                });
        assertThat(wiki.latest(title).id()).isEqualTo(theirs.id());
        assertThat(wiki.latest(title).text()).isEqualTo("== SLURM ==\nStatus: started");
    }

    @Test
    void theSameTextAgainMakesNoRevision() throws IOException {
        String title = page("No change", "Status: ready");
        MediaWikiEditor editor = loggedIn("bot");
        Revision base = editor.latest(title);

        Saved saved = editor.edit(edit(base, "Status: ready", "nothing"));

        assertThat(saved.changed()).isFalse();
        assertThat(wiki.history(title)).hasSize(1);
    }

    @Test
    void neverCreatesAPage() throws IOException {
        String title = wiki.title("Never created");
        MediaWikiEditor editor = loggedIn("bot");

        assertThatThrownBy(() -> editor.edit(new Edit(title, "Status: ready", "s", 1,
                java.time.Instant.parse("2026-01-01T00:00:00Z"), false)))
                .isInstanceOf(MediaWikiException.class)
                .hasMessage("'" + title + "' does not exist on " + wiki.api() + " (publish never creates a page)");
        assertThat(wiki.exists(title)).isFalse();
    }

    @Test
    void aWrongPasswordIsAClearLoginErrorThatNeverQuotesIt() throws IOException {
        MediaWikiEditor editor = editor();
        String wrong = "wrong-" + wiki.account("bot").password();

        assertThatThrownBy(() -> editor.login(new Credentials("StatusBot@publish", wrong)))
                .isInstanceOf(MediaWikiException.class)
                .hasMessage("could not log in to " + wiki.api() + " as StatusBot@publish: Incorrect username or"
                        + " password entered. Please try again. (MW_BOT_USER is 'Account@BotName' and MW_BOT_PASSWORD"
                        + " the bot password, both as made on Special:BotPasswords)")
                .satisfies(e -> assertThat(((MediaWikiException) e).code()).isEqualTo("login-failed"));
        assertThat(editor.account()).isEmpty();
    }

    @Test
    void aBotPasswordWithoutTheEditGrantMayNotEdit() throws IOException {
        String title = page("No grant", "Status: ready");
        MediaWikiEditor editor = loggedIn("noedit");
        Revision base = editor.latest(title);

        assertThat(editor.account()).hasValueSatisfying(a -> assertThat(a.mayEdit()).isFalse());
        assertThatThrownBy(() -> editor.edit(edit(base, "Status: dropped", "s")))
                .isInstanceOf(MediaWikiException.class)
                .hasMessageStartingWith("StatusBot may not edit '" + title + "': The action you have requested is"
                        + " limited to users in one of the groups")
                .hasMessageEndingWith("(does the bot password have the 'Edit existing pages' grant?)");
        assertThat(wiki.latest(title).id()).isEqualTo(base.id());
    }

    @Test
    void aProtectedPageIsAClearError() throws IOException {
        String title = page("Protected", "Status: ready");
        wiki.protect(title);
        MediaWikiEditor editor = loggedIn("bot");
        Revision base = editor.latest(title);

        assertThatThrownBy(() -> editor.edit(edit(base, "Status: dropped", "s")))
                .isInstanceOf(MediaWikiException.class)
                .hasMessage("'" + title + "' is protected: StatusBot may not edit it (This page has been protected to"
                        + " prevent editing or other actions.); ask an administrator, or post to the talk page with"
                        + " --to-talk");
        assertThat(wiki.latest(title).id()).isEqualTo(base.id());
    }

    @Test
    void aBlockedAccountIsTold() throws IOException {
        String title = page("Blocked", "Status: ready");
        MediaWikiEditor editor = loggedIn("blocked");
        Revision base = editor.latest(title);

        assertThatThrownBy(() -> editor.edit(edit(base, "Status: dropped", "s")))
                .isInstanceOf(MediaWikiException.class)
                .hasMessage("Blocked is blocked from editing (by Admin: test: a blocked account; expires infinite)");
    }

    @Test
    void aReadOnlyWikiIsTold() throws IOException {
        String title = page("Read-only", "Status: ready");
        MediaWikiEditor editor = loggedIn("bot");
        Revision base = editor.latest(title);

        try (TestWiki.Condition readOnly = wiki.readOnly()) {
            assertThatThrownBy(() -> editor.edit(edit(base, "Status: dropped", "s")))
                    .isInstanceOf(MediaWikiException.class)
                    .hasMessage("the wiki is read-only (Test maintenance: the wiki is read-only); try again later");
        }
        assertThat(wiki.latest(title).id()).isEqualTo(base.id());
    }

    @Test
    void aLaggingDatabaseIsWaitedForAsItAsks() throws IOException {
        String title = page("Lag", "Status: ready");
        TestWiki.Account bot = wiki.account("bot");
        MediaWikiEditor lagging = editor(delay -> {
            sleeps.add(delay);
            wiki.catchUp(); // the replica catches up while we wait
        });
        try (TestWiki.Condition lag = wiki.lagging(7)) {
            lagging.login(new Credentials(bot.user(), bot.password()));
        }
        Revision base = lagging.latest(title);
        Saved saved;
        try (TestWiki.Condition lag = wiki.lagging(7)) {
            saved = lagging.edit(edit(base, "Status: dropped", "after the lag"));
        }

        assertThat(saved.changed()).isTrue();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5)); // MediaWiki's Retry-After
        assertThat(wiki.latest(title).text()).isEqualTo("Status: dropped");
    }

    @Test
    void aDatabaseThatStaysBehindEndsTheAttemptClearly() throws IOException {
        String title = page("Lag stays", "Status: ready");
        MediaWikiEditor editor = loggedIn("bot");
        Revision base = editor.latest(title);

        try (TestWiki.Condition lag = wiki.lagging(30)) {
            assertThatThrownBy(() -> editor.edit(edit(base, "Status: dropped", "s")))
                    .isInstanceOf(MediaWikiException.class)
                    .hasMessage("the wiki's database is 30 s behind, more than the 5 s this tool accepts (maxlag);"
                            + " gave up after 4 attempts; try again later");
        }
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(wiki.latest(title).id()).isEqualTo(base.id());
    }

    @Test
    void aNewSectionGoesOnTheTalkPageAsTheWikiNamesIt() throws IOException {
        String title = page("Talked about", "Status: ready");
        MediaWikiEditor editor = loggedIn("bot");
        String talk = editor.talkPageOf(title);

        Saved first = editor.addSection(new MediaWikiEditor.NewSection(talk, "Status check", "* SLURM: ready -> dropped",
                "status check", false));
        Saved second = editor.addSection(new MediaWikiEditor.NewSection(talk, "Status check 2", "* none", "again",
                false));

        assertThat(talk).isEqualTo("Talk:" + title);
        assertThat(first.changed()).isTrue();
        assertThat(second.oldRevision()).isEqualTo(first.newRevision());
        assertThat(wiki.latest(talk).text()).isEqualTo("== Status check ==\n\n* SLURM: ready -> dropped\n\n"
                + "== Status check 2 ==\n\n* none");
        assertThat(wiki.latest(title).text()).isEqualTo("Status: ready");
    }

    @Test
    void neitherThePasswordNorTheSessionReachesTheVerboseLogOrARecording() throws IOException {
        String title = page("Secrets", "Status: ready");
        TestWiki.Account bot = wiki.account("bot");
        MediaWikiEditor editor = editor();
        editor.login(new Credentials(bot.user(), bot.password()));
        Revision base = editor.latest(title);
        editor.edit(edit(base, "Status: dropped", "s"));

        String log = verbose.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("POST " + wiki.api() + "?action=login&format=json&formatversion=2&maxlag=5 200")
                .contains("POST " + wiki.api() + "?action=edit&format=json&formatversion=2&maxlag=5 200")
                .doesNotContain(bot.password()).doesNotContain("lgpassword").doesNotContain("token=")
                .doesNotContain("+\\\\").doesNotContain("session");
        try (Stream<Path> files = Files.list(recordings)) {
            assertThat(files).as("the session is never recorded").isEmpty();
        }
    }

    @Test
    void aRunReplayingARecordingCannotWrite() throws IOException {
        OkHttpClient replaying = Http.client(HttpOptions.defaults()
                .withReplay(Path.of("..", "examples", "criu-2026-11")));
        clients.add(replaying);

        assertThatThrownBy(() -> MediaWikiEditor.open(replaying, wiki.api(), MediaWikiEditor.Settings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a recording cannot answer a write to the wiki; run without --replay");
    }
}
