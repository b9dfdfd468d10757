package org.criu.status.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.criu.status.core.engine.CheckerRegistry;
import org.criu.status.core.engine.Engine;
import org.criu.status.core.engine.RunContext;
import org.criu.status.core.http.Exchange;
import org.criu.status.core.http.Http;
import org.criu.status.core.http.HttpOptions;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.model.WikiPage;
import org.criu.status.core.page.WikitextParser;
import org.criu.status.core.source.MediaWikiClient;
import org.criu.status.core.source.SourceHttp;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fault a real source shows (captive portals, CDN error pages, moved APIs, half-written cache files,
 * damaged recordings), injected into one source at a time while the real checkers read the bundled recording
 * from WireMock, and what the entry that depends on that source comes out as. No cell may hold a verdict the
 * fault produced: the entry is unverified with a reason, or its verdict is the clean run's, resting on other
 * sources (a supporting source's failure is then said on the finding), or the damage was healed. The table is
 * docs/FAULTS.md; this test fails when that file is stale, and writes it with {@code -Dfaults.write=true}.
 */
class FaultMatrixTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path RECORDING = ROOT.resolve("examples/criu-2026-11");
    private static final Path DOC = ROOT.resolve("docs/FAULTS.md");
    private static final String WIKI = MediaWikiClient.DEFAULT_API;
    private static final String PAGE_URL = MediaWikiClient.queryUrl(WIKI, "Integration");
    private static final String LOGIN = "https://login.example.net";

    @RegisterExtension
    final SourceServer server = new SourceServer();

    @TempDir
    Path tmp;

    /** A source, the recorded URL the fault is put on, and the entry whose verdict depends on it. */
    private record Source(String name, String url, String checker, String heading, boolean supporting) {
        boolean isPage() {
            return checker == null;
        }
    }

    private static final List<Source> SOURCES = List.of(
            new Source("GitHub API", "https://api.github.com/repos/file/file/tags?per_page=100", "file-utility",
                    "The file utility", false),
            new Source("raw.githubusercontent.com",
                    "https://raw.githubusercontent.com/file/file/FILE5_48/magic/Magdir/linux", "file-utility",
                    "The file utility", false),
            new Source("GitLab API",
                    "https://gitlab.freedesktop.org/api/v4/projects/wayland%2Fweston/repository/tags?per_page=100",
                    "weston", "Wayland/Weston", false),
            new Source("GitLab raw file", "https://gitlab.freedesktop.org/api/v4/projects/wayland%2Fweston/"
                    + "repository/files/meson_options.txt/raw?ref=9.0.0", "weston", "Wayland/Weston", false),
            new Source("Azul API", "https://api.azul.com/metadata/v1/zulu/packages?crac_supported=true&os=linux"
                    + "&arch=x64&java_package_type=jdk&release_status=ga&availability_types=CA&latest=true&page=1"
                    + "&page_size=100", "openjdk-crac", "OpenJDK", false),
            new Source("Repology (supporting)", "https://repology.org/api/v1/project/file", "file-utility",
                    "The file utility", true),
            new Source("Atom feed (supporting)", "https://github.com/CRaC/org.crac/tags.atom", "openjdk-crac",
                    "OpenJDK", true),
            new Source("MediaWiki (the page)", PAGE_URL, null, null, false));

    /** What a run made of one source's fault. */
    private record Outcome(String cell, String reason) {
    }

    /** What one run gave: the entry's finding, or why the page could not be read; and what was logged. */
    private record RunResult(Optional<Finding> finding, Optional<String> pageFailure, String log) {
    }

    private final Map<String, Exchange> exchanges = new LinkedHashMap<>();
    private final Map<String, Finding> control = new LinkedHashMap<>();
    private final CheckerRegistry registry;

    FaultMatrixTest() throws CheckerRegistry.RegistryException {
        registry = CheckerRegistry.load(FaultMatrixTest.class.getClassLoader());
    }

    @Test
    void noFaultOfAnySourceBecomesAVerdictAndTheMatrixInDocsIsCurrent() throws Exception {
        try (Stream<Path> files = Files.list(RECORDING)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".http")).sorted().toList()) {
                Exchange e = Exchange.read(f);
                exchanges.put(e.key(), e);
            }
        }
        server.origin(LOGIN);
        for (Source s : SOURCES) {
            assertThat(exchanges).as("the recording holds " + s.url()).containsKey("GET " + s.url());
            if (!s.isPage()) {
                RunResult clean = network(s, source -> { }, null);
                assertThat(clean.finding()).as(s.name() + ": clean run").isPresent();
                assertThat(clean.finding().get().verdict()).as(s.name() + ": clean run")
                        .isIn(Verdict.CONFIRMED, Verdict.SUGGESTED);
                control.put(s.name(), clean.finding().get());
            }
        }

        Map<String, Function<Source, Outcome>> faults = new LinkedHashMap<>();
        faults.put("no fault (the clean run)", s -> classify(s, network(s, source -> { }, null)));
        faults.put("HTML page served with 200 (login wall, CDN error page)", s -> classify(s, network(s,
                source -> fault(source, aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody("<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>Wi-Fi login"
                                + "</form></body></html>")), null)));
        faults.put("redirect to another host, which answers 404", s -> classify(s, network(s, source -> {
            String away = LOGIN + "/sso?from=" + HttpUrl.get(source.url()).host();
            fault(source, aResponse().withStatus(302).withHeader("Location", away));
            stub("GET", away, aResponse().withStatus(404).withHeader("Content-Type", "text/plain")
                    .withBody("Not Found"));
        }, null)));
        faults.put("redirect to another host, which answers 200 with a copy", s -> classify(s, network(s, source -> {
            String away = LOGIN + "/copy?from=" + HttpUrl.get(source.url()).host();
            fault(source, aResponse().withStatus(302).withHeader("Location", away));
            stub("GET", away, recorded(exchanges.get("GET " + source.url()), Optional.empty()));
        }, null)));
        faults.put("the whole host answers 404 (an API that moved)", s -> classify(s, network(s,
                source -> server.everythingNotFoundOn(origin(source.url())), null)));
        faults.put("body cut short (shorter than its Content-Length)", s -> classify(s, network(s, source -> {
            Exchange e = exchanges.get("GET " + source.url());
            byte[] body = e.body().getBytes(StandardCharsets.UTF_8);
            ResponseDefinitionBuilder cut = aResponse().withStatus(200)
                    .withHeader("Content-Type", e.header("Content-Type").orElse("text/plain"))
                    .withHeader("Content-Length", Integer.toString(body.length))
                    .withHeader("Content-Encoding", "identity")
                    .withBody(java.util.Arrays.copyOf(body, body.length / 2));
            fault(source, cut);
        }, null)));
        faults.put("cache: a stored body halved on disk", this::halvedCacheEntry);
        faults.put("cache: a journal of random bytes", this::damagedJournal);
        faults.put("recording: a body halved", s -> recordingFault(s, file -> {
            String text = Files.readString(file);
            Exchange e = Exchange.read(file);
            Files.writeString(file, text.substring(0, text.length() - e.body().length() / 2));
        }));
        faults.put("recording: random bytes", s -> recordingFault(s, file -> {
            byte[] noise = new byte[1024];
            new Random(42).nextBytes(noise);
            Files.write(file, noise);
        }));
        faults.put("recording: CRLF line ends (a Windows checkout)", s -> recordingFault(s, file ->
                Files.writeString(file, Files.readString(file).replace("\n", "\r\n"))));

        Map<String, Map<String, Outcome>> matrix = new LinkedHashMap<>();
        for (Map.Entry<String, Function<Source, Outcome>> fault : faults.entrySet()) {
            Map<String, Outcome> row = new LinkedHashMap<>();
            for (Source s : SOURCES) {
                Outcome outcome = fault.getValue().apply(s);
                row.put(s.name(), outcome);
                assertThat(outcome.cell()).as(fault.getKey() + " x " + s.name() + ": " + outcome.reason())
                        .doesNotStartWith("FALSE");
            }
            matrix.put(fault.getKey(), row);
        }

        String doc = render(matrix);
        if (Boolean.getBoolean("faults.write")) {
            Files.writeString(DOC, doc);
        }
        Path fresh = ROOT.resolve("cli/target/FAULTS.md");
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, doc);
        assertThat(Files.exists(DOC) ? Files.readString(DOC) : "").as("docs/FAULTS.md is stale: the runs give "
                + "cli/target/FAULTS.md; regenerate with ./mvnw -B -pl cli -am test -Dtest=FaultMatrixTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dfaults.write=true").isEqualTo(doc);
    }

    // ---- one run ----

    /** Serves the recording (with GitHub-like caching headers when {@code cache} is set), applies the fault, runs. */
    private RunResult network(Source source, FaultSetup fault, Path cache) {
        try {
            server.wireMock().resetAll();
            for (Exchange e : exchanges.values()) {
                Optional<String> caching = cache == null ? Optional.empty() : Optional.of("max-age=600");
                stub(e.method(), e.url(), recorded(e, caching));
            }
            fault.apply(source);
            HttpOptions options = server.httpOptions();
            if (cache != null) {
                options = options.withCache(cache);
            }
            return run(source, options);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private RunResult run(Source source, HttpOptions options) throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        OkHttpClient client = Http.client(options.withVerbose(new PrintStream(log, true, StandardCharsets.UTF_8)));
        try {
            WikiPage page;
            try {
                page = new MediaWikiClient(new SourceHttp(client)).fetch(WIKI, "Integration");
            } catch (SourceException e) {
                return new RunResult(Optional.empty(), Optional.of(e.getMessage()), text(log));
            }
            if (source.isPage()) {
                return new RunResult(Optional.empty(), Optional.empty(), text(log));
            }
            Integration entry;
            try {
                entry = WikitextParser.parse(page.wikitext(), "Integration").stream()
                        .filter(i -> i.heading().equals(source.heading())).findFirst().orElseThrow();
            } catch (org.criu.status.core.page.PageParseException e) {
                return new RunResult(Optional.empty(), Optional.of(e.getMessage()), text(log));
            }
            Engine engine = new Engine(registry, new RunContext(client, Clock.fixed(SourceServer.NOW, ZoneOffset.UTC)),
                    Duration.ofSeconds(60), Optional.of(Set.of(source.checker())), 1);
            Finding finding = engine.run(page, List.of(entry)).findings().get(0);
            return new RunResult(Optional.of(finding), Optional.empty(), text(log));
        } finally {
            Http.release(client);
        }
    }

    private static String text(ByteArrayOutputStream log) {
        return log.toString(StandardCharsets.UTF_8);
    }

    // ---- cache and recording faults ----

    private Outcome halvedCacheEntry(Source source) {
        try {
            Path cache = Files.createTempDirectory(tmp, "cache");
            network(source, s -> { }, cache);
            String wire = server.baseFor(origin(source.url())) + HttpUrl.get(source.url()).encodedPath()
                    + Optional.ofNullable(HttpUrl.get(source.url()).encodedQuery()).map(q -> "?" + q).orElse("");
            Path entry = entryFor(cache, wire);
            Path body = entry.resolveSibling(entry.getFileName().toString().replace(".0", ".1"));
            byte[] bytes = Files.readAllBytes(body);
            Files.write(body, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            RunResult second = network(source, s -> { }, cache);
            String evicted = second.log().lines().filter(l -> l.startsWith("cache entry for ")).findFirst()
                    .orElse("");
            Outcome outcome = classify(source, second);
            boolean sameAsClean = outcome.cell().startsWith("as without fault") || outcome.cell().equals("page read");
            return evicted.isEmpty() || !sameAsClean ? new Outcome("FALSE: not healed (" + outcome.cell() + ")",
                    outcome.reason()) : new Outcome("healed", evicted);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Outcome damagedJournal(Source source) {
        try {
            Path cache = Files.createTempDirectory(tmp, "cache");
            network(source, s -> { }, cache);
            byte[] noise = new byte[2048];
            new Random(7).nextBytes(noise);
            Files.write(cache.resolve("http").resolve("journal"), noise);
            RunResult second = network(source, s -> { }, cache);
            String warning = second.log().lines().filter(l -> l.contains("warning:")).findFirst().orElse("")
                    .replace(cache.toString(), "CACHE");
            Outcome outcome = classify(source, second);
            boolean sameAsClean = outcome.cell().startsWith("as without fault") || outcome.cell().equals("page read");
            boolean oneLine = second.log().lines().filter(l -> l.contains("warning:")).count() == 1;
            return !oneLine || !sameAsClean ? new Outcome("FALSE: not healed (" + outcome.cell() + ")",
                    outcome.reason()) : new Outcome("healed", warning);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Outcome recordingFault(Source source, FileDamage damage) {
        try {
            Path copy = Files.createTempDirectory(tmp, "recording");
            Path damaged = null;
            try (Stream<Path> files = Files.list(RECORDING)) {
                for (Path f : files.toList()) {
                    Path target = copy.resolve(f.getFileName());
                    Files.copy(f, target);
                    if (f.toString().endsWith(".http") && Exchange.read(f).key().equals("GET " + source.url())) {
                        damaged = target;
                    }
                }
            }
            assertThat(damaged).as("the recording's file for " + source.url()).isNotNull();
            damage.apply(damaged);
            RunResult result;
            try {
                result = run(source, HttpOptions.defaults().withReplay(copy));
            } catch (IOException refused) {
                return new Outcome("run refused", refused.getMessage().replace(copy.toString(), "DIR"));
            }
            Outcome outcome = classify(source, result);
            return new Outcome(outcome.cell(), outcome.reason().replace(copy.toString(), "DIR"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- judging ----

    /**
     * The cell for one run. A verdict other than the clean run's is FALSE (the test fails on it); so is a failing
     * supporting source that is not said on the finding, and a deciding source's fault that leaves a verdict.
     */
    private Outcome classify(Source source, RunResult result) {
        if (source.isPage()) {
            return result.pageFailure().map(reason -> new Outcome("page not read (exit 2)", reason))
                    .orElse(new Outcome("page read", ""));
        }
        if (result.finding().isEmpty()) {
            return new Outcome("FALSE: the page was not read", result.pageFailure().orElse(""));
        }
        Finding f = result.finding().get();
        Finding clean = control.get(source.name());
        if (f.verdict() == Verdict.UNVERIFIED) {
            return f.error().filter(e -> !e.isBlank()).map(e -> new Outcome("unverified", e))
                    .orElse(new Outcome("FALSE: unverified without a reason", ""));
        }
        List<Evidence> notes = f.evidence().stream().filter(e -> e.quote().startsWith("could not read ")).toList();
        List<Evidence> rest = f.evidence().stream().filter(e -> !notes.contains(e)).toList();
        boolean sameVerdict = f.verdict() == clean.verdict() && f.suggestedStatus().equals(clean.suggestedStatus())
                && f.qualifier().equals(clean.qualifier()) && clean.evidence().containsAll(rest);
        if (!sameVerdict) {
            return new Outcome("FALSE: " + f.verdict().name().toLowerCase(Locale.ROOT)
                    + f.suggestedStatus().map(st -> " " + st.wikiText()).orElse("") + " drawn from the fault",
                    f.evidence().toString());
        }
        if (notes.isEmpty()) {
            return new Outcome("as without fault", "");
        }
        return new Outcome("as without fault, noted", notes.get(0).quote());
    }

    // ---- stubs ----

    private interface FaultSetup {
        void apply(Source source) throws IOException;
    }

    private interface FileDamage {
        void apply(Path file) throws IOException;
    }

    private void fault(Source source, ResponseDefinitionBuilder response) {
        server.wireMock().stubFor(request("GET", urlEqualTo(server.pathFor(source.url()))).atPriority(1)
                .willReturn(response));
    }

    private void stub(String method, String url, ResponseDefinitionBuilder response) {
        server.wireMock().stubFor(request(method, urlEqualTo(server.pathFor(url))).willReturn(response));
    }

    private static ResponseDefinitionBuilder recorded(Exchange e, Optional<String> cacheControl) {
        ResponseDefinitionBuilder r = aResponse().withStatus(e.status()).withBody(e.body());
        for (Map.Entry<String, String> h : e.headers()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (!name.equals("date") && !name.equals("content-length") && !name.equals("content-digest")) {
                r.withHeader(h.getKey(), h.getValue());
            }
        }
        cacheControl.ifPresent(c -> r.withHeader("Cache-Control", c));
        return r;
    }

    private static String origin(String url) {
        HttpUrl u = HttpUrl.get(url);
        return u.scheme() + "://" + u.host();
    }

    /** The entry file OkHttp's cache keeps for {@code wireUrl} (its first line is the URL). */
    private static Path entryFor(Path cache, String wireUrl) throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("http"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".0")).toList()) {
                if (Files.readString(f).startsWith(wireUrl + "\n")) {
                    return f;
                }
            }
        }
        throw new AssertionError("no cache entry for " + wireUrl);
    }

    // ---- the document ----

    /** A reason without what changes whenever a recorded body does (its size), so the document stays put. */
    private static String stable(String reason) {
        return reason.replace("\n", " ")
                .replaceAll("body is \\d+ bytes, stored as \\d+", "body is N bytes, stored as M")
                .replaceAll("the body is \\d+ bytes, but its Content-Length says \\d+",
                        "the body is N bytes, but its Content-Length says M");
    }

    private static String render(Map<String, Map<String, Outcome>> matrix) {
        StringBuilder out = new StringBuilder();
        out.append("""
                # Faults: what a misbehaving source does to a run

                Generated by `cli/src/test/java/org/criu/status/cli/FaultMatrixTest.java`, which fails when this file
                is stale. Regenerate it with:

                ```sh
                ./mvnw -B -pl cli -am test -Dtest=FaultMatrixTest -Dsurefire.failIfNoSpecifiedTests=false -Dfaults.write=true
                ```

                Each cell is one run of the real checker that reads the source (file-utility, weston, openjdk-crac;
                the page for MediaWiki) against the bundled recording `examples/criu-2026-11` served by WireMock, with
                one fault put on one of that checker's requests. Outcomes:

                - **unverified**: the entry says why (below); nothing is suggested or confirmed from the fault.
                - **as without fault, noted**: a supporting source failed; the verdict is the clean run's, resting on
                  the other sources, and the finding carries a "could not read ..." line.
                - **healed**: the damaged cache entry was evicted and fetched again (one `--verbose` line), or the
                  damaged cache was cleared (one warning); the verdict is the clean run's.
                - **page not read (exit 2)**: the run stops, naming the page and what was wrong.
                - **run refused**: `--replay` refuses the recording, naming the file (exit 2).
                - **as without fault** / **page read**: the fault is no fault (a CRLF checkout is read as written).

                No cell holds a verdict drawn from a fault: the test fails on any verdict that differs from the clean
                run, on a failing supporting source the finding does not mention, and on a cache fault not healed.

                """);
        List<String> sources = SOURCES.stream().map(Source::name).toList();
        out.append("| fault \\ source | ").append(String.join(" | ", sources)).append(" |\n");
        out.append("|---|").append("---|".repeat(sources.size())).append('\n');
        matrix.forEach((fault, row) -> {
            out.append("| ").append(fault).append(" | ");
            out.append(String.join(" | ", sources.stream().map(s -> row.get(s).cell()).toList())).append(" |\n");
        });
        out.append("\nSources, and the request each fault was put on:\n\n");
        for (Source s : SOURCES) {
            out.append("- ").append(s.name()).append(": `").append(s.url()).append("`")
                    .append(s.isPage() ? " (the page)" : " (checker " + s.checker() + ", entry \"" + s.heading()
                            + "\")").append('\n');
        }
        out.append("\n## Reasons given\n");
        matrix.forEach((fault, row) -> {
            if (row.values().stream().allMatch(o -> o.reason().isEmpty())) {
                return;
            }
            out.append("\n### ").append(fault).append("\n\n");
            row.forEach((source, outcome) -> {
                if (!outcome.reason().isEmpty()) {
                    out.append("- ").append(source).append(" (").append(outcome.cell()).append("): ")
                            .append(stable(outcome.reason())).append('\n');
                }
            });
        });
        return out.toString();
    }
}
