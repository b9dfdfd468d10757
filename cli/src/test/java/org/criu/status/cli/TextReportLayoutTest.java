package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.cli.CliRun.args;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo's text report, measured: it fits 80 and 120 columns, URLs whole, evidence under every verdict. */
class TextReportLayoutTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} columns, details {1}")
    @CsvSource({"80,false", "80,true", "120,false", "120,true", "100,false"})
    void theDemoReportFitsTheWidthWithUrlsWhole(int width, boolean details) throws Exception {
        List<String> options = new ArrayList<>(List.of("--width", String.valueOf(width)));
        if (details) {
            options.add("--details");
        }
        CliRun text = CliRun.of(args("check", "--replay", CheckCommandTest.RECORDING, options));
        JsonNode json = JSON.readTree(CliRun.of(args("check", "--replay", CheckCommandTest.RECORDING, "--format",
                "json")).out());

        assertThat(text.exitCode()).as(text.err()).isEqualTo(1);
        List<String> lines = text.out().lines().toList();
        for (String line : lines) {
            if (line.length() > width) {
                // Only a URL may be wider than the page, and then it stands alone on its line, whole.
                assertThat(line).as("a line wider than " + width).matches("https?://\\S+");
            }
        }
        List<String> urls = new ArrayList<>();
        for (JsonNode result : json.path("results")) {
            // Every verdict shows the evidence it rests on: its deciding piece at least, all of it with --details.
            JsonNode evidence = result.path("evidence");
            for (int i = 0; i < (details ? evidence.size() : Math.min(1, evidence.size())); i++) {
                urls.add(evidence.get(i).path("url").asText());
            }
        }
        assertThat(urls).hasSizeGreaterThanOrEqualTo(13);
        for (String url : urls) {
            assertThat(lines).as("URL on a line of its own, whole").anyMatch(l -> l.strip().equals(url));
        }
        long tooWide = lines.stream().filter(l -> l.length() > width).count();
        long urlLines = lines.stream().filter(l -> l.strip().startsWith("https://")).count();
        assertThat(tooWide).as("URLs too long for the width, of " + urlLines).isLessThanOrEqualTo(
                width >= 120 ? 0 : urlLines);
    }
}
