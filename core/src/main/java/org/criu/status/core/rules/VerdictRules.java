package org.criu.status.core.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;

/**
 * The shared rules that turn a checker's evidence into a verdict. docs/VERDICTS.md is this class in a table;
 * keep the two in step.
 *
 * <ol>
 *   <li>No evidence supporting any status: unverified.</li>
 *   <li>Evidence is grouped by component ("LXC", "LXD"); each group gets an observed status:
 *     <ul>
 *       <li>{@code PROJECT_ENDED} anywhere: dropped.</li>
 *       <li>else the newest decisive event ({@code RELEASED}, {@code REMOVED}) decides: ready or dropped.
 *           An undated event counts as older than any dated one.</li>
 *       <li>else {@code IN_DEVELOPMENT} newer than {@link #STALE_AFTER}: started; older: stalled (the work is
 *           then cited as {@code INACTIVE}, so a "stalled" suggestion carries evidence for stalled).</li>
 *       <li>else {@code INACTIVE}: stalled; {@code DECLINED}: not started; {@code ABSENT}: consistent with
 *           not started, and with stalled or started when the page says so (absence from upstream does
 *           not disprove unmerged work), else not started. Consistency only keeps the page's status: when
 *           the outcome is a suggestion anyway, absence counts as not started.</li>
 *     </ul></li>
 *   <li>Several components: the entry takes the most advanced component status (ready over started over
 *       stalled over not started over dropped); the others become the qualifier ("LXD: dropped"), or their
 *       deciding evidence's own qualifier; evidence about no component adds no "name: status" part.</li>
 *   <li>Confidence: the deciding signal's base confidence, raised one level when a second, independent
 *       source (another URL host+path) supports the same status; lowered to medium for a status derived
 *       from age alone.</li>
 *   <li>Observed equals the page's status and no new qualifier: confirmed. Otherwise suggested, carrying
 *       the evidence, deciding evidence first.</li>
 * </ol>
 */
public final class VerdictRules {

    /** Work untouched for this long counts as stalled. */
    public static final Period STALE_AFTER = Period.ofYears(2);

    private static final List<Status> ADVANCEMENT =
            List.of(Status.READY, Status.STARTED, Status.STALLED, Status.NOT_STARTED, Status.DROPPED);

    private final Clock clock;

    public VerdictRules(Clock clock) {
        this.clock = clock;
    }

    /**
     * The finding for {@code integration} given everything checker {@code checker} found; never null. The one
     * place in the tool where evidence becomes a verdict.
     */
    public Finding assess(Integration integration, String checker, List<Evidence> evidence) {
        List<Evidence> supporting = evidence.stream().filter(e -> e.supports().isPresent()).toList();
        if (supporting.isEmpty()) {
            return Finding.unverified(integration, checker, "no evidence found that supports any status", evidence);
        }
        Map<String, List<Evidence>> byComponent = new LinkedHashMap<>();
        for (Evidence e : supporting) {
            byComponent.computeIfAbsent(e.component().orElse(""), k -> new ArrayList<>()).add(e);
        }
        // Absence keeps the page's stalled/started, but it is no evidence for that status: when the outcome
        // must be a suggestion anyway, decide again with absence meaning only what it supports (not started).
        return decide(integration, checker, evidence, byComponent, true)
                .orElseGet(() -> decide(integration, checker, evidence, byComponent, false).orElseThrow());
    }

    /** The finding, or empty when it would suggest a status that only the page's own word supports. */
    private Optional<Finding> decide(Integration integration, String checker, List<Evidence> evidence,
                                     Map<String, List<Evidence>> byComponent, boolean absenceKeepsPage) {
        Map<String, Observation> observed = new LinkedHashMap<>();
        byComponent.forEach((component, list) -> observed.put(component, observe(integration, list, absenceKeepsPage)));

        Map.Entry<String, Observation> winner = observed.entrySet().stream()
                .min(Comparator.comparingInt(en -> ADVANCEMENT.indexOf(en.getValue().status())))
                .orElseThrow();
        Observation decision = winner.getValue();

        Set<String> qualifiers = new LinkedHashSet<>();
        for (Evidence e : decision.deciding()) {
            e.qualifier().ifPresent(qualifiers::add);
        }
        observed.forEach((component, obs) -> {
            if (!component.equals(winner.getKey()) && obs.status() != decision.status()) {
                // Evidence about the whole entry has no component name to put in front of its status.
                obs.deciding().stream().flatMap(e -> e.qualifier().stream()).findFirst()
                        .or(() -> component.isEmpty() ? Optional.empty()
                                : Optional.of(component + ": " + obs.status().wikiText()))
                        .ifPresent(qualifiers::add);
            }
        });
        Optional<String> qualifier = qualifiers.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", qualifiers));

        List<Evidence> ordered = new ArrayList<>();
        observed.values().forEach(o -> ordered.addAll(o.deciding()));
        List<Evidence> restated = observed.values().stream().flatMap(o -> o.restated().stream()).toList();
        evidence.stream().filter(e -> !ordered.contains(e) && !restated.contains(e)).forEach(ordered::add);

        Status status = decision.status();
        boolean sameStatus = integration.status().filter(status::equals).isPresent();
        boolean qualifierNew = qualifier.filter(q -> !pageMentions(integration, q)).isPresent();
        if (sameStatus && !qualifierNew) {
            return Optional.of(Finding.confirmed(integration, checker, decision.confidence(), ordered));
        }
        if (ordered.stream().noneMatch(e -> e.supports().filter(status::equals).isPresent())) {
            return Optional.empty();
        }
        return Optional.of(Finding.suggested(integration, checker, status, qualifier, decision.confidence(), ordered));
    }

    private Observation observe(Integration integration, List<Evidence> list, boolean absenceKeepsPage) {
        Optional<Evidence> ended = list.stream().filter(e -> e.signal() == Signal.PROJECT_ENDED).findFirst();
        if (ended.isPresent()) {
            return observation(Status.DROPPED, ended.get(), list);
        }
        Optional<Evidence> newestEvent = list.stream().filter(e -> e.signal().decisive())
                .max(Comparator.comparing((Evidence e) -> e.date().orElse(LocalDate.MIN)));
        if (newestEvent.isPresent()) {
            return observation(newestEvent.get().supports().orElseThrow(), newestEvent.get(), list);
        }
        Optional<Evidence> work = list.stream().filter(e -> e.signal() == Signal.IN_DEVELOPMENT)
                .max(Comparator.comparing((Evidence e) -> e.date().orElse(LocalDate.MIN)));
        if (work.isPresent()) {
            boolean stale = work.get().date()
                    .map(d -> d.plus(STALE_AFTER).isBefore(LocalDate.now(clock))).orElse(false);
            if (stale) {
                // Work untouched for years is what INACTIVE means; citing it as such keeps a "stalled"
                // suggestion backed by evidence that supports stalled (the quote and link stay the same).
                // The newest work is stale, so all of it is: every piece is restated, newest first.
                List<Evidence> allWork = list.stream().filter(e -> e.signal() == Signal.IN_DEVELOPMENT)
                        .sorted(Comparator.comparing((Evidence e) -> e.date().orElse(LocalDate.MIN)).reversed())
                        .toList();
                List<Evidence> inactive = allWork.stream().map(w -> w.as(Signal.INACTIVE)).toList();
                return new Observation(Status.STALLED, Confidence.MEDIUM, inactive, allWork);
            }
            return observation(Status.STARTED, work.get(), list);
        }
        for (Signal s : List.of(Signal.INACTIVE, Signal.DECLINED)) {
            Optional<Evidence> found = list.stream().filter(e -> e.signal() == s).findFirst();
            if (found.isPresent()) {
                return observation(s.status().orElseThrow(), found.get(), list);
            }
        }
        Evidence absent = list.get(0);
        Status pageSays = integration.status().orElse(Status.NOT_STARTED);
        Status consistent = absenceKeepsPage && (pageSays == Status.STALLED || pageSays == Status.STARTED)
                ? pageSays : Status.NOT_STARTED;
        List<Evidence> all = list.stream().filter(e -> e.signal() == Signal.ABSENT).toList();
        return new Observation(consistent, confidence(absent, all), all, List.of());
    }

    private Observation observation(Status status, Evidence deciding, List<Evidence> list) {
        List<Evidence> agreeing = list.stream().filter(e -> e.supports().filter(status::equals).isPresent())
                .filter(e -> e.signal() == deciding.signal() || e.signal().decisive() == deciding.signal().decisive())
                .toList();
        List<Evidence> ordered = new ArrayList<>();
        ordered.add(deciding);
        agreeing.stream().filter(e -> e != deciding).forEach(ordered::add);
        return new Observation(status, confidence(deciding, ordered), ordered, List.of());
    }

    private static Confidence confidence(Evidence deciding, List<Evidence> agreeing) {
        Confidence base = deciding.signal().baseConfidence();
        long places = agreeing.stream().map(e -> place(e.url())).distinct().count();
        return places >= 2 ? base.raised() : base;
    }

    /** Two citations are independent when they point at different documents (host and path, not anchor). */
    private static String place(String url) {
        String noFragment = url.replaceFirst("#.*$", "").replaceFirst("\\?.*$", "");
        return noFragment.toLowerCase(Locale.ROOT);
    }

    private static boolean pageMentions(Integration integration, String qualifier) {
        String notes = (integration.rawStatus() + "\n" + integration.notesText()).toLowerCase(Locale.ROOT);
        return notes.contains(qualifier.toLowerCase(Locale.ROOT));
    }

    /** A component's status; {@code restated} are checker evidence the rules cite in another form in {@code deciding}. */
    private record Observation(Status status, Confidence confidence, List<Evidence> deciding, List<Evidence> restated) {
    }
}
