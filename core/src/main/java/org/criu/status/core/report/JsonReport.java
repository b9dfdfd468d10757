package org.criu.status.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.criu.status.core.http.Http;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Report;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;

/** The JSON report, exactly the contract in DESIGN.md (fields may be added, never renamed). */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static {
        // Jackson escapes C0 controls; these escape DEL, C1 controls and bidi overrides too, so the file is safe to
        // print on a terminal and still decodes to exactly the text the source gave.
        JSON.getFactory().setCharacterEscapes(new TerminalSafeEscapes());
    }

    private static final class TerminalSafeEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        TerminalSafeEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            boolean unsafe = (ch >= 0x80 && ch <= 0x9f) || ch == 0x061c || ch == 0x200e || ch == 0x200f
                    || (ch >= 0x2028 && ch <= 0x202e) || (ch >= 0x2066 && ch <= 0x2069);
            return unsafe ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    private JsonReport() {
    }

    public static String render(Report report) {
        return render(new ReportView(report, java.util.Optional.empty()));
    }

    /** The report, with what changed since the last run when the view has a history (added fields). */
    public static String render(ReportView view) {
        Report report = view.report();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "integration-status");
        tool.put("version", Http.VERSION);
        ObjectNode page = root.putObject("page");
        page.put("title", report.page().title());
        page.put("source", report.page().source());
        report.page().revision().ifPresentOrElse(r -> page.put("revision", r), () -> page.putNull("revision"));
        report.page().timestamp().ifPresentOrElse(t -> page.put("timestamp", t.toString()),
                () -> page.putNull("timestamp"));
        root.put("generatedAt", report.generatedAt().toString());
        ObjectNode summary = root.putObject("summary");
        summary.put("integrations", report.findings().size());
        summary.put("confirmed", report.count(Verdict.CONFIRMED));
        summary.put("suggested", report.count(Verdict.SUGGESTED));
        summary.put("unverified", report.count(Verdict.UNVERIFIED));
        summary.put("noChecker", report.count(Verdict.NO_CHECKER));
        summary.put("notOnPage", report.notOnPage().size());
        view.history().ifPresent(h -> {
            ObjectNode since = root.putObject("sinceLastRun");
            h.previousRun().ifPresentOrElse(t -> since.put("previousRun", t.toString()), () -> since.putNull("previousRun"));
            since.put("runs", h.runs());
            since.put("noChange", h.noChange());
            ArrayNode gone = since.putArray("gone");
            h.gone().forEach(g -> gone.addObject().put("integration", g.heading()).put("lastSaid", g.lastSaid()));
        });
        ArrayNode results = root.putArray("results");
        for (Finding f : report.findings()) {
            result(results.addObject(), f, report, view, true);
        }
        // Integrations with a checker and no entry on the page: the entry an editor would add (heading, section;
        // wikiStatus null, as the page says nothing yet), in the results' shape.
        ArrayNode notOnPage = root.putArray("notOnPage");
        for (Finding f : report.notOnPage()) {
            result(notOnPage.addObject(), f, report, view, false);
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise report", e);
        }
    }

    private static void result(ObjectNode r, Finding f, Report report, ReportView view, boolean onPage) {
        r.put("integration", f.integration().heading());
        r.put("section", f.integration().section().orElse(null));
        r.put("wikiStatus", onPage ? f.integration().wikiStatus() : null);
        r.put("verdict", f.verdict().jsonName());
        r.put("suggestedStatus", f.suggestedStatus().map(Status::wikiText).orElse(null));
        r.put("qualifier", f.qualifier().orElse(null));
        r.put("confidence", f.confidence().map(c -> c.jsonName()).orElse(null));
        r.put("checker", f.checker().orElse(null));
        ArrayNode evidence = r.putArray("evidence");
        for (Evidence e : f.evidence()) {
            ObjectNode o = evidence.addObject();
            o.put("source", e.source());
            o.put("url", e.url());
            o.put("date", e.date().map(Object::toString).orElse(null));
            if (e.date().isEmpty()) {
                o.put("seen", report.seenOn().toString());
            }
            // "quote" is the source's own words where the evidence rests on a line, else the fact as a value.
            o.put("quote", e.excerpt().orElse(e.quote()));
            o.put("verbatim", e.excerpt().isPresent());
            o.put("summary", e.quote());
            o.put("supports", e.supports().map(Status::wikiText).orElse(null));
            o.put("signal", e.signal().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            e.component().ifPresent(c -> o.put("component", c));
            e.qualifier().ifPresent(q -> o.put("qualifier", q));
        }
        r.put("error", f.error().orElse(null));
        view.history().flatMap(h -> h.of(f.integration().heading())).ifPresent(h -> {
            ObjectNode history = r.putObject("history");
            history.put("change", h.change().word());
            history.put("was", h.before().orElse(null));
            history.put("evidence", h.evidence().orElse(null));
            history.put("since", h.since().toString());
            history.put("runs", h.runs());
            h.dismissal().ifPresent(d -> history.putObject("dismissed").put("reason", d.reason())
                    .put("at", d.at().toString()));
        });
    }
}
