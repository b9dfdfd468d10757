package org.criu.status.core.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.criu.status.core.http.CredentialInterceptor;
import org.criu.status.core.http.Http;
import org.criu.status.core.http.HttpOptions;
import org.criu.status.core.http.OriginRewrite;
import org.criu.status.core.source.MediaWikiEditor.Credentials;
import org.criu.status.core.source.MediaWikiEditor.Edit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The write client's answers to what a local wiki cannot be made to say on demand (an abuse filter, a
 * CAPTCHA, an expired token, a huge Retry-After, redirects to other hosts), from WireMock on loopback.
 * Bodies are MediaWiki 1.39's formatversion=2 JSON as the real wiki (MediaWikiEditorWikiTest) and the
 * AbuseFilter/ConfirmEdit sources shipped with it produce them. Logical https URLs are rewritten to WireMock
 * with --origin, as a run against a mirror would be.
 */
class MediaWikiEditorTest {

    @RegisterExtension
    static final WireMockExtension wiki = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    /** Another host: nothing of the session may ever reach it. */
    @RegisterExtension
    static final WireMockExtension elsewhere = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    private static final String DOCREF = "See https://criu.org/api.php for API usage. Subscribe to the"
            + " mediawiki-api-announce mailing list at &lt;https://lists.wikimedia.org/postorius/lists/"
            + "mediawiki-api-announce.lists.wikimedia.org/&gt; for notice of API deprecations and breaking changes.";
    private static final String PASSWORD = "0123456789abcdef0123456789abcdef";
    private static final Instant BASE_TIME = Instant.parse("2025-03-02T10:00:00Z");

    private final List<Duration> sleeps = new ArrayList<>();
    private final List<OkHttpClient> clients = new ArrayList<>();

    @AfterEach
    void release() {
        clients.forEach(Http::release);
    }

    private static String api() {
        return "http://127.0.0.1:" + wiki.getPort() + "/api.php";
    }

    private static String elsewhere() {
        return "http://localhost:" + elsewhere.getPort();
    }

    private MediaWikiEditor editor(String api, OriginRewrite origins) throws IOException {
        OkHttpClient run = Http.client(HttpOptions.defaults().withOrigins(origins));
        clients.add(run);
        return MediaWikiEditor.open(run, api, MediaWikiEditor.Settings.defaults().withSleeper(sleeps::add));
    }

    private MediaWikiEditor editor() throws IOException {
        return editor(api(), OriginRewrite.none());
    }

    private static MappingBuilder query(String meta) {
        return get(urlPathEqualTo("/api.php")).withQueryParam("action", equalTo("query"))
                .withQueryParam("meta", equalTo(meta));
    }

    private static MappingBuilder action(String action) {
        return post(urlPathEqualTo("/api.php")).withQueryParam("action", equalTo(action));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("Cache-Control", "private, must-revalidate, max-age=0").withBody(body);
    }

    /** The wiki as it answers a bot password login (cookies as MediaWiki sets them). */
    private void loginWorks() {
        wiki.stubFor(query("tokens").withQueryParam("type", equalTo("login")).willReturn(json(
                "{\"batchcomplete\":true,\"query\":{\"tokens\":{\"logintoken\":\"5342c5a10f5b9366a862943079a78078"
                        + "6b0fbfee+\\\\\"}}}").withHeader("Set-Cookie",
                "testwiki_session=t9r9rmsv8tql4t95r4103ms16l11btq5; path=/; HttpOnly")));
        wiki.stubFor(action("login").willReturn(json("{\"login\":{\"result\":\"Success\",\"lguserid\":3,"
                + "\"lgusername\":\"StatusBot\"}}").withHeader("Set-Cookie",
                "testwiki_BPsession=fbqqjti3f2pigecggibjhts56grcv5cb; path=/; HttpOnly")));
        wiki.stubFor(query("userinfo").willReturn(json("{\"batchcomplete\":true,\"query\":{\"userinfo\":{\"id\":3,"
                + "\"name\":\"StatusBot\",\"groups\":[\"bot\",\"*\",\"user\",\"autoconfirmed\"],\"rights\":[\"bot\","
                + "\"autoconfirmed\",\"apihighlimits\",\"writeapi\",\"read\",\"edit\",\"createpage\"]}}}")));
        wiki.stubFor(query("tokens").withQueryParam("type", equalTo("csrf")).willReturn(json(
                "{\"batchcomplete\":true,\"query\":{\"tokens\":{\"csrftoken\":\"87cef42aa917b978da1c4a2895fa45de"
                        + "6b0fbff0+\\\\\"}}}")));
        newestRevision(5678, "Editor");
    }

    /** The page's newest revision as {@code prop=revisions&rvprop=ids|user} gives it (formatversion=2). */
    private static void newestRevision(long id, String user) {
        wiki.stubFor(get(urlPathEqualTo("/api.php")).withQueryParam("action", equalTo("query"))
                .withQueryParam("prop", equalTo("revisions")).withQueryParam("rvprop", equalTo("ids|user"))
                .willReturn(json("{\"batchcomplete\":true,\"query\":{\"pages\":[{\"pageid\":12,\"ns\":0,"
                        + "\"title\":\"Integration\",\"revisions\":[{\"revid\":" + id + ",\"parentid\":" + (id - 3)
                        + ",\"user\":\"" + user + "\"}]}]}}")));
    }

    private static String error(String code, String info, String extra) {
        return "{\"error\":{\"code\":\"" + code + "\",\"info\":\"" + info + "\"" + extra + ",\"docref\":\"" + DOCREF
                + "\"}}";
    }

    private static Edit edit() {
        return new Edit("Integration", "== SLURM ==\nStatus: dropped", "SLURM: ready -> dropped", 5678, BASE_TIME,
                false);
    }

    private MediaWikiEditor loggedIn() throws IOException {
        loginWorks();
        MediaWikiEditor editor = editor();
        editor.login(new Credentials("StatusBot@publish", PASSWORD));
        return editor;
    }

    @Test
    void aNewerRevisionOnThePageStopsTheEditBeforeItIsSent() throws IOException {
        MediaWikiEditor editor = loggedIn();
        newestRevision(5690, "Someone");

        assertThatThrownBy(() -> editor.edit(edit()))
                .isInstanceOfSatisfying(MediaWikiException.EditConflict.class, e -> {
                    assertThat(e.baseRevision()).isEqualTo(5678);
                    assertThat(e.currentRevision()).contains(5690L);
                    assertThat(e.getMessage()).contains("now at revision 5690 (by Someone); nothing was overwritten");
                });
        wiki.verify(0, postRequestedFor(urlPathEqualTo("/api.php")).withQueryParam("action", equalTo("edit")));
    }

    @Test
    void anEditTheWikiSavedOverAnotherIsReportedWithTheDiffToReview() throws IOException {
        MediaWikiEditor editor = loggedIn();
        // Someone saved 5679 between the look and the edit, and the wiki let ours replace it (its check takes
        // revisions within the base revision's second for the editor's own).
        wiki.stubFor(action("edit").willReturn(json("{\"edit\":{\"result\":\"Success\",\"pageid\":12,"
                + "\"title\":\"Integration\",\"contentmodel\":\"wikitext\",\"oldrevid\":5679,\"newrevid\":5680,"
                + "\"newtimestamp\":\"2026-12-02T10:00:00Z\"}}")));

        assertThatThrownBy(() -> editor.edit(edit()))
                .isInstanceOf(MediaWikiException.class)
                .hasMessage("the wiki saved revision 5680 of 'Integration' over revision 5679, which someone saved "
                        + "after revision 5678 the report read; review it and undo it if need be: " + api()
                        .replace("api.php", "index.php") + "?oldid=5679&diff=5680")
                .satisfies(e -> assertThat(((MediaWikiException) e).code()).isEqualTo("overwrote"));
    }

    @Test
    void anEditBasedOnTheNewestRevisionIsSaved() throws IOException {
        MediaWikiEditor editor = loggedIn();
        wiki.stubFor(action("edit").willReturn(json("{\"edit\":{\"result\":\"Success\",\"pageid\":12,"
                + "\"title\":\"Integration\",\"contentmodel\":\"wikitext\",\"oldrevid\":5678,\"newrevid\":5680,"
                + "\"newtimestamp\":\"2026-12-02T10:00:00Z\"}}")));

        assertThat(editor.edit(edit()).newRevision()).contains(5680L);
        wiki.verify(1, postRequestedFor(urlPathEqualTo("/api.php")).withQueryParam("action", equalTo("edit"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("baserevid=5678")));
    }

    @Test
    void anAbuseFilterThatDisallowsIsNamedWithItsDescription() throws IOException {
        MediaWikiEditor editor = loggedIn();
        wiki.stubFor(action("edit").willReturn(json(error("abusefilter-disallowed", "This action has been"
                + " automatically identified as harmful, and therefore disallowed.\\nIf you believe your action was"
                + " constructive, please inform an administrator of what you were trying to do.\\nA brief description"
                + " of the abuse rule which your action matched is: Status changed by a bot",
                ",\"abusefilter\":{\"id\":\"7\",\"description\":\"Status changed by a bot\",\"actions\":"
                        + "[\"disallow\"]}"))));

        assertThatThrownBy(() -> editor.edit(edit()))
                .isInstanceOf(MediaWikiException.class)
                .hasMessage("the wiki's abuse filter 7 ('Status changed by a bot') refused this edit of 'Integration'")
                .satisfies(e -> assertThat(((MediaWikiException) e).code()).isEqualTo("abusefilter-disallowed"));
    }

    @Test
    void anAbuseFilterWarningIsNotResubmitted() throws IOException {
        MediaWikiEditor editor = loggedIn();
        wiki.stubFor(action("edit").willReturn(json(error("abusefilter-warning", "'''Warning:''' This action has"
                + " been automatically identified as harmful.", ",\"abusefilter\":{\"id\":\"3\",\"description\":"
                + "\"Large removal\",\"actions\":[\"warn\"]}"))));

        assertThatThrownBy(() -> editor.edit(edit()))
                .hasMessage("the wiki's abuse filter 3 ('Large removal') warned against this edit of 'Integration';"
                        + " publish does not resubmit past a warning: review the change and save it by hand");
        wiki.verify(1, postRequestedFor(urlPathEqualTo("/api.php")).withQueryParam("action", equalTo("edit")));
    }

    @Test
    void aCaptchaIsAnEditFailureSayingWhatTheWikiAsked() throws IOException {
        MediaWikiEditor editor = loggedIn();
        wiki.stubFor(action("edit").willReturn(json("{\"edit\":{\"captcha\":{\"type\":\"image\",\"mime\":"
                + "\"image/png\",\"id\":\"1234\",\"url\":\"/index.php?title=Special:Captcha/image&wpCaptchaId=1234\"},"
                + "\"result\":\"Failure\"}}")));

        assertThatThrownBy(() -> editor.edit(edit()))
                .hasMessageStartingWith("the wiki did not save the edit (edit 'Integration'): Failure (captcha {")
                .satisfies(e -> assertThat(((MediaWikiException) e).code()).isEqualTo("edit-failure"));
    }

    @Test
    void anExpiredTokenIsFetchedAgainOnce() throws IOException {
        MediaWikiEditor editor = loggedIn();
        wiki.stubFor(action("edit").inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(error("badtoken", "Invalid CSRF token.", ""))).willSetStateTo("renewed"));
        wiki.stubFor(action("edit").inScenario("token").whenScenarioStateIs("renewed").willReturn(json(
                "{\"edit\":{\"result\":\"Success\",\"pageid\":2,\"title\":\"Integration\",\"contentmodel\":"
                        + "\"wikitext\",\"oldrevid\":5678,\"newrevid\":5679,\"newtimestamp\":\"2026-12-02T06:51:47Z\"}}")));

        MediaWikiEditor.Saved saved = editor.edit(edit());

        assertThat(saved.newRevision()).contains(5679L);
        wiki.verify(2, getRequestedFor(urlPathEqualTo("/api.php")).withQueryParam("type", equalTo("csrf")));
        wiki.verify(2, postRequestedFor(urlPathEqualTo("/api.php")).withQueryParam("action", equalTo("edit"))
                .withRequestBody(containing("baserevid=5678"))
                .withRequestBody(containing("basetimestamp=2025-03-02T10%3A00%3A00Z"))
                .withRequestBody(containing("nocreate=1")).withRequestBody(containing("bot=1"))
                .withRequestBody(containing("assert=user"))
                .withHeader("Cookie", containing("testwiki_BPsession=fbqqjti3f2pigecggibjhts56grcv5cb")));
    }

    @Test
    void aTokenRefusedTwiceIsAClearError() throws IOException {
        MediaWikiEditor editor = loggedIn();
        wiki.stubFor(action("edit").willReturn(json(error("badtoken", "Invalid CSRF token.", ""))));

        assertThatThrownBy(() -> editor.edit(edit()))
                .hasMessage("the wiki refused the session's edit token twice (badtoken): the session expired or its"
                        + " cookies were not kept; run again");
        wiki.verify(2, postRequestedFor(urlPathEqualTo("/api.php")).withQueryParam("action", equalTo("edit")));
    }

    @Test
    void aLagLongerThanItIsWorthWaitingForEndsAtOnce() throws IOException {
        MediaWikiEditor editor = loggedIn();
        wiki.stubFor(action("edit").willReturn(json(error("maxlag", "Waiting for 10.64.48.15: 120 seconds lagged.",
                ",\"host\":\"10.64.48.15\",\"lag\":120,\"type\":\"db\"")).withHeader("Retry-After", "120")
                .withHeader("X-Database-Lag", "120").withHeader("MediaWiki-API-Error", "maxlag")));

        assertThatThrownBy(() -> editor.edit(edit()))
                .hasMessage("the wiki's database is 120 s behind, more than the 5 s this tool accepts (maxlag); gave"
                        + " up after 1 attempt (it asked to wait 120 s); try again later");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aRedirectToAnotherHostIsRefusedBeforeAnythingIsSentThere() throws IOException {
        wiki.stubFor(query("tokens").willReturn(aResponse().withStatus(302)
                .withHeader("Location", elsewhere() + "/api.php?x=1")));

        assertThatThrownBy(() -> editor().login(new Credentials("StatusBot@publish", PASSWORD)))
                .isInstanceOf(MediaWikiException.class)
                .hasMessage("the wiki at http://127.0.0.1:" + wiki.getPort() + " redirected the session to "
                        + elsewhere() + "; refusing: the login goes only to http://127.0.0.1:" + wiki.getPort());
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRedirectedLoginIsNotFollowed() throws IOException {
        loginWorks();
        wiki.stubFor(action("login").atPriority(1).willReturn(aResponse().withStatus(307)
                .withHeader("Location", elsewhere() + "/api.php?action=login")));

        assertThatThrownBy(() -> editor().login(new Credentials("StatusBot@publish", PASSWORD)))
                .hasMessage(api() + " answered HTTP 307 (redirect to " + elsewhere() + "/api.php?action=login)"
                        + " when asked to log in; the session does not follow redirects: give the final api.php URL"
                        + " as --wiki");
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void thePasswordNeverTravelsOverPlainHttpToAnotherMachine() throws IOException {
        MediaWikiEditor editor = editor("http://wiki.example.invalid/api.php", OriginRewrite.none());

        assertThatThrownBy(() -> editor.login(new Credentials("StatusBot@publish", PASSWORD)))
                .isInstanceOf(MediaWikiException.class)
                .hasMessage("refusing to log in to the wiki over plain http (wiki.example.invalid): use its https"
                        + " api.php URL (plain http is allowed only to a loopback address)");
    }

    @Test
    void theRuleIsDecidedOnTheUrlActuallySent() throws IOException {
        loginWorks();
        // https://criu.org through a loopback mirror: allowed, and the login happens there.
        MediaWikiEditor mirrored = editor("https://criu.org/api.php", new OriginRewrite(List.of(
                new OriginRewrite.Rule("https://criu.org", "http://127.0.0.1:" + wiki.getPort()))));
        assertThat(mirrored.login(new Credentials("StatusBot@publish", PASSWORD)).name()).isEqualTo("StatusBot");

        // https://criu.org through a plain-http mirror on another machine: refused before connecting.
        MediaWikiEditor cleartext = editor("https://criu.org/api.php", new OriginRewrite(List.of(
                new OriginRewrite.Rule("https://criu.org", "http://mirror.example.invalid"))));
        assertThatThrownBy(() -> cleartext.login(new Credentials("StatusBot@publish", PASSWORD)))
                .hasMessageContaining("refusing to log in to the wiki over plain http (mirror.example.invalid)");
    }

    @Test
    void aPlainHttpLoopbackWikiIsNeverReachedThroughAProxy() throws IOException {
        loginWorks();
        OkHttpClient run = Http.client(HttpOptions.defaults().withEnv(Map.of("HTTP_PROXY", elsewhere())));
        clients.add(run);
        // The premise: the run's own requests to this wiki go through the proxy.
        try (okhttp3.Response premise = run.newCall(new okhttp3.Request.Builder()
                .url(api() + "?action=query&meta=siteinfo").build()).execute()) {
            assertThat(premise.code()).isEqualTo(404); // the proxy's answer: it knows no such page
        }
        elsewhere.verify(1, anyRequestedFor(anyUrl()));
        elsewhere.resetRequests();

        MediaWikiEditor editor = MediaWikiEditor.open(run, api(), MediaWikiEditor.Settings.defaults());
        editor.login(new Credentials("StatusBot@publish", PASSWORD));

        elsewhere.verify(0, anyRequestedFor(anyUrl()));
        wiki.verify(1, postRequestedFor(urlPathEqualTo("/api.php")).withQueryParam("action", equalTo("login")));
    }

    @Test
    void anHtmlPageIsNotTheApi() throws IOException {
        wiki.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<!DOCTYPE html><html><body>Main Page</body></html>")));

        assertThatThrownBy(() -> editor().login(new Credentials("StatusBot@publish", PASSWORD)))
                .hasMessage(api() + " did not answer like MediaWiki's api.php when asked to log in (an HTML page, not"
                        + " JSON)");
    }

    @Test
    void credentialsComeAsAPairFromTheEnvironmentAndNeverPrintThePassword() {
        assertThat(Credentials.fromEnv(Map.of())).isEmpty();
        assertThat(Credentials.fromEnv(Map.of("MW_BOT_USER", "StatusBot@publish", "MW_BOT_PASSWORD", PASSWORD)))
                .hasValueSatisfying(c -> assertThat(c.toString()).doesNotContain(PASSWORD).contains("StatusBot@publish"));
        assertThatThrownBy(() -> Credentials.fromEnv(Map.of("MW_BOT_USER", "StatusBot@publish")))
                .hasMessage("MW_BOT_USER is set but MW_BOT_PASSWORD is not");
        assertThatThrownBy(() -> Credentials.fromEnv(Map.of("MW_BOT_PASSWORD", PASSWORD)))
                .hasMessage("MW_BOT_PASSWORD is set but MW_BOT_USER is not");
    }

    @Test
    void loopbackMeansLiteralLoopbackAddresses() {
        // The login's rule is the token's (CredentialInterceptor.mayCarryToken): plain http only to loopback.
        for (String host : new String[] {"127.0.0.1", "127.1.2.3", "localhost", "[::1]"}) {
            assertThat(CredentialInterceptor.mayCarryToken(HttpUrl.get("http://" + host + "/w/api.php"))).as(host)
                    .isTrue();
        }
        for (String host : new String[] {"127.0.0.1.evil.example", "128.0.0.1", "criu.org"}) {
            assertThat(CredentialInterceptor.mayCarryToken(HttpUrl.get("http://" + host + "/w/api.php"))).as(host)
                    .isFalse();
        }
    }

    @Test
    void wikiTextInAMessageLosesItsControlCharacters() {
        assertThat(MediaWikiEditor.oneLine("blocked\u001b[31m by\nsomeone\u0007 \u202Eevil")).isEqualTo(
                "blocked [31m by someone evil");
    }
}
