package org.criu.status.core.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.criu.status.core.http.IoFailure;
import org.criu.status.core.http.LogicalUrl;
import org.criu.status.core.http.RecordInterceptor;
import org.criu.status.core.http.ReplayInterceptor;
import org.criu.status.core.http.SingleFlightInterceptor;
import org.criu.status.core.http.Sleeper;

/**
 * Writes to a MediaWiki through its action API ({@code formatversion=2} JSON), logged in with a bot password
 * (Special:BotPasswords): login token, {@code action=login}, CSRF token, {@code action=edit}.
 *
 * <p>The session runs on its own copy of the run's OkHttp client: the same timeouts, User-Agent, origin
 * rewrite and {@code --verbose} line per request, but
 * <ul>
 *   <li>no record/replay: a login or an edit is never saved to {@code --record} (not the POST, not the tokens
 *       in the answers), and never answered from a recording;</li>
 *   <li>no run-wide sharing of GET answers and no disk cache: a token is asked for afresh each time;</li>
 *   <li>cookies in memory only, for the wiki's host only, gone with this object;</li>
 *   <li>a guard on the URL actually sent: every request of the session goes to the wiki's origin (scheme, host
 *       and port of its api.php), over https or to a loopback address; a redirect elsewhere, or plain http to
 *       another machine, is refused before anything is sent. POSTs are never redirected (a 3xx answer is an
 *       error). Plain http (to loopback) never goes through a proxy, which would read the password.</li>
 * </ul>
 * Every request sends {@code maxlag}; a lag answer is waited out (its {@code Retry-After}) and retried a few
 * times. Secrets travel only in POST bodies, which {@code --verbose} never prints; messages never quote them.
 */
public final class MediaWikiEditor {

    /** Environment variable holding the bot password's user name ({@code Account@BotName}). */
    public static final String USER_ENV = "MW_BOT_USER";
    /** Environment variable holding the bot password. */
    public static final String PASSWORD_ENV = "MW_BOT_PASSWORD";

    /** A bot password's user name and password, from the environment only; {@link #toString()} hides the password. */
    public record Credentials(String user, String password) {
        public Credentials {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (user.isBlank() || password.isBlank()) {
                throw new IllegalArgumentException("user and password must not be blank");
            }
        }

        /**
         * The credentials in {@code MW_BOT_USER} and {@code MW_BOT_PASSWORD}; empty when neither is set.
         *
         * @throws IllegalArgumentException naming the variable when only one of the two is set
         */
        public static Optional<Credentials> fromEnv(Map<String, String> env) {
            String user = Optional.ofNullable(env.get(USER_ENV)).map(String::strip).orElse("");
            String password = Optional.ofNullable(env.get(PASSWORD_ENV)).orElse("");
            if (user.isEmpty() && password.isEmpty()) {
                return Optional.empty();
            }
            if (user.isEmpty()) {
                throw new IllegalArgumentException(PASSWORD_ENV + " is set but " + USER_ENV + " is not");
            }
            if (password.isEmpty()) {
                throw new IllegalArgumentException(USER_ENV + " is set but " + PASSWORD_ENV + " is not");
            }
            return Optional.of(new Credentials(user, password));
        }

        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=(hidden)]";
        }
    }

    /**
     * How politely to write.
     *
     * @param maxlag      seconds of database lag past which the wiki should refuse (MediaWiki's advice: 5)
     * @param lagAttempts how many times a request refused for lag is sent in all
     * @param longestWait the longest {@code Retry-After} waited out; a longer one ends the attempt at once
     * @param sleeper     how to wait (tests record the waits)
     */
    public record Settings(int maxlag, int lagAttempts, Duration longestWait, Sleeper sleeper) {
        public Settings {
            if (lagAttempts < 1) {
                throw new IllegalArgumentException("lagAttempts must be at least 1");
            }
            Objects.requireNonNull(longestWait, "longestWait");
            Objects.requireNonNull(sleeper, "sleeper");
        }

        public static Settings defaults() {
            return new Settings(5, 4, Duration.ofSeconds(60), Sleeper.SYSTEM);
        }

        public Settings withSleeper(Sleeper sleeper) {
            return new Settings(maxlag, lagAttempts, longestWait, sleeper);
        }

        public Settings withMaxlag(int maxlag) {
            return new Settings(maxlag, lagAttempts, longestWait, sleeper);
        }
    }

    /** Who is logged in and what the session may do (user rights, narrowed by the bot password's grants). */
    public record Account(String name, Set<String> rights) {
        public Account {
            rights = Set.copyOf(rights);
        }

        public boolean mayEdit() {
            return rights.contains("edit");
        }

        /** May mark edits as bot edits ({@code bot=1}). */
        public boolean isBot() {
            return rights.contains("bot");
        }
    }

    /** A revision of a page as the API gave it. */
    public record Revision(String title, long id, Instant timestamp, String user, String text) {
    }

    /**
     * An edit of a whole page, based on the revision it was made from: the wiki refuses it (edit conflict)
     * rather than overwrite a later one. It never creates a page.
     *
     * @param assertBot send {@code assert=bot}: refuse unless the account has the bot right
     */
    public record Edit(String title, String text, String summary, long baseRevision, Instant baseTimestamp,
                       boolean assertBot) {
        public Edit {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(baseTimestamp, "baseTimestamp");
        }
    }

    /** A new section at the end of a page (a talk page), created if need be. */
    public record NewSection(String title, String heading, String text, String summary, boolean assertBot) {
        public NewSection {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(heading, "heading");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(summary, "summary");
        }
    }

    /**
     * What the wiki did with an edit.
     *
     * @param changed     false when the wiki already had this text (no revision was made)
     * @param oldRevision the revision the new one follows (for a page edit: the base, unless the wiki merged)
     * @param bot         whether the edit was marked as a bot edit
     */
    public record Saved(String title, boolean changed, Optional<Long> oldRevision, Optional<Long> newRevision,
                        Optional<Instant> timestamp, boolean bot) {
    }

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final OkHttpClient client;
    private final HttpUrl api;
    private final Settings settings;
    private Optional<Account> account = Optional.empty();
    private Optional<String> csrfToken = Optional.empty();

    private MediaWikiEditor(OkHttpClient client, HttpUrl api, Settings settings) {
        this.client = client;
        this.api = api;
        this.settings = settings;
    }

    /**
     * A session on the wiki at {@code api} (its api.php), on a copy of the run's client as described above.
     *
     * @throws IllegalArgumentException when {@code api} is not an http(s) URL, or the run replays a recording
     *                                  (a write cannot be answered from a recording)
     */
    public static MediaWikiEditor open(OkHttpClient runClient, String api, Settings settings) {
        HttpUrl url = HttpUrl.parse(api);
        if (url == null) {
            throw new IllegalArgumentException("'" + api + "' is not an http(s) URL");
        }
        if (ReplayInterceptor.of(runClient).isPresent()) {
            throw new IllegalArgumentException("a recording cannot answer a write to the wiki; run without --replay");
        }
        OkHttpClient.Builder builder = runClient.newBuilder();
        builder.interceptors().removeIf(i -> i instanceof SingleFlightInterceptor || i instanceof RecordInterceptor
                || i instanceof ReplayInterceptor);
        // Last among the application interceptors: it sees the URL actually sent (after --origin).
        builder.addInterceptor(new SessionGuard(url))
                .cookieJar(new SessionCookies())
                .cache(null)
                .proxy(null)
                .proxySelector(new DirectForPlainHttp(runClient.proxySelector()));
        return new MediaWikiEditor(builder.build(), url, settings);
    }

    /** The account logged in, if any. */
    public Optional<Account> account() {
        return account;
    }

    /**
     * Logs in with a bot password and reads what the session may do.
     *
     * @throws MediaWikiException {@code login-failed} with the wiki's reason (never the password), or any
     *                            API or transport failure
     */
    public Account login(Credentials credentials) throws MediaWikiException {
        JsonNode tokens = get("log in", params("action", "query", "meta", "tokens", "type", "login"));
        throwIfError(tokens, "log in", Optional.empty());
        String loginToken = text(tokens.path("query").path("tokens").path("logintoken"))
                .orElseThrow(() -> notApi("log in", "no login token in the answer"));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("lgname", credentials.user());
        body.put("lgpassword", credentials.password());
        body.put("lgtoken", loginToken);
        JsonNode answer = post("log in", params("action", "login"), body);
        throwIfError(answer, "log in as " + credentials.user(), Optional.empty());
        JsonNode login = answer.path("login");
        String result = text(login.path("result")).orElseThrow(() -> notApi("log in", "no login result"));
        if (!result.equals("Success")) {
            String reason = text(login.path("reason")).map(MediaWikiEditor::oneLine).orElse(result);
            String hint = switch (result) {
                case "Failed" -> " (" + USER_ENV + " is 'Account@BotName' and " + PASSWORD_ENV
                        + " the bot password, both as made on Special:BotPasswords)";
                case "WrongToken", "NeedToken" -> " (the wiki did not keep the session between the login token and"
                        + " the login: check its cookie settings and $wgServer)";
                default -> "";
            };
            throw new MediaWikiException(api.toString(), "login-failed", "could not log in to " + api + " as "
                    + credentials.user() + ": " + reason + hint);
        }
        JsonNode info = get("read the account's rights",
                params("action", "query", "meta", "userinfo", "uiprop", "rights|groups"))
                .path("query").path("userinfo");
        if (info.path("anon").asBoolean(false) || info.path("id").asLong(0) == 0) {
            throw new MediaWikiException(api.toString(), "login-failed", "logged in to " + api + " as "
                    + credentials.user() + ", but the next request was anonymous: the wiki's session cookie"
                    + " did not come back (check $wgServer and the cookie settings)");
        }
        Set<String> rights = new LinkedHashSet<>();
        info.path("rights").forEach(r -> rights.add(r.asText()));
        Account who = new Account(info.path("name").asText(credentials.user()), rights);
        account = Optional.of(who);
        csrfToken = Optional.empty();
        return who;
    }

    /** The page's newest revision with its text. */
    public Revision latest(String title) throws MediaWikiException {
        JsonNode answer = get("read '" + title + "'", params("action", "query", "prop", "revisions", "titles", title,
                "rvprop", "ids|timestamp|user|content", "rvslots", "main"));
        throwIfError(answer, "read '" + title + "'", Optional.of(title));
        return revisionOf(answer, "'" + title + "'");
    }

    /** One revision by id, with its text. */
    public Revision revision(long id) throws MediaWikiException {
        JsonNode answer = get("read revision " + id, params("action", "query", "prop", "revisions",
                "revids", Long.toString(id), "rvprop", "ids|timestamp|user|content", "rvslots", "main"));
        throwIfError(answer, "read revision " + id, Optional.empty());
        if (answer.path("query").path("badrevids").size() > 0) {
            throw new MediaWikiException(api.toString(), "nosuchrevid", "revision " + id + " does not exist on "
                    + api + " (deleted, or from another wiki)");
        }
        return revisionOf(answer, "revision " + id);
    }

    /** The talk page of {@code title} ("Integration" -> "Talk:Integration"), named as this wiki names it. */
    public String talkPageOf(String title) throws MediaWikiException {
        JsonNode answer = get("find the talk page of '" + title + "'", params("action", "query", "titles", title,
                "meta", "siteinfo", "siprop", "namespaces"));
        throwIfError(answer, "find the talk page of '" + title + "'", Optional.of(title));
        JsonNode page = answer.path("query").path("pages").path(0);
        if (page.isMissingNode() || page.path("invalid").asBoolean(false)) {
            throw new MediaWikiException(api.toString(), "invalidtitle", "'" + title + "' is not a valid title on "
                    + api);
        }
        int ns = page.path("ns").asInt();
        String normalized = page.path("title").asText(title);
        if (ns < 0 || ns % 2 == 1) {
            throw new MediaWikiException(api.toString(), "notalk", "'" + normalized + "' has no talk page (it is "
                    + (ns < 0 ? "a special page" : "a talk page itself") + ")");
        }
        String talkNamespace = answer.path("query").path("namespaces").path(Integer.toString(ns + 1)).path("name")
                .asText("");
        if (talkNamespace.isEmpty()) {
            throw notApi("find the talk page of '" + title + "'", "namespace " + (ns + 1) + " is not in siteinfo");
        }
        String name = ns == 0 ? normalized : normalized.substring(normalized.indexOf(':') + 1);
        return talkNamespace + ":" + name;
    }

    /**
     * Saves a new text of a page, based on {@code edit.baseRevision()}: sends {@code baserevid},
     * {@code basetimestamp} and {@code nocreate}, {@code bot=1} when the account may, {@code assert=user}
     * (or {@code bot}), {@code md5} of the text, and {@code maxlag}.
     *
     * @throws MediaWikiException.EditConflict when the wiki refused it as an edit conflict (naming the page's
     *                                         current revision); {@link MediaWikiException} for every other refusal
     */
    public Saved edit(Edit edit) throws MediaWikiException {
        Account who = requireAccount();
        // MediaWiki's own check misses an edit made within the second of the base revision (it takes every
        // revision not later than basetimestamp for the editor's own), so look first: one read, and the edit
        // below still sends baserevid for the window between the two.
        JsonNode head = get("read the newest revision of '" + edit.title() + "'", params("action", "query",
                "prop", "revisions", "titles", edit.title(), "rvprop", "ids|user"));
        throwIfError(head, "read '" + edit.title() + "'", Optional.of(edit.title()));
        JsonNode page = head.path("query").path("pages").path(0);
        if (page.path("missing").asBoolean(false)) {
            throw new MediaWikiException(api.toString(), "missingtitle", "'" + edit.title() + "' does not exist on "
                    + api + " (publish never creates a page)");
        }
        JsonNode newest = page.path("revisions").path(0);
        if (!newest.path("revid").isIntegralNumber()) {
            throw notApi("read the newest revision of '" + edit.title() + "'", "no revision id in the answer");
        }
        if (newest.path("revid").asLong() != edit.baseRevision()) {
            throw new MediaWikiException.EditConflict(api.toString(), edit.title(), edit.baseRevision(),
                    Optional.of(newest.path("revid").asLong()), text(newest.path("user")));
        }
        String text = Normalizer.normalize(edit.text(), Normalizer.Form.NFC);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("title", edit.title());
        body.put("text", text);
        body.put("summary", edit.summary());
        body.put("baserevid", Long.toString(edit.baseRevision()));
        body.put("basetimestamp", edit.baseTimestamp().toString());
        body.put("nocreate", "1");
        saving(body, text, who, edit.assertBot());
        JsonNode answer = postWithToken("edit '" + edit.title() + "'", body);
        JsonNode error = answer.path("error");
        if (error.path("code").asText("").equals("editconflict")) {
            Optional<Revision> now = Optional.empty();
            try {
                now = Optional.of(latest(edit.title()));
            } catch (MediaWikiException e) {
                // The conflict is the news; the current revision only makes the message better.
            }
            throw new MediaWikiException.EditConflict(api.toString(), edit.title(), edit.baseRevision(),
                    now.map(Revision::id), now.map(Revision::user));
        }
        throwIfError(answer, "edit '" + edit.title() + "'", Optional.of(edit.title()));
        Saved saved = saved(answer, "edit '" + edit.title() + "'", who.isBot());
        if (saved.oldRevision().isPresent() && saved.oldRevision().get() != edit.baseRevision()) {
            // Someone saved between the look above and this edit. The wiki merged ours into theirs, or (within
            // the base revision's second) replaced theirs: either way what was reviewed is not what was saved.
            long theirs = saved.oldRevision().get();
            throw new MediaWikiException(api.toString(), "overwrote", "the wiki saved revision "
                    + saved.newRevision().map(String::valueOf).orElse("(unknown)") + " of '" + edit.title()
                    + "' over revision " + theirs + ", which someone saved after revision " + edit.baseRevision()
                    + " the report read; review it and undo it if need be: " + diffUrl(theirs,
                    saved.newRevision()));
        }
        return saved;
    }

    /** The wiki's page showing what {@code newRevision} changed against {@code oldRevision}. */
    private String diffUrl(long oldRevision, Optional<Long> newRevision) {
        HttpUrl index = api.resolve("index.php");
        HttpUrl.Builder url = (index != null ? index : api).newBuilder().addQueryParameter("oldid",
                Long.toString(oldRevision));
        url.addQueryParameter("diff", newRevision.map(String::valueOf).orElse("next"));
        return url.build().toString();
    }

    /** Adds a section at the end of a page ({@code section=new}), creating the page if need be. */
    public Saved addSection(NewSection section) throws MediaWikiException {
        Account who = requireAccount();
        String text = Normalizer.normalize(section.text(), Normalizer.Form.NFC);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("title", section.title());
        body.put("section", "new");
        body.put("sectiontitle", section.heading());
        body.put("text", text);
        body.put("summary", section.summary());
        saving(body, text, who, section.assertBot());
        JsonNode answer = postWithToken("add a section to '" + section.title() + "'", body);
        throwIfError(answer, "add a section to '" + section.title() + "'", Optional.of(section.title()));
        return saved(answer, "add a section to '" + section.title() + "'", who.isBot());
    }

    private Account requireAccount() {
        return account.orElseThrow(() -> new IllegalStateException("log in before editing"));
    }

    private Saved saved(JsonNode answer, String what, boolean bot) throws MediaWikiException {
        JsonNode result = answer.path("edit");
        String outcome = text(result.path("result")).orElseThrow(() -> notApi(what, "no edit result"));
        if (!outcome.equals("Success")) {
            // Extensions refuse this way too (a CAPTCHA, an old spam blacklist): name what they said.
            List<String> details = new ArrayList<>();
            for (Iterator<String> names = result.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("result")) {
                    details.add(name + " " + oneLine(result.get(name).toString()));
                }
            }
            throw new MediaWikiException(api.toString(), "edit-" + outcome.toLowerCase(Locale.ROOT),
                    "the wiki did not save the edit (" + what + "): " + outcome
                            + (details.isEmpty() ? "" : " (" + String.join("; ", details) + ")"));
        }
        String title = result.path("title").asText();
        if (result.path("nochange").asBoolean(false)) {
            return new Saved(title, false, Optional.empty(), Optional.empty(), Optional.empty(), false);
        }
        return new Saved(title, true,
                result.hasNonNull("oldrevid") ? Optional.of(result.get("oldrevid").asLong()) : Optional.empty(),
                result.hasNonNull("newrevid") ? Optional.of(result.get("newrevid").asLong()) : Optional.empty(),
                text(result.path("newtimestamp")).map(Instant::parse), bot);
    }

    private JsonNode postWithToken(String what, Map<String, String> body) throws MediaWikiException {
        for (int attempt = 1; ; attempt++) {
            Map<String, String> withToken = new LinkedHashMap<>(body);
            withToken.put("token", csrfToken()); // last: a cut-off body then fails as "no token"
            JsonNode answer = post(what, params("action", "edit"), withToken);
            if (!answer.path("error").path("code").asText("").equals("badtoken") || attempt == 2) {
                return answer;
            }
            csrfToken = Optional.empty(); // the session may have been renewed: ask once more
        }
    }

    private String csrfToken() throws MediaWikiException {
        if (csrfToken.isEmpty()) {
            JsonNode answer = get("get an edit token", params("action", "query", "meta", "tokens", "type", "csrf"));
            throwIfError(answer, "get an edit token", Optional.empty());
            String token = text(answer.path("query").path("tokens").path("csrftoken"))
                    .orElseThrow(() -> notApi("get an edit token", "no csrftoken in the answer"));
            if (token.equals("+\\")) {
                throw new MediaWikiException(api.toString(), "assertuserfailed", "the wiki handed out an anonymous"
                        + " edit token: the login session was lost (cookies not kept?)");
            }
            csrfToken = Optional.of(token);
        }
        return csrfToken.get();
    }

    private Revision revisionOf(JsonNode answer, String what) throws MediaWikiException {
        JsonNode page = answer.path("query").path("pages").path(0);
        if (page.isMissingNode()) {
            throw notApi("read " + what, "no page in the answer");
        }
        if (page.path("missing").asBoolean(false) || page.path("invalid").asBoolean(false)) {
            throw new MediaWikiException(api.toString(), "missingtitle", "page '" + page.path("title").asText()
                    + "' does not exist on " + api);
        }
        JsonNode rev = page.path("revisions").path(0);
        JsonNode content = rev.path("slots").path("main").path("content");
        if (rev.isMissingNode() || !content.isTextual()) {
            throw notApi("read " + what, "no revision content in the answer");
        }
        Instant timestamp;
        try {
            timestamp = Instant.parse(rev.path("timestamp").asText());
        } catch (DateTimeParseException e) {
            throw notApi("read " + what, "revision timestamp '" + rev.path("timestamp").asText() + "'");
        }
        return new Revision(page.path("title").asText(), rev.path("revid").asLong(), timestamp,
                rev.path("user").asText(""), content.asText());
    }

    // ---- errors ----

    private void throwIfError(JsonNode answer, String what, Optional<String> title) throws MediaWikiException {
        JsonNode error = answer.path("error");
        if (error.isMissingNode()) {
            return;
        }
        String code = error.path("code").asText("unknown");
        String info = oneLine(error.path("info").asText(""));
        String page = title.map(t -> "'" + t + "'").orElse("the page");
        String user = account.map(Account::name).orElse("the account");
        String message;
        if (code.startsWith("abusefilter-")) {
            JsonNode filter = error.path("abusefilter");
            String which = "filter " + filter.path("id").asText("?")
                    + text(filter.path("description")).map(d -> " ('" + oneLine(d) + "')").orElse("");
            message = code.equals("abusefilter-warning")
                    ? "the wiki's abuse " + which + " warned against this edit of " + page + "; publish does not"
                            + " resubmit past a warning: review the change and save it by hand"
                    : "the wiki's abuse " + which + " refused this edit of " + page;
        } else {
            message = switch (code) {
                case "protectedpage", "cascadeprotected" -> page + " is protected: " + user
                        + " may not edit it (" + info + "); ask an administrator, or post to the talk page"
                        + " with --to-talk";
                case "blocked", "autoblocked", "partiallyblocked" -> {
                    JsonNode block = error.path("blockinfo");
                    yield user + " is blocked from editing" + (block.isMissingNode() ? "" : " (by "
                            + oneLine(block.path("blockedby").asText("?")) + ": "
                            + oneLine(block.path("blockreason").asText("no reason given")) + "; expires "
                            + block.path("blockexpiry").asText("?") + ")");
                }
                case "readonly" -> "the wiki is read-only" + text(error.path("readonlyreason"))
                        .map(r -> " (" + oneLine(r) + ")").orElse("") + "; try again later";
                case "permissiondenied" -> user + " may not " + what + ": " + info
                        + " (does the bot password have the 'Edit existing pages' grant?)";
                case "assertbotfailed" -> user + " does not have the bot right (--assert-bot): add the account to"
                        + " the bot group and give its bot password the 'High-volume editing' grant, or publish"
                        + " without --assert-bot";
                case "assertuserfailed" -> "the login session was lost before the wiki could " + what
                        + " (assertuserfailed); run again";
                case "badtoken" -> "the wiki refused the session's edit token twice (badtoken): the session"
                        + " expired or its cookies were not kept; run again";
                case "missingtitle" -> page + " does not exist on " + api + " (publish never creates a page)";
                case "nosuchrevid" -> "revision not found on " + api + ": " + info;
                case "ratelimited" -> "the wiki limits how fast " + user + " may edit (ratelimited); try again later";
                case "spamblacklist" -> "the wiki's spam blacklist refused a link in the edit of " + page + ": "
                        + oneLine(error.path("spamblacklist").path("matches").toString());
                case "mustbeposted", "mustpostparams" -> "the wiki refused a request (" + code + "): " + info;
                default -> "the wiki could not " + what + ": " + code + ": " + info;
            };
        }
        throw new MediaWikiException(api.toString(), code, message);
    }

    private MediaWikiException notApi(String what, String detail) {
        return new MediaWikiException(api.toString(), "not-api", api + " did not answer like MediaWiki's api.php"
                + " when asked to " + what + " (" + detail + ")");
    }

    // ---- transport ----

    private static Map<String, String> params(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private HttpUrl url(Map<String, String> params) {
        HttpUrl.Builder url = api.newBuilder();
        params.forEach(url::addQueryParameter);
        url.addQueryParameter("format", "json").addQueryParameter("formatversion", "2")
                .addQueryParameter("maxlag", Integer.toString(settings.maxlag()));
        return url.build();
    }

    private JsonNode get(String what, Map<String, String> params) throws MediaWikiException {
        return call(what, new Request.Builder().url(url(params)).get().build());
    }

    /** POSTs {@code body} (where secrets go: never the URL, which {@code --verbose} prints). */
    private JsonNode post(String what, Map<String, String> query, Map<String, String> body)
            throws MediaWikiException {
        FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8);
        body.forEach(form::add);
        return call(what, new Request.Builder().url(url(query)).post(form.build()).build());
    }

    /** Sends, waits out lag answers, parses. The answer may hold an API error for the caller to map. */
    private JsonNode call(String what, Request request) throws MediaWikiException {
        for (int attempt = 1; ; attempt++) {
            JsonNode answer;
            Optional<Duration> retryAfter;
            try (Response response = client.newCall(request).execute()) {
                int code = response.code();
                if (code >= 300 && code < 400) {
                    throw new MediaWikiException(api.toString(), "http", api + " answered HTTP " + code
                            + " (redirect to " + response.header("Location", "?") + ") when asked to " + what
                            + "; the session does not follow redirects: give the final api.php URL as --wiki");
                }
                String body = response.body().string();
                if (!response.isSuccessful()) {
                    throw new MediaWikiException(api.toString(), "http", api + " answered HTTP " + code
                            + " when asked to " + what
                            + (code == 404 ? " (is it the wiki's api.php URL?)" : ""));
                }
                try {
                    answer = SourceHttp.JSON.readTree(body);
                } catch (JsonProcessingException e) {
                    throw notApi(what, body.strip().startsWith("<") ? "an HTML page, not JSON" : "not JSON");
                }
                if (answer == null || !answer.isObject()) {
                    throw notApi(what, "not a JSON object");
                }
                retryAfter = seconds(response.header("Retry-After"));
            } catch (MediaWikiException e) {
                throw e;
            } catch (IOException e) {
                throw new MediaWikiException(api.toString(), "io", "could not reach " + api + " to " + what + ": "
                        + IoFailure.describe(e), e);
            }
            if (!answer.path("error").path("code").asText("").equals("maxlag")) {
                return answer;
            }
            Duration wait = retryAfter.orElse(Duration.ofSeconds(5));
            boolean tooLong = wait.compareTo(settings.longestWait()) > 0;
            if (attempt >= settings.lagAttempts() || tooLong) {
                throw new MediaWikiException(api.toString(), "maxlag", "the wiki's database is "
                        + answer.path("error").path("lag").asText("?") + " s behind, more than the "
                        + settings.maxlag() + " s this tool accepts (maxlag); gave up after " + attempt
                        + (attempt == 1 ? " attempt" : " attempts")
                        + (tooLong ? " (it asked to wait " + wait.toSeconds() + " s)" : "") + "; try again later");
            }
            try {
                settings.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MediaWikiException(api.toString(), "interrupted", "interrupted while waiting for the wiki's"
                        + " database to catch up");
            }
        }
    }

    private static Optional<Duration> seconds(String header) {
        if (header == null) {
            return Optional.empty();
        }
        try {
            long s = Long.parseLong(header.strip());
            return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** Text from the wiki, made safe for one line of a terminal: no control characters, no line breaks. */
    static String oneLine(String text) {
        return SPACES.matcher(CONTROL.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
    }

    /**
     * What every saving request carries: no watchlist change, the text's MD5 (the wiki refuses a text damaged on
     * the way), the bot flag when the account has it, and the account the edit must be made as.
     */
    private static void saving(Map<String, String> body, String text, Account who, boolean assertBot) {
        body.put("watchlist", "nochange");
        body.put("md5", md5(text));
        if (who.isBot()) {
            body.put("bot", "1");
        }
        body.put("assert", assertBot ? "bot" : "user");
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    /**
     * Every request of the session goes to the wiki's own origin (a redirect elsewhere is refused: the cookies
     * and the password stay with the wiki), and on the wire over https or to a loopback address.
     */
    private static final class SessionGuard implements Interceptor {
        private final HttpUrl api;

        SessionGuard(HttpUrl api) {
            this.api = api;
        }

        private static String origin(HttpUrl url) {
            return url.scheme() + "://" + url.host() + ":" + url.port();
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            HttpUrl logical = LogicalUrl.of(request);
            HttpUrl wire = request.url();
            if (!origin(logical).equals(origin(api))) {
                throw new MediaWikiException(logical.toString(), "insecure", "the wiki at " + origin(api)
                        + " redirected the session to " + origin(logical) + "; refusing: the login goes only to "
                        + origin(api));
            }
            if (!org.criu.status.core.http.CredentialInterceptor.mayCarryToken(wire)) {
                throw new MediaWikiException(logical.toString(), "insecure", "refusing to log in to the wiki over"
                        + " plain http (" + wire.host() + "): use its https api.php URL (plain http is allowed"
                        + " only to a loopback address)");
            }
            return chain.proceed(request);
        }
    }

    /** Plain http (which the guard allows only to loopback) goes direct; https may cross a proxy in its tunnel. */
    private static final class DirectForPlainHttp extends ProxySelector {
        private final ProxySelector proxies;

        DirectForPlainHttp(ProxySelector proxies) {
            this.proxies = proxies;
        }

        @Override
        public List<Proxy> select(URI uri) {
            return "https".equalsIgnoreCase(uri.getScheme()) ? proxies.select(uri) : List.of(Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
            proxies.connectFailed(uri, address, e);
        }
    }

    /** Cookies in memory only, for the one host that first set them; gone with the session. */
    private static final class SessionCookies implements CookieJar {
        private final List<Cookie> cookies = new ArrayList<>();
        private String host;

        @Override
        public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
            if (host == null) {
                host = url.host();
            }
            if (!url.host().equals(host)) {
                return;
            }
            for (Cookie cookie : received) {
                cookies.removeIf(c -> c.name().equals(cookie.name()) && c.domain().equals(cookie.domain())
                        && c.path().equals(cookie.path()));
                if (cookie.expiresAt() > System.currentTimeMillis()) {
                    cookies.add(cookie);
                }
            }
        }

        @Override
        public synchronized List<Cookie> loadForRequest(HttpUrl url) {
            if (host == null || !url.host().equals(host)) {
                return List.of();
            }
            long now = System.currentTimeMillis();
            cookies.removeIf(c -> c.expiresAt() <= now);
            return cookies.stream().filter(c -> c.matches(url)).toList();
        }
    }
}
