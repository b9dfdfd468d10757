package org.criu.status.core.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Report;
import org.criu.status.core.model.Verdict;

/**
 * Moves a {@link State} on by one run: compares each finding with the last run's (new, changed and exactly what,
 * the same), keeps since when it has stood and in how many runs, holds a dismissal while its evidence is
 * unchanged and drops it (the suggestion returns) when it changes, and lists what the last run said that this
 * one no longer does. Entries outside the run ({@code --only}) are kept as they were, not reported gone.
 */
public final class Tracker {

    private Tracker() {
    }

    /** The history of this run and the state to save after it. */
    public record Advance(History history, State next) {
    }

    /**
     * @param checked the checker ids the run was limited to, empty for a full run
     */
    public static Advance advance(State previous, Report report, Optional<Set<String>> checked) {
        Instant now = report.generatedAt();
        Map<String, State.Entry> entries = new LinkedHashMap<>();
        Map<String, History.EntryHistory> histories = new LinkedHashMap<>();
        Map<String, History.Dismissal> dismissals = new LinkedHashMap<>();
        List<Finding> all = new ArrayList<>(report.findings());
        all.addAll(report.notOnPage());
        for (Finding f : all) {
            String key = f.integration().heading();
            if (entries.containsKey(key)) {
                continue;
            }
            String said = Fingerprint.said(f);
            String fingerprint = Fingerprint.of(f);
            List<State.Piece> pieces = f.evidence().stream()
                    .map(e -> new State.Piece(e.url(), Fingerprint.of(e))).toList();
            State.Entry before = previous.entries().get(key);
            History.Change change;
            Optional<String> was = Optional.empty();
            Optional<String> evidenceChanged = Optional.empty();
            Instant since = now;
            int runs = 1;
            if (before == null) {
                change = History.Change.NEW;
            } else if (!before.said().equals(said)) {
                change = History.Change.CHANGED;
                was = Optional.of(before.said());
            } else {
                since = before.firstSeen();
                runs = before.runs() + 1;
                if (before.fingerprint().equals(fingerprint)) {
                    change = History.Change.SAME;
                } else {
                    change = History.Change.CHANGED;
                    evidenceChanged = Optional.of(evidenceChange(before.evidence(), pieces));
                }
            }
            Optional<History.Dismissal> dismissal = Optional.ofNullable(previous.dismissals().get(key))
                    .filter(d -> f.verdict() == Verdict.SUGGESTED && d.fingerprint().equals(fingerprint));
            dismissal.ifPresent(d -> dismissals.put(key, d));
            entries.put(key, new State.Entry(f.checker(), said, fingerprint, pieces, since, now, runs));
            histories.put(key, new History.EntryHistory(change, was, evidenceChanged, since, runs,
                    dismissal));
        }
        List<History.Gone> gone = new ArrayList<>();
        for (Map.Entry<String, State.Entry> e : previous.entries().entrySet()) {
            if (entries.containsKey(e.getKey())) {
                continue;
            }
            boolean outOfScope = checked.isPresent()
                    && e.getValue().checker().map(c -> !checked.get().contains(c)).orElse(true);
            if (outOfScope) {
                entries.put(e.getKey(), e.getValue());
                Optional.ofNullable(previous.dismissals().get(e.getKey())).ifPresent(d -> dismissals.put(e.getKey(), d));
            } else {
                gone.add(new History.Gone(e.getKey(), e.getValue().said()));
            }
        }
        State next = new State(previous.page(), previous.runs() + 1, Optional.of(now), entries, dismissals);
        History history = new History(previous.lastRun(), next.runs(), histories, gone);
        return new Advance(history, next);
    }

    /** What differs between two runs' evidence, by URL: "new URL", "gone URL", "changed URL". */
    static String evidenceChange(List<State.Piece> before, List<State.Piece> now) {
        Map<String, String> old = new LinkedHashMap<>();
        before.forEach(p -> old.put(p.url(), p.digest()));
        Map<String, String> current = new LinkedHashMap<>();
        now.forEach(p -> current.put(p.url(), p.digest()));
        List<String> parts = new ArrayList<>();
        Set<String> urls = new LinkedHashSet<>(current.keySet());
        urls.addAll(old.keySet());
        for (String url : urls) {
            if (!old.containsKey(url)) {
                parts.add("new " + url);
            } else if (!current.containsKey(url)) {
                parts.add("gone " + url);
            } else if (!old.get(url).equals(current.get(url))) {
                parts.add("changed " + url);
            }
        }
        return parts.isEmpty() ? "reordered" : String.join(", ", parts);
    }

    /**
     * Records an editor's dismissal of the suggestion for {@code entry} (heading or checker id, any case) on the
     * evidence it rests on now.
     *
     * @throws StateException when the state has no suggestion for that entry
     */
    public static State dismiss(State state, String entry, String reason, Instant now, String file)
            throws StateException {
        String key = find(state, entry, file);
        State.Entry e = state.entries().get(key);
        if (!e.said().startsWith("suggested")) {
            throw new StateException(file + ": the last run made no suggestion for '" + key + "' (it said: " + e.said()
                    + "), so there is nothing to dismiss");
        }
        if (reason.isBlank()) {
            throw new StateException("--reason: say why the suggestion for '" + key + "' is dismissed");
        }
        Map<String, History.Dismissal> dismissals = new LinkedHashMap<>(state.dismissals());
        dismissals.put(key, new History.Dismissal(reason.strip(), now, e.fingerprint()));
        return new State(state.page(), state.runs(), state.lastRun(), state.entries(), dismissals);
    }

    /** Removes the dismissal for {@code entry}: its suggestion counts again from the next run. */
    public static State undismiss(State state, String entry, String file) throws StateException {
        String key = find(state, entry, file);
        if (!state.dismissals().containsKey(key)) {
            throw new StateException(file + ": no dismissal for '" + key + "'");
        }
        Map<String, History.Dismissal> dismissals = new LinkedHashMap<>(state.dismissals());
        dismissals.remove(key);
        return new State(state.page(), state.runs(), state.lastRun(), state.entries(), dismissals);
    }

    /** The entry heading {@code name} means: a heading, or a checker id, in any case. */
    public static String entryKey(State state, String name, String file) throws StateException {
        return find(state, name, file);
    }

    static String find(State state, String name, String file) throws StateException {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        List<String> matches = state.entries().entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(wanted)
                        || e.getValue().checker().map(c -> c.toLowerCase(Locale.ROOT).equals(wanted)).orElse(false))
                .map(Map.Entry::getKey).toList();
        if (matches.isEmpty()) {
            throw new StateException(file + ": no entry '" + name + "' (known: " + String.join(", ",
                    state.entries().keySet().stream().sorted().toList()) + "); run check --state first");
        }
        if (matches.size() > 1) {
            throw new StateException(file + ": '" + name + "' names several entries: " + matches);
        }
        return matches.get(0);
    }

    /** Whether a piece of evidence is unchanged between two digests, for tests and readers of the state. */
    static boolean same(Evidence a, Evidence b) {
        return Fingerprint.of(a).equals(Fingerprint.of(b));
    }
}
