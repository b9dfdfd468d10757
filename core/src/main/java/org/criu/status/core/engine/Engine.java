package org.criu.status.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.criu.status.core.http.RequestPriority;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Report;
import org.criu.status.core.model.WikiPage;
import org.criu.status.core.rules.VerdictRules;
import org.criu.status.core.model.Signal;
import org.criu.status.core.spi.Canary;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.spi.NewEntry;

/**
 * Runs the checkers for a page's entries concurrently ({@code jobs} at a time), each under a deadline that
 * starts when the check starts, so a check waiting for a free slot is not charged for the wait, and turns what
 * each returns into a finding with the shared {@link VerdictRules}: checkers report evidence, this is where it
 * becomes a verdict. A checker that throws, returns null or overruns its deadline makes its entry
 * {@code unverified} with the reason; the rest of the run is untouched. Findings come back in page order.
 *
 * <p>With {@code notOnPage}, checkers that propose an entry ({@link Checker#newEntry()}) and that no heading of
 * the page names are run too, on the entry they propose (no status), in the same pool; their findings are the
 * report's {@link Report#notOnPage()}, in id order.
 */
public final class Engine {

    /**
     * Checks run at once by default: enough for every check of the page, so none waits for a slot while the hosts
     * it needs are idle. A check spends its time waiting for answers, not computing; what reaches each host is
     * bounded by the per-host limits of the HTTP layer, which serve the deepest checks' requests first. A run then
     * takes about as long as its deepest chain of dependent requests.
     */
    public static final int DEFAULT_JOBS = 32;

    private final CheckerRegistry registry;
    private final CheckContext context;
    private final VerdictRules rules;
    private final Duration timeout;
    private final Optional<Set<String>> only;
    private final int jobs;
    private final boolean notOnPage;
    /** Nanoseconds for deadlines: {@code System::nanoTime}, or a test's own, advanced by its checks. */
    private final java.util.function.LongSupplier ticker;

    /**
     * @param only when present, run just these checker ids; other entries are reported as no-checker
     */
    public Engine(CheckerRegistry registry, CheckContext context, Duration timeout, Optional<Set<String>> only) {
        this(registry, context, timeout, only, DEFAULT_JOBS);
    }

    /**
     * @param only when present, run just these checker ids; other entries are reported as no-checker
     * @param jobs how many checks run at once (1 runs them one after another), at least 1
     */
    public Engine(CheckerRegistry registry, CheckContext context, Duration timeout, Optional<Set<String>> only,
                  int jobs) {
        this(registry, context, timeout, only, jobs, false);
    }

    /**
     * @param only      when present, run just these checker ids; other entries are reported as no-checker
     * @param jobs      how many checks run at once (1 runs them one after another), at least 1
     * @param notOnPage also run the checkers whose integration the page lacks, for "Not on the page"
     */
    public Engine(CheckerRegistry registry, CheckContext context, Duration timeout, Optional<Set<String>> only,
                  int jobs, boolean notOnPage) {
        this(registry, context, timeout, only, jobs, notOnPage, System::nanoTime);
    }

    /** As above, with deadlines measured on {@code ticker} (nanoseconds), so tests decide how long a check took. */
    Engine(CheckerRegistry registry, CheckContext context, Duration timeout, Optional<Set<String>> only, int jobs,
           boolean notOnPage, java.util.function.LongSupplier ticker) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        }
        this.registry = registry;
        this.context = context;
        this.rules = new VerdictRules(context.clock());
        this.timeout = timeout;
        this.only = only;
        this.jobs = jobs;
        this.notOnPage = notOnPage;
        this.ticker = ticker;
    }

    /**
     * The checkers to run for entries the page lacks: they propose one, pass {@code only}, and no heading of the
     * page names them (by the registry's choice, or by their own headings: an entry the page has in another
     * spelling is not missing).
     */
    private List<Checker> missingFrom(List<Integration> integrations) {
        if (!notOnPage) {
            return List.of();
        }
        List<Checker> missing = new ArrayList<>();
        Map<String, Optional<Checker>> chosen = new LinkedHashMap<>();
        integrations.forEach(i -> chosen.computeIfAbsent(i.heading(), registry::forHeading));
        Map<String, Set<String>> words = new HashMap<>();
        chosen.keySet().forEach(h -> words.put(h, org.criu.status.core.spi.HeadingMatcher.significantWords(h)));
        for (CheckerRegistry.Discovered d : registry.all()) {
            Checker c = d.checker();
            boolean named = chosen.entrySet().stream().anyMatch(h -> h.getValue().filter(c::equals).isPresent()
                    || registry.names(words.get(h.getKey()), c));
            if (c.newEntry().isPresent() && !named && only.map(ids -> ids.contains(c.id())).orElse(true)) {
                missing.add(c);
            }
        }
        missing.sort(java.util.Comparator.comparing(Checker::id));
        return missing;
    }

    /** The entry a checker proposes, as the page would have it once added: heading, section, no status yet. */
    private static Integration proposed(Checker checker) {
        NewEntry entry = checker.newEntry().orElseThrow();
        return new Integration(entry.heading(), Optional.of(entry.section()), "", Optional.empty(), List.of(),
                List.of(), -1, -1);
    }

    /** One check finished: how many of how many, which checker, which entry (for a progress line). */
    public record Progress(int done, int total, String checker, String heading) {
    }

    public Report run(WikiPage page, List<Integration> integrations) {
        return run(page, integrations, progress -> { });
    }

    /** As {@link #run(WikiPage, List)}, telling {@code progress} as each check finishes (from the checker's thread). */
    public Report run(WikiPage page, List<Integration> integrations, java.util.function.Consumer<Progress> progress) {
        // A heading is matched once per run, however often the page repeats it.
        Map<String, Optional<Checker>> byHeading = new HashMap<>();
        java.util.function.Function<String, Optional<Checker>> forHeading = h -> byHeading.computeIfAbsent(h,
                x -> registry.forHeading(x).filter(c -> only.map(ids -> ids.contains(c.id())).orElse(true)));
        List<Checker> missing = missingFrom(integrations);
        List<Integration> entries = new ArrayList<>(integrations);
        missing.forEach(c -> entries.add(proposed(c)));
        AtomicInteger threadNo = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        // One check per checker and entry as the checker sees it: duplicate entries share it (and its finding's
        // evidence), so a page pasted into itself costs no extra check.
        Map<CheckKey, Check> checks = new LinkedHashMap<>();
        List<Optional<Checker>> chosen = new ArrayList<>();
        List<Check> checkOf = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Integration integration = entries.get(i);
            Optional<Checker> checker = i < integrations.size()
                    ? forHeading.apply(integration.heading())
                    : Optional.of(missing.get(i - integrations.size()));
            chosen.add(checker);
            // The page contradicts itself: no status to confirm or replace until an editor picks one.
            boolean ambiguous = integration.statusConflict().isPresent();
            int position = i;
            checkOf.add(checker.filter(c -> !ambiguous)
                    .map(c -> checks.computeIfAbsent(CheckKey.of(c, integration),
                            k -> new Check(c, integration, position)))
                    .orElse(null));
        }
        int total = checks.size();
        // Critical path first: the checks with the longest expected chains of dependent requests start first, and
        // their requests go first where a host has a queue (ties keep page order).
        List<Check> order = new ArrayList<>(checks.values());
        order.sort(Comparator.comparingInt((Check c) -> -c.depth).thenComparingInt(c -> c.position));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(order.size(), jobs)), r -> {
            Thread t = new Thread(r, "checker-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            for (Check check : order) {
                Checker c = check.checker;
                check.future = pool.submit(() -> {
                    check.started.complete(ticker.getAsLong());
                    try {
                        return RequestPriority.with(check.depth == order.get(0).depth
                                        ? RequestPriority.CRITICAL + check.depth : check.depth,
                                () -> trustAbsence(c, c.check(check.integration, context)));
                    } finally {
                        check.finished = ticker.getAsLong();
                        progress.accept(new Progress(done.incrementAndGet(), total, c.id(),
                                check.integration.heading()));
                    }
                });
            }
            // A safety net only: every check gets its own deadline from its start, and a cancelled check frees
            // its slot within a request timeout; this bounds the run if a checker ignores interruption.
            long rounds = (order.size() + jobs - 1) / jobs + 1;
            long runDeadline = ticker.getAsLong() + timeout.toNanos() * rounds;
            List<Finding> findings = new ArrayList<>();
            List<Finding> notOnPageFindings = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                Integration integration = entries.get(i);
                List<Finding> into = i < integrations.size() ? findings : notOnPageFindings;
                if (chosen.get(i).isEmpty()) {
                    into.add(Finding.noChecker(integration));
                    continue;
                }
                if (integration.statusConflict().isPresent()) {
                    into.add(Finding.unverified(integration, chosen.get(i).get().id(), "the page is ambiguous: "
                            + integration.statusConflict().get() + "; keep one status line"));
                    continue;
                }
                Check check = checkOf.get(i);
                into.add(await(integration, check, runDeadline));
            }
            return new Report(page, context.clock().instant(), findings, notOnPageFindings);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Before an absence ({@code REMOVED}, {@code ABSENT}) is trusted, the checker's canaries must hold: a probe
     * that no longer sees a known fact about the past would report anything it looks for as missing. Canaries run
     * only then, inside the check's deadline: evidence that something is there proves the probe works, and most
     * canaries read a file the checker already read (free) or a raw file (not counted by GitHub's API limit).
     */
    static CheckResult trustAbsence(Checker checker, CheckResult result, CheckContext context) {
        if (result == null || result.couldNotLook().isPresent() || result.evidence().stream()
                .noneMatch(e -> e.signal() == Signal.REMOVED || e.signal() == Signal.ABSENT)) {
            return result;
        }
        for (Canary canary : checker.canaries()) {
            Canary.Result outcome = canary.check(context);
            if (!outcome.held()) {
                return CheckResult.couldNotLook(outcome.describe(), result.evidence());
            }
        }
        return result;
    }

    /**
     * What makes two checks the same: the checker and every part of the entry it may read (heading, section,
     * status, notes, links), not where the entry sits on the page.
     */
    private record CheckKey(String checker, Integration entry) {
        static CheckKey of(Checker checker, Integration i) {
            return new CheckKey(checker.id(), new Integration(i.heading(), i.section(), i.rawStatus(), i.status(),
                    i.notes(), i.links(), 0, 0, i.statusConflict()));
        }
    }

    /** One check of the run: its first entry, its expected depth, when it started and what it will return. */
    private static final class Check {
        final Checker checker;
        final Integration integration;
        final int position;
        final int depth;
        final CompletableFuture<Long> started = new CompletableFuture<>();
        Future<CheckResult> future;
        /** When the checker returned or threw (the ticker's time), written before the future completes. */
        volatile long finished;

        Check(Checker checker, Integration integration, int position) {
            this.checker = checker;
            this.integration = integration;
            this.position = position;
            this.depth = checker.expectedDepth();
        }
    }

    private CheckResult trustAbsence(Checker checker, CheckResult result) {
        return trustAbsence(checker, result, context);
    }

    private Finding await(Integration integration, Check check, long runDeadline) {
        String id = check.checker.id();
        Future<CheckResult> future = check.future;
        long start;
        try {
            start = check.started.get(Math.max(0, runDeadline - ticker.getAsLong()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | java.util.concurrent.CancellationException e) {
            future.cancel(true);
            return Finding.unverified(integration, id, "never started: other checks held every job slot");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.unverified(integration, id, "interrupted");
        }
        try {
            long left = Math.max(0, start + timeout.toNanos() - ticker.getAsLong());
            CheckResult result = future.get(left, TimeUnit.NANOSECONDS);
            if (check.finished - start > timeout.toNanos()) {
                return timedOut(integration, id); // answered past its deadline, noticed late: as if stopped
            }
            if (result == null) {
                return Finding.unverified(integration, id, "checker '" + id + "' returned nothing (a bug)");
            }
            if (result.couldNotLook().isPresent()) {
                return Finding.unverified(integration, id, result.couldNotLook().get(), result.evidence());
            }
            return rules.assess(integration, id, result.evidence());
        } catch (TimeoutException | java.util.concurrent.CancellationException e) {
            // Cancelled: an earlier duplicate of this entry, sharing its check, timed out first.
            future.cancel(true);
            return timedOut(integration, id);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = cause.getMessage();
            String reason = cause instanceof java.io.IOException && message != null ? message
                    : cause.getClass().getSimpleName() + (message != null ? ": " + message : "");
            return Finding.unverified(integration, id, reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.unverified(integration, id, "interrupted");
        }
    }

    private Finding timedOut(Integration integration, String id) {
        return Finding.unverified(integration, id, "timed out after " + timeout.toSeconds() + " s");
    }
}
