package org.criu.status.core.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Report;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;

/**
 * The accepted changes of a run: status changes for entries on the page and entries to add. Built from a
 * {@link Report} or from a saved JSON report (docs/JSON.md); only {@code suggested} findings become changes.
 *
 * @param statusChanges changes to entries on the page, in page order
 * @param newEntries    entries to add, in report order
 * @param revision      the page revision the report read, when known (to detect an edit since)
 */
public record Changes(List<StatusChange> statusChanges, List<NewEntry> newEntries, Optional<Long> revision) {

    /** Most citations written into a new entry's note. */
    static final int MAX_NEW_ENTRY_SOURCES = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    public Changes {
        statusChanges = List.copyOf(statusChanges);
        newEntries = List.copyOf(newEntries);
        Objects.requireNonNull(revision, "revision");
    }

    public boolean isEmpty() {
        return statusChanges.isEmpty() && newEntries.isEmpty();
    }

    /** The changes of {@code report} that {@code selection} accepts. */
    public static Changes of(Report report, Selection selection) {
        List<StatusChange> changes = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (f.verdict() == Verdict.SUGGESTED && selection.accepts(f.integration().heading(), f.checker())) {
                changes.add(change(f.integration().heading(), f.integration().rawStatus(), f.suggestedStatus().get(),
                        f.qualifier(), f.checker(), f.evidence().stream().map(Cited::of).toList()));
            }
        }
        List<NewEntry> entries = new ArrayList<>();
        if (selection.missing()) {
            for (Finding f : report.notOnPage()) {
                if (f.verdict() == Verdict.SUGGESTED && selection.accepts(f.integration().heading(), f.checker())) {
                    entries.add(entry(f.integration().section(), f.integration().heading(), f.suggestedStatus().get(),
                            f.qualifier(), f.checker(), f.evidence().stream().map(Cited::of).toList()));
                }
            }
        }
        return new Changes(changes, entries, report.page().revision());
    }

    /**
     * The changes a saved JSON report (docs/JSON.md) holds that {@code selection} accepts.
     *
     * @throws IllegalArgumentException naming the field when the text is not such a report
     */
    public static Changes fromJson(String json, Selection selection) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !"integration-status".equals(root.path("tool").path("name").asText())
                || !root.path("results").isArray()) {
            throw new IllegalArgumentException("not an integration-status JSON report (no tool.name, no results[])");
        }
        List<StatusChange> changes = new ArrayList<>();
        int i = 0;
        for (JsonNode r : root.path("results")) {
            String where = "results[" + i++ + "]";
            if (isAcceptedSuggestion(r, selection)) {
                changes.add(change(text(r, "integration", where), r.path("wikiStatus").asText(""),
                        status(r, where), optional(r, "qualifier"), optional(r, "checker"), cited(r, where)));
            }
        }
        List<NewEntry> entries = new ArrayList<>();
        if (selection.missing()) {
            i = 0;
            for (JsonNode r : root.path("notOnPage")) {
                String where = "notOnPage[" + i++ + "]";
                if (isAcceptedSuggestion(r, selection)) {
                    entries.add(entry(optional(r, "section"), text(r, "integration", where), status(r, where),
                            optional(r, "qualifier"), optional(r, "checker"), cited(r, where)));
                }
            }
        }
        JsonNode revision = root.path("page").path("revision");
        return new Changes(changes, entries, revision.canConvertToLong() ? Optional.of(revision.asLong())
                : Optional.empty());
    }

    private static boolean isAcceptedSuggestion(JsonNode r, Selection selection) {
        return "suggested".equals(r.path("verdict").asText())
                && selection.accepts(r.path("integration").asText(""), optional(r, "checker"));
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + "." + field + ": missing");
        }
        return v.asText();
    }

    private static Optional<String> optional(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static Status status(JsonNode r, String where) {
        String text = text(r, "suggestedStatus", where);
        return Status.fromWikiText(text).orElseThrow(() -> new IllegalArgumentException(
                where + ".suggestedStatus: '" + text + "' is not a status"));
    }

    private static List<Cited> cited(JsonNode r, String where) {
        List<Cited> out = new ArrayList<>();
        int j = 0;
        for (JsonNode e : r.path("evidence")) {
            String at = where + ".evidence[" + j++ + "]";
            out.add(new Cited(text(e, "url", at), optional(e, "supports").flatMap(Status::fromWikiText),
                    optional(e, "qualifier"), optional(e, "summary").or(() -> optional(e, "quote")).orElse("")));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(where + ".evidence: a suggestion without evidence");
        }
        return out;
    }

    private static StatusChange change(String heading, String from, Status to, Optional<String> qualifier,
                                       Optional<String> checker, List<Cited> evidence) {
        Cited main = main(evidence, to);
        Cited forQualifier = qualifier.flatMap(q -> evidence.stream()
                .filter(e -> e.qualifier().filter(q::contains).isPresent()).findFirst()).orElse(main);
        return new StatusChange(heading, from, to, qualifier, Citation.of(main.url()),
                Citation.of(forQualifier.url()), checker);
    }

    private static NewEntry entry(Optional<String> section, String heading, Status status, Optional<String> qualifier,
                                  Optional<String> checker, List<Cited> evidence) {
        Cited main = main(evidence, status);
        Set<String> urls = new LinkedHashSet<>();
        urls.add(main.url());
        evidence.stream().filter(e -> e.supports().equals(Optional.of(status))).forEach(e -> urls.add(e.url()));
        List<Citation> sources = urls.stream().limit(MAX_NEW_ENTRY_SOURCES).map(Citation::of).toList();
        String note = main.summary().isBlank() ? "See the sources" : main.summary();
        return new NewEntry(section, heading, status, qualifier, note, sources, checker);
    }

    /** The first evidence supporting the status (the rules list the deciding one first), else the first. */
    private static Cited main(List<Cited> evidence, Status status) {
        return evidence.stream().filter(e -> e.supports().equals(Optional.of(status))).findFirst()
                .orElse(evidence.get(0));
    }

    /** What a change needs of a piece of evidence, from a report or its JSON. */
    private record Cited(String url, Optional<Status> supports, Optional<String> qualifier, String summary) {
        static Cited of(Evidence e) {
            return new Cited(e.url(), e.supports(), e.qualifier(), e.quote());
        }
    }
}
