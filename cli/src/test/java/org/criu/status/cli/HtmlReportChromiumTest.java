package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.cli.CliRun.args;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Report;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.WikiPage;
import org.criu.status.core.report.HtmlReport;
import org.criu.status.core.report.ReportView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: Debian's Chromium, headless. It renders the demo report (screenshot kept in
 * target/chromium/ and as docs/sample-report.png) and shows that hostile evidence text stays text: no element,
 * no script run, no javascript: link. On a machine without Chromium the test skips, saying how to run it; in
 * CI ({@code CI=true}, where .ci/run installs it) it fails instead.
 */
class HtmlReportChromiumTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path OUT = Path.of(System.getProperty("user.dir"), "target", "chromium");
    private static String chromium;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findChromium() {
        chromium = locate();
        if (chromium == null) {
            String how = "Chromium not found: install it (Debian: apt-get update && apt-get install -y chromium) "
                    + "or set CHROMIUM=/path/to/chromium; .ci/run installs it for CI";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(how);
            }
            Assumptions.abort(how);
        }
    }

    private static String locate() {
        String given = System.getenv("CHROMIUM");
        if (given != null && !given.isBlank()) {
            return given;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return null;
    }

    /** Runs headless Chromium on a file with extra arguments; returns what it printed on stdout. */
    private String chromium(Path html, String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "profile");
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        command.addAll(List.of(extra));
        command.add(html.toUri().toString());
        Path stdout = tmp.resolve("chromium-" + System.nanoTime() + ".out");
        Path stderr = tmp.resolve("chromium-" + System.nanoTime() + ".err");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        // A generous bound against a hung browser, not a speed assertion.
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish: " + Files.readString(stderr));
        }
        assertThat(p.exitValue()).as(Files.readString(stderr)).isZero();
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    @Test
    void theDemoReportRendersAndItsScreenshotIsKept() throws Exception {
        Path dir = tmp.resolve("reports");
        CliRun run = CliRun.of(args("check", "--replay", CheckCommandTest.RECORDING, "--report-dir", dir));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        Path html = dir.resolve("report.html");

        Document dom = Jsoup.parse(chromium(html, "--dump-dom"));
        Files.createDirectories(OUT);
        Path shot = OUT.resolve("sample-report.png");
        chromium(html, "--screenshot=" + shot, "--window-size=1000,2600", "--hide-scrollbars");

        assertThat(dom.title()).isEqualTo("Integration status: Integration");
        assertThat(dom.select("section#change article")).hasSize(5);
        assertThat(dom.select("section#keep article")).hasSize(8);
        assertThat(dom.select("svg.timeline")).hasSize(13);
        assertThat(dom.select("article#change-4 .badge").eachText()).contains("ready", "dropped");
        assertThat(dom.select("a[href]")).isNotEmpty().allSatisfy(a -> assertThat(a.attr("href")).startsWith("https://"));
        assertThat(Files.size(shot)).isGreaterThan(10_000);
        byte[] png = Files.readAllBytes(shot);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        Files.copy(shot, ROOT.resolve("docs/sample-report.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void hostileEvidenceShowsAsTextAndRunsNothing() throws Exception {
        String script = "<script>document.title='pwned'</script>";
        String img = "<img src=x onerror=\"document.title='pwned-img'\">";
        Integration docker = new Integration("Docker " + script, Optional.of("Containers"), "ready",
                Optional.of(Status.READY), List.of(), List.of(), 0, 5);
        Evidence hostile = Evidence.dated(Signal.RELEASED, "web", "javascript:document.title='pwned-link'",
                LocalDate.of(2026, 1, 2), "ships " + img).quoting(script + " \u001b[31m" + img);
        Evidence fine = Evidence.undated(Signal.RELEASED, "github",
                "https://github.com/docker/cli/blob/v1/x.go#L1\"><script>alert(1)</script>", "quote \" and ' <b>");
        Report report = new Report(new WikiPage("Integration", "https://criu.org/api.php", Optional.of(1L),
                Optional.empty(), ""), Instant.parse("2026-11-26T12:00:00Z"), List.of(Finding.suggested(docker,
                "docker", Status.READY, Optional.of("experimental " + img), Confidence.HIGH, List.of(hostile, fine))));
        String html = HtmlReport.render(new ReportView(report, Optional.empty()));
        Path file = Files.writeString(tmp.resolve("hostile.html"), html);

        Document dom = Jsoup.parse(chromium(file, "--dump-dom"));
        chromium(file, "--screenshot=" + OUT.resolve("hostile.png"), "--window-size=1000,1200");

        assertThat(dom.title()).isEqualTo("Integration status: Integration");
        assertThat(dom.select("script")).isEmpty();
        assertThat(dom.select("img")).isEmpty();
        assertThat(dom.select("b")).isEmpty();
        assertThat(dom.getAllElements()).allSatisfy(e -> assertThat(e.attributes().asList())
                .noneMatch(a -> a.getKey().startsWith("on")));
        assertThat(dom.select("a[href]")).singleElement().extracting(e -> e.attr("href"))
                .isEqualTo("https://github.com/docker/cli/blob/v1/x.go#L1\"><script>alert(1)</script>");
        Element article = dom.selectFirst("article");
        assertThat(article.text()).contains("Docker " + script, "ships " + img, script + " \\x1b[31m" + img,
                "javascript:document.title='pwned-link'", "quote \" and ' <b>");
        // Self-contained: nothing to fetch.
        Document source = Jsoup.parse(html);
        assertThat(source.select("[src], link, script, iframe, object, embed")).isEmpty();
    }
}
