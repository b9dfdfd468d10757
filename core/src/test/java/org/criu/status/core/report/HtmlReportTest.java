package org.criu.status.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Report;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The HTML format read back with jsoup (HtmlReportChromiumTest in the cli module renders it in Chromium). */
class HtmlReportTest {

    static final Evidence OLD = Evidence.dated(Signal.REMOVED, "github",
            "https://github.com/SchedMD/slurm/blob/slurm-20-02-0-1/RELEASE_NOTES#L40-L41", LocalDate.of(2020, 2, 25),
            "checkpoint plugins removed");

    static Report report() {
        return TextReportTest.report(List.of(
                Finding.suggested(TextReportTest.entry("SLURM", "ready"), "slurm", Status.DROPPED, Optional.empty(),
                        Confidence.HIGH, List.of(OLD)),
                Finding.confirmed(TextReportTest.entry("Docker", "ready"), "docker", Confidence.HIGH,
                        List.of(TextReportTest.RELEASE, Evidence.undated(Signal.RELEASED, "web",
                                "javascript:alert(1)", "<b>x</b>")))));
    }

    @Test
    void suggestionsFirstWithBadgesTimelinesAndHttpLinksOnly() {
        Document doc = Jsoup.parse(HtmlReport.render(new ReportView(report(), Optional.empty())));

        assertThat(doc.select("section").eachAttr("id")).containsExactly("change", "keep");
        assertThat(doc.select("#change-0 .badge").eachText()).containsExactly("ready", "dropped", "[dropped]");
        assertThat(doc.select("#change-0").hasClass("stale")).isTrue();
        assertThat(doc.select("#keep-0").hasClass("stale")).isFalse();
        assertThat(doc.select("#keep-0 svg.timeline circle")).hasSize(2);
        assertThat(doc.select("#keep-0 svg.timeline circle.undated")).hasSize(1);
        assertThat(doc.select("#change-0 svg").attr("aria-label")).isEqualTo(
                "Evidence dates for SLURM: 2020-02-25 (newest dated evidence older than 2 years)");
        assertThat(doc.select("a[href]").eachAttr("href")).containsExactly(OLD.url(), TextReportTest.RELEASE.url());
        assertThat(doc.select("#keep-0").text()).contains("<b>x</b>", "not a web link: javascript:alert(1)");
        assertThat(doc.select("b")).isEmpty();
        assertThat(doc.select("[src], link, script")).isEmpty();
        assertThat(doc.select("meta[http-equiv=Content-Security-Policy]").attr("content")).startsWith("default-src 'none'");
    }

    @Test
    void jsonEscapesEveryControlCharacterAndStillDecodesToTheSourceText() throws Exception {
        String nasty = "a\u001b[31m\u009b2J\u007f\u202eb";
        Report report = TextReportTest.report(List.of(Finding.confirmed(TextReportTest.entry("X", "ready"), "x",
                Confidence.LOW, List.of(Evidence.undated(Signal.RELEASED, "web", "https://e.org", nasty)))));

        String json = JsonReport.render(report);

        assertThat(json).doesNotContainPattern("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\\u202e]")
                .contains("a\\u001B[31m\\u009b2J\\u007F\\u202eb");
        assertThat(new ObjectMapper().readTree(json).path("results").get(0).path("evidence").get(0).path("summary")
                .asText()).isEqualTo(nasty);
    }
}
