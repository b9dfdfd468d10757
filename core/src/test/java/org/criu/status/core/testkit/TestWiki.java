package org.criu.status.core.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real MediaWiki for tests: Debian's packages, SQLite, served by {@code php -S} on a free loopback port,
 * set up and torn down by {@code scripts/mediawiki-test-wiki}. One wiki serves every test class of a JVM (it
 * takes seconds to set up); tests keep apart by using their own page titles ({@link #title}).
 *
 * <pre>
 * {@literal @}RegisterExtension
 * static final TestWiki wiki = new TestWiki();
 * </pre>
 *
 * Without the packages the tests are skipped with a message saying how to run them; with {@code CI=true}
 * they fail instead. The wiki is stopped (its whole process group) when the test run ends, by a JVM
 * shutdown hook if it ends another way, and by the script itself if this JVM is killed outright.
 * What the tests check is read back through the API with a plain HTTP client, not the code under test.
 */
public final class TestWiki implements BeforeAllCallback {

    /** How to run these tests on a machine without the packages (printed when they are skipped). */
    public static final String HOW_TO_RUN = "sudo scripts/mediawiki-test-wiki install && ./mvnw -B verify";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestWiki.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger TITLES = new AtomicInteger();

    /** An account of the test wiki: user name as given to {@code action=login} and its bot password. */
    public record Account(String role, String user, String password) {
        @Override
        public String toString() {
            return "Account[" + role + ", " + user + "]";
        }
    }

    /** A revision read back through the API. */
    public record Revision(long id, Instant timestamp, String user, String comment, String text) {
    }

    /** A recent change: whether it was marked as a bot edit. */
    public record Change(long revision, String user, boolean bot, String comment) {
    }

    private Server server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Server.class, k -> Server.start(),
                Server.class);
    }

    /** The wiki's api.php URL ({@code http://127.0.0.1:PORT/api.php}). */
    public String api() {
        return server.api;
    }

    /** The account for a role: {@code bot}, {@code noedit}, {@code editor}, {@code blocked}, {@code admin}. */
    public Account account(String role) {
        Account account = server.accounts.get(role);
        if (account == null) {
            throw new IllegalArgumentException("no test account " + role + "; have " + server.accounts.keySet());
        }
        return account;
    }

    /** A title no other test in this run uses. */
    public String title(String base) {
        return base + " " + TITLES.incrementAndGet();
    }

    /**
     * Saves {@code text} as a new revision of {@code title}, made by the {@code editor} account (another person,
     * not the code under test), through the API with a client of its own.
     */
    public Revision edit(String title, String text, String summary) {
        server.editor().edit(title, text, summary);
        return latest(title);
    }

    /** Only sysops may edit {@code title} from now on. */
    public void protect(String title) {
        server.script(null, "protect", server.dir.toString(), title);
    }

    /** A state of the whole wiki that lasts until closed (also when the test fails: use try-with-resources). */
    public interface Condition extends AutoCloseable {
        @Override
        void close();
    }

    /** The whole wiki read-only ({@code $wgReadOnlyFile}) until closed. */
    public Condition readOnly() {
        server.script(null, "readonly", server.dir.toString(), "on");
        return once(() -> server.script(null, "readonly", server.dir.toString(), "off"));
    }

    /**
     * The wiki reports its database {@code seconds} behind (MediaWiki's ApiMaxLagInfo hook) until closed or
     * until {@link #catchUp()}.
     */
    public Condition lagging(int seconds) {
        server.script(null, "lag", server.dir.toString(), Integer.toString(seconds));
        return once(this::catchUp);
    }

    /** The database has caught up: no lag reported any more. */
    public void catchUp() {
        server.script(null, "lag", server.dir.toString(), "off");
    }

    private static Condition once(Runnable end) {
        java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (ended.compareAndSet(false, true)) {
                end.run();
            }
        };
    }

    /** The newest revision of {@code title}, read through the API. */
    public Revision latest(String title) {
        List<Revision> all = history(title, 1);
        if (all.isEmpty()) {
            throw new AssertionError("page '" + title + "' does not exist on the test wiki");
        }
        return all.get(0);
    }

    /** Whether {@code title} exists. */
    public boolean exists(String title) {
        JsonNode page = query(Map.of("action", "query", "titles", title)).path("query").path("pages").path(0);
        return !page.path("missing").asBoolean(false);
    }

    /** The page's revisions, newest first. */
    public List<Revision> history(String title) {
        return history(title, 50);
    }

    private List<Revision> history(String title, int limit) {
        JsonNode page = query(Map.of("action", "query", "prop", "revisions", "titles", title, "rvprop",
                "ids|timestamp|user|comment|content", "rvslots", "main", "rvlimit", Integer.toString(limit)))
                .path("query").path("pages").path(0);
        List<Revision> revisions = new ArrayList<>();
        for (JsonNode rev : page.path("revisions")) {
            revisions.add(new Revision(rev.path("revid").asLong(), Instant.parse(rev.path("timestamp").asText()),
                    rev.path("user").asText(), rev.path("comment").asText(),
                    rev.path("slots").path("main").path("content").asText()));
        }
        return revisions;
    }

    /** Recent changes to {@code title}, newest first, with their bot flag. */
    public List<Change> changes(String title) {
        JsonNode answer = query(Map.of("action", "query", "list", "recentchanges", "rctitle", title,
                "rcprop", "ids|user|flags|comment", "rclimit", "50"));
        List<Change> changes = new ArrayList<>();
        for (JsonNode rc : answer.path("query").path("recentchanges")) {
            changes.add(new Change(rc.path("revid").asLong(), rc.path("user").asText(), rc.path("bot").asBoolean(),
                    rc.path("comment").asText()));
        }
        return changes;
    }

    private JsonNode query(Map<String, String> params) {
        HttpUrl.Builder url = HttpUrl.get(server.api).newBuilder();
        params.forEach(url::addQueryParameter);
        url.addQueryParameter("format", "json").addQueryParameter("formatversion", "2");
        try (Response response = server.http.newCall(new Request.Builder().url(url.build()).build()).execute()) {
            if (!response.isSuccessful()) {
                throw new AssertionError("test wiki answered HTTP " + response.code() + " to " + url.build());
            }
            return JSON.readTree(response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException("test wiki unreachable: " + url.build(), e);
        }
    }

    /** The "editor" account's session: the few API calls a person's edit takes, nothing shared with main code. */
    static final class Editor {
        private final String api;
        private final OkHttpClient http;
        private final Account account;
        private String token;

        Editor(String api, Account account) {
            this.api = api;
            this.account = account;
            Map<String, List<okhttp3.Cookie>> jar = new HashMap<>();
            this.http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).cookieJar(new okhttp3.CookieJar() {
                @Override
                public synchronized void saveFromResponse(HttpUrl url, List<okhttp3.Cookie> cookies) {
                    List<okhttp3.Cookie> kept = jar.computeIfAbsent(url.host(), h -> new ArrayList<>());
                    cookies.forEach(c -> {
                        kept.removeIf(k -> k.name().equals(c.name()));
                        kept.add(c);
                    });
                }

                @Override
                public synchronized List<okhttp3.Cookie> loadForRequest(HttpUrl url) {
                    return jar.getOrDefault(url.host(), List.of());
                }
            }).build();
        }

        synchronized void edit(String title, String text, String summary) {
            if (token == null) {
                String loginToken = call(Map.of("action", "query", "meta", "tokens", "type", "login"), null)
                        .path("query").path("tokens").path("logintoken").asText();
                JsonNode login = call(Map.of("action", "login"), Map.of("lgname", account.user(), "lgpassword",
                        account.password(), "lgtoken", loginToken));
                if (!login.path("login").path("result").asText().equals("Success")) {
                    throw new AssertionError("test wiki: editor login failed: " + login);
                }
                token = call(Map.of("action", "query", "meta", "tokens"), null).path("query").path("tokens")
                        .path("csrftoken").asText();
            }
            JsonNode answer = call(Map.of("action", "edit"), Map.of("title", title, "text", text, "summary", summary,
                    "token", token));
            if (!answer.path("edit").path("result").asText().equals("Success")) {
                throw new AssertionError("test wiki: edit of '" + title + "' failed: " + answer);
            }
        }

        private JsonNode call(Map<String, String> query, Map<String, String> form) {
            HttpUrl.Builder url = HttpUrl.get(api).newBuilder();
            query.forEach(url::addQueryParameter);
            url.addQueryParameter("format", "json").addQueryParameter("formatversion", "2");
            Request.Builder request = new Request.Builder().url(url.build());
            if (form != null) {
                okhttp3.FormBody.Builder body = new okhttp3.FormBody.Builder();
                form.forEach(body::add);
                request.post(body.build());
            }
            try (Response response = http.newCall(request.build()).execute()) {
                return JSON.readTree(response.body().string());
            } catch (IOException e) {
                throw new UncheckedIOException("test wiki unreachable: " + api, e);
            }
        }
    }

    /** The running wiki; closed (stopped, folder removed) when the root test context closes. */
    static final class Server implements AutoCloseable {
        private final Path script;
        private final Path dir;
        private final String api;
        private final Map<String, Account> accounts;
        private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).build();
        private final Thread hook;
        private boolean closed;
        private Editor editor;

        private Server(Path script, Path dir, String api, Map<String, Account> accounts) {
            this.script = script;
            this.dir = dir;
            this.api = api;
            this.accounts = accounts;
            this.hook = new Thread(this::stop, "mediawiki-test-wiki stop");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        static Server start() {
            Path script = locateScript();
            boolean ci = "true".equals(System.getenv("CI"));
            Run check = run(script, null, Duration.ofSeconds(60), "check");
            if (check.exit != 0) {
                String message = "MediaWiki tests " + (ci ? "cannot run" : "skipped") + ": " + check.err.strip()
                        + ". To run them: " + HOW_TO_RUN + (ci ? "" : " (CI=true .ci/run installs them itself)");
                if (ci) {
                    throw new AssertionError(message + " (CI=true: these tests fail instead of skipping)");
                }
                System.err.println(message);
                Assumptions.abort(message);
            }
            Run start = run(script, null, Duration.ofMinutes(5), "start", "--owner",
                    Long.toString(ProcessHandle.current().pid()));
            if (start.exit != 0) {
                throw new AssertionError("scripts/mediawiki-test-wiki start failed (" + start.exit + "): " + start.err);
            }
            Map<String, String> values = new HashMap<>();
            start.out.lines().filter(l -> l.contains("=")).forEach(l -> values.put(l.substring(0, l.indexOf('=')),
                    l.substring(l.indexOf('=') + 1)));
            Path dir = Path.of(values.get("MW_DIR"));
            Map<String, Account> accounts = new HashMap<>();
            try {
                for (String line : Files.readAllLines(dir.resolve("accounts"), StandardCharsets.UTF_8)) {
                    String[] parts = line.split(" ", 3);
                    accounts.put(parts[0], new Account(parts[0], parts[1], parts[2]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.err.println("test wiki " + values.get("MW_API") + " set up in " + values.get("MW_SETUP_MS") + " ms");
            return new Server(script, dir, values.get("MW_API"), accounts);
        }

        synchronized Editor editor() {
            if (editor == null) {
                editor = new Editor(api, accounts.get("editor"));
            }
            return editor;
        }

        void script(String stdin, String... args) {
            Run run = run(script, stdin, Duration.ofMinutes(2), args);
            if (run.exit != 0) {
                throw new AssertionError("scripts/mediawiki-test-wiki " + String.join(" ", args) + " failed ("
                        + run.exit + "): " + run.err);
            }
        }

        private synchronized void stop() {
            if (closed) {
                return;
            }
            closed = true;
            run(script, null, Duration.ofMinutes(1), "stop", dir.toString());
        }

        @Override
        public void close() {
            stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook runs (and finds the wiki stopped).
            }
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }

        private record Run(int exit, String out, String err) {
        }

        private static Run run(Path script, String stdin, Duration timeout, String... args) {
            List<String> command = new ArrayList<>();
            command.add(script.toString());
            command.addAll(List.of(args));
            try {
                Path out = Files.createTempFile("mediawiki-test-wiki", ".out");
                Path err = Files.createTempFile("mediawiki-test-wiki", ".err");
                try {
                    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                            .redirectError(err.toFile());
                    if (stdin == null) {
                        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                    }
                    Process process = builder.start();
                    if (stdin != null) {
                        try (var in = process.getOutputStream()) {
                            in.write(stdin.getBytes(StandardCharsets.UTF_8));
                        }
                    }
                    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                        process.destroyForcibly();
                        throw new AssertionError(command + " took longer than " + timeout);
                    }
                    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
                } finally {
                    Files.deleteIfExists(out);
                    Files.deleteIfExists(err);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run " + command, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted running " + command, e);
            }
        }

        private static Path locateScript() {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("scripts").resolve("mediawiki-test-wiki");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
            throw new AssertionError("scripts/mediawiki-test-wiki not found above " + Path.of("").toAbsolutePath());
        }
    }
}
