package org.criu.status.core.recipe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.GitHubClient.Issue;

/**
 * Issues and pull requests a GitHub search finds ({@code query}, optionally only those whose title matches
 * {@code title}), each cited with the signal its kind and state map to: {@code issues: {open, closed}} and
 * {@code pull-requests: {open, merged, closed}} (closed means closed without merging). Unmapped states are
 * context. Telling merged from closed costs a second search ({@code is:pr is:merged}), made only when the recipe
 * maps {@code merged} and a closed pull request was found. {@code none} is the signal of finding nothing.
 * Searches spend GitHub's search budget (10 a minute unauthenticated), not the core API's.
 */
public record SearchProbe(String query, Optional<Regex> title, String what, States issues, States pullRequests,
                          Optional<SignalSpec> none) implements Probe {

    /** The signal of each state; null for "context". */
    public record States(@JsonProperty("open") SignalSpec open, @JsonProperty("merged") SignalSpec merged,
                         @JsonProperty("closed") SignalSpec closed) {
        static final States CONTEXT = new States(null, null, null);

        SignalSpec of(String state) {
            SignalSpec spec = switch (state) {
                case "open" -> open;
                case "merged" -> merged;
                default -> closed;
            };
            return spec == null ? new SignalSpec(Signal.CONTEXT, Optional.empty()) : spec;
        }
    }

    public SearchProbe {
        query = Templates.require(query, "query");
        Objects.requireNonNull(title, "title");
        what = Templates.require(what, "what");
        issues = issues == null ? States.CONTEXT : issues;
        pullRequests = pullRequests == null ? States.CONTEXT : pullRequests;
        if (issues.merged() != null) {
            throw new IllegalArgumentException("'issues.merged': issues are open or closed; merged is for 'pull-requests'");
        }
        Objects.requireNonNull(none, "none");
        for (SignalSpec s : new SignalSpec[] {issues.open(), issues.closed(), pullRequests.open(),
                pullRequests.merged(), pullRequests.closed(), none.orElse(null)}) {
            if (s != null && (s.signal() == Signal.REMOVED || s.signal() == Signal.RELEASED)) {
                throw new IllegalArgumentException("a search hit is no release and no removal ('" + s
                        + "'): cite the release or the note instead");
            }
        }
    }

    @JsonCreator
    static SearchProbe bind(@JsonProperty("query") String query, @JsonProperty("title") Regex title,
                            @JsonProperty("what") String what, @JsonProperty("issues") States issues,
                            @JsonProperty("pull-requests") States pullRequests, @JsonProperty("none") SignalSpec none) {
        return new SearchProbe(query, Optional.ofNullable(title), what, issues, pullRequests, Optional.ofNullable(none));
    }

    @Override
    public String describe() {
        return "GitHub issue search: " + query;
    }

    @Override
    public ProbeResult run(ProbeRun run) throws SourceException {
        GitHubClient github = run.context().github();
        List<Issue> hits = github.searchIssues(query).stream()
                .filter(i -> title.map(t -> t.foundIn(i.title())).orElse(true))
                .sorted(Comparator.comparing(Issue::createdAt)).toList();
        if (hits.isEmpty()) {
            return ProbeResult.of(none.map(n -> n.qualify(Evidence.undated(n.signal(), "github", searchUrl(query),
                    "no issue or pull request found: " + query))).stream().toList());
        }
        Set<Integer> merged = pullRequests.merged() != null
                && hits.stream().anyMatch(i -> i.pullRequest() && "closed".equals(i.state()))
                ? github.searchIssues(query + " is:pr is:merged").stream().map(Issue::number).collect(Collectors.toSet())
                : Set.of();
        List<Evidence> evidence = new ArrayList<>();
        for (Issue hit : hits) {
            String state = "open".equals(hit.state()) ? "open" : merged.contains(hit.number()) ? "merged" : "closed";
            SignalSpec signal = (hit.pullRequest() ? pullRequests : issues).of(state);
            Instant when = state.equals("open") ? hit.createdAt() : hit.closedAt().orElse(hit.createdAt());
            String told = state.equals("open") ? "open since " + day(hit.createdAt())
                    : state + " " + day(when) + hit.stateReason().filter(r -> !state.equals("merged"))
                            .map(r -> " as " + r.replace('_', ' ')).orElse("");
            evidence.add(signal.qualify(Evidence.dated(signal.signal(), "github", hit.htmlUrl(), day(when),
                    what + " " + (hit.pullRequest() ? "pull request" : "issue") + " #" + hit.number() + " \""
                            + hit.title() + "\" (" + told + ")")));
        }
        return ProbeResult.of(evidence);
    }

    static String searchUrl(String query) {
        return "https://github.com/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&type=issues";
    }

    private static java.time.LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
