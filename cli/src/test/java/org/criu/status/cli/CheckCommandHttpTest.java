package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.criu.status.cli.bench.RecordingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} end to end over HTTP: the bundled recording served by WireMock through {@code --origin},
 * run twice on one cache folder, as cron would run it.
 */
class CheckCommandHttpTest {

    private static final Path RECORDING = Path.of("..", "examples", "criu-2026-11");

    @TempDir
    Path home;

    private record Run(int exit, String out, String err) {
        List<String> verboseLines() {
            return err.lines().filter(l -> l.startsWith("GET ")).toList();
        }
    }

    private Run check(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(Map.of("HOME", home.toString()), new PrintWriter(out), new PrintWriter(err),
                args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private List<String> fileUtilityRun(RecordingServer server, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--only", "file-utility", "--format", "json",
                "--verbose"));
        args.addAll(List.of(more));
        args.addAll(server.originArgs());
        return args;
    }

    private static JsonNode results(String json) throws Exception {
        ObjectNode report = (ObjectNode) new ObjectMapper().readTree(json);
        return report.get("results");
    }

    @Test
    void aSecondRunOfTheSameChecksIsAnsweredBy304s() throws Exception {
        try (RecordingServer server = new RecordingServer(RECORDING, Duration.ZERO, Duration.ofMinutes(10))) {
            List<String> args = fileUtilityRun(server, "--cache", home.resolve("cache").toString());

            Run first = check(args);
            List<ServeEvent> firstServed = server.served();
            server.reset();
            Run second = check(args);

            assertThat(first.verboseLines()).isNotEmpty().allSatisfy(l -> assertThat(l).contains(" 200 network "));
            assertThat(second.exit()).isEqualTo(first.exit());
            assertThat(results(second.out())).isEqualTo(results(first.out()));
            assertThat(server.served()).hasSameSizeAs(firstServed).allSatisfy(e -> {
                assertThat(e.getRequest().getHeader("If-None-Match")).startsWith("W/\"");
                assertThat(e.getResponse().getStatus()).isEqualTo(304);
            });
            assertThat(second.verboseLines()).hasSameSizeAs(first.verboseLines())
                    .allSatisfy(l -> assertThat(l).matches("GET \\S+ 200 304 \\d+ms"));
            assertThat(server.unmatched()).isZero();
        }
    }

    @Test
    void aSecondRunWithinGitHubsMaxAgeRevalidatesOnlyWhatMustBeRevalidated() throws Exception {
        try (RecordingServer server = new RecordingServer(RECORDING, Duration.ZERO, Duration.ZERO)) {
            List<String> args = fileUtilityRun(server, "--cache", home.resolve("cache").toString());

            check(args);
            server.reset();
            Run second = check(args);

            // The wiki page and Repology say max-age=0: asked again, answered 304; GitHub's answers are fresh.
            assertThat(server.served()).hasSize(2).allSatisfy(e -> {
                assertThat(e.getRequest().getUrl()).matches("/(criu\\.org/api\\.php|repology\\.org/api/).*");
                assertThat(e.getResponse().getStatus()).isEqualTo(304);
            });
            assertThat(second.verboseLines()).filteredOn(l -> l.contains("://api.github.com/")
                    || l.contains("://raw.githubusercontent.com/"))
                    .isNotEmpty().allSatisfy(l -> assertThat(l).contains(" 200 cache "));
        }
    }

    @Test
    void withNoCacheEveryRunAsksInFull() throws Exception {
        try (RecordingServer server = new RecordingServer(RECORDING, Duration.ZERO, Duration.ofMinutes(10))) {
            List<String> args = fileUtilityRun(server, "--no-cache");

            check(args);
            server.reset();
            check(args);

            assertThat(server.served()).isNotEmpty().allSatisfy(e -> {
                assertThat(e.getRequest().containsHeader("If-None-Match")).isFalse();
                assertThat(e.getResponse().getStatus()).isEqualTo(200);
            });
        }
    }

    @Test
    void jobsMustBeAtLeastOne() {
        Run run = check(List.of("check", "--jobs", "0", "--replay", RECORDING.toString()));

        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("--jobs 0: must be 1 to 64");
    }

    @Test
    void aSerialRunGivesTheSameReport() throws Exception {
        Run parallel = check(List.of("check", "--replay", RECORDING.toString(), "--format", "json"));
        Run serial = check(List.of("check", "--replay", RECORDING.toString(), "--format", "json", "--jobs", "1"));

        assertThat(serial.exit()).isEqualTo(parallel.exit());
        assertThat(results(serial.out())).isEqualTo(results(parallel.out()));
    }

    @Test
    void helpDocumentsJobsCacheAndVerbose() {
        Run help = check(List.of("check", "--help"));

        assertThat(help.out()).contains("--jobs=N", "--cache=DIR", "--no-cache", "--verbose");
    }
}
