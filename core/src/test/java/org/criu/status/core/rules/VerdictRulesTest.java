package org.criu.status.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.page.WikitextParser;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** One test per row and rule of docs/VERDICTS.md, in the order the page lists them. */
class VerdictRulesTest {

    /** "Today" for the age rule, the same day the checker test kit uses. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    static final VerdictRules RULES = new VerdictRules(TODAY);

    static Integration page(String status, String... notes) {
        return new Integration("Some entry", Optional.of("Other"), status, Status.fromWikiText(status),
                List.of(notes), List.of(), -1, -1);
    }

    static Evidence ev(Signal signal, String url, String date) {
        return Evidence.of(signal, "github", url, Optional.ofNullable(date).map(LocalDate::parse),
                signal + " at " + url);
    }

    /** The rules' finding, as the engine asks for it (the checker id only labels the finding). */
    static Finding assess(Integration integration, List<Evidence> evidence) {
        return RULES.assess(integration, "test", evidence);
    }

    static Evidence ev(Signal signal, String url) {
        return ev(signal, url, "2026-01-01");
    }

    static boolean supports(Evidence e, Status status) {
        return e.supports().filter(status::equals).isPresent();
    }

    static final String A = "https://github.com/o/r/blob/v1/NEWS";
    static final String B = "https://github.com/o/r/blob/v1/CHANGES";
    static final String C = "https://github.com/o/r/issues/7";

    @Nested
    class SignalTable {

        @ParameterizedTest(name = "{0} supports {1}, {2} on its own, decisive={3}")
        @CsvSource({
            "RELEASED,       ready,       HIGH,   true",
            "REMOVED,        dropped,     HIGH,   true",
            "PROJECT_ENDED,  dropped,     HIGH,   true",
            "IN_DEVELOPMENT, started,     MEDIUM, false",
            "INACTIVE,       stalled,     MEDIUM, false",
            "DECLINED,       not started, MEDIUM, false",
            "ABSENT,         not started, LOW,    false",
        })
        void eachSignalAloneSuggestsTheStatusItSupportsWithItsOwnConfidence(Signal signal, String status,
                                                                            Confidence confidence, boolean decisive) {
            assertThat(signal.status().map(Status::wikiText)).contains(status);
            assertThat(signal.baseConfidence()).isEqualTo(confidence);
            assertThat(signal.decisive()).isEqualTo(decisive);

            // "unclear" is no status word, so whatever the signal says is a change for the page.
            Finding a = assess(page("unclear"), List.of(ev(signal, A)));

            assertThat(a.verdict()).isEqualTo(Verdict.SUGGESTED);
            assertThat(a.suggestedStatus().map(Status::wikiText)).contains(status);
            assertThat(a.confidence()).contains(confidence);
            assertThat(a.qualifier()).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = Signal.class, names = "CONTEXT", mode = EnumSource.Mode.EXCLUDE)
        void eachSignalAloneConfirmsAPageThatAlreadySaysItsStatus(Signal signal) {
            Status status = signal.status().orElseThrow();

            Finding a = assess(page(status.wikiText()), List.of(ev(signal, A)));

            assertThat(a.verdict()).isEqualTo(Verdict.CONFIRMED);
            assertThat(a.suggestedStatus()).isEmpty();
            assertThat(a.confidence()).contains(signal.baseConfidence());
        }

        @Test
        void contextSupportsNothing() {
            assertThat(Signal.CONTEXT.status()).isEmpty();
            assertThat(Signal.CONTEXT.baseConfidence()).isEqualTo(Confidence.LOW);
            assertThat(Signal.CONTEXT.decisive()).isFalse();
        }
    }

    @Nested
    class Rule0NothingToGoOn {

        @Test
        void onlyContextIsUnverifiedAndKeepsTheContext() {
            Evidence context = ev(Signal.CONTEXT, C);

            Finding a = assess(page("stalled"), List.of(context));

            assertThat(a.verdict()).isEqualTo(Verdict.UNVERIFIED);
            assertThat(a.error()).contains("no evidence found that supports any status");
            assertThat(a.evidence()).containsExactly(context);
            assertThat(a.suggestedStatus()).isEmpty();
        }

        @Test
        void noEvidenceIsUnverified() {
            Finding a = assess(page("ready"), List.of());

            assertThat(a.verdict()).isEqualTo(Verdict.UNVERIFIED);
            assertThat(a.evidence()).isEmpty();
        }
    }

    @Nested
    class Rule1ProjectEnded {

        @Test
        void anEndedProjectIsDroppedWhateverNewerEvidenceSays() {
            Evidence ended = ev(Signal.PROJECT_ENDED, A, "2020-02-24");
            Evidence release = ev(Signal.RELEASED, B, "2025-01-01");
            Evidence work = ev(Signal.IN_DEVELOPMENT, C, "2026-10-01");

            Finding a = assess(page("ready"), List.of(release, work, ended));

            assertThat(a.verdict()).isEqualTo(Verdict.SUGGESTED);
            assertThat(a.suggestedStatus()).contains(Status.DROPPED);
            assertThat(a.confidence()).contains(Confidence.HIGH);
            assertThat(a.evidence().get(0)).isEqualTo(ended);
        }
    }

    @Nested
    class Rule2NewestDecisiveEvent {

        @Test
        void aRemovalAfterTheReleaseMeansDropped() {
            Finding a = assess(page("ready"),
                    List.of(ev(Signal.RELEASED, A, "2015-06-10"), ev(Signal.REMOVED, B, "2020-02-25")));

            assertThat(a.suggestedStatus()).contains(Status.DROPPED);
            assertThat(a.evidence().get(0).url()).isEqualTo(B);
        }

        @Test
        void aReleaseAfterTheRemovalMeansReadyAgain() {
            Finding a = assess(page("dropped"),
                    List.of(ev(Signal.REMOVED, B, "2020-02-25"), ev(Signal.RELEASED, A, "2024-06-01")));

            assertThat(a.suggestedStatus()).contains(Status.READY);
            assertThat(a.evidence().get(0).url()).isEqualTo(A);
        }

        @Test
        void anUndatedEventIsOlderThanAnyDatedOne() {
            Finding a = assess(page("dropped"),
                    List.of(ev(Signal.REMOVED, B, null), ev(Signal.RELEASED, A, "1999-01-01")));

            assertThat(a.suggestedStatus()).contains(Status.READY);
        }

        @Test
        void onATieTheEventListedFirstWins() {
            Evidence removed = ev(Signal.REMOVED, B, "2020-02-25");
            Evidence released = ev(Signal.RELEASED, A, "2020-02-25");

            assertThat(assess(page("stalled"), List.of(removed, released)).suggestedStatus()).contains(Status.DROPPED);
            assertThat(assess(page("stalled"), List.of(released, removed)).suggestedStatus()).contains(Status.READY);
        }

        @Test
        void anEventDecidesOverNewerWorkAndInactivity() {
            Finding a = assess(page("started"), List.of(ev(Signal.IN_DEVELOPMENT, C, "2026-10-01"),
                    ev(Signal.INACTIVE, A, "2026-10-01"), ev(Signal.REMOVED, B, "2018-10-01")));

            assertThat(a.suggestedStatus()).contains(Status.DROPPED);
            assertThat(a.confidence()).contains(Confidence.HIGH);
        }
    }

    @Nested
    class Rule3WorkAndItsAge {

        @Test
        void recentWorkIsStarted() {
            Finding a = assess(page("not started"), List.of(ev(Signal.IN_DEVELOPMENT, C, "2026-03-01")));

            assertThat(a.suggestedStatus()).contains(Status.STARTED);
            assertThat(a.confidence()).contains(Confidence.MEDIUM);
        }

        @Test
        void workExactlyTwoYearsOldIsStillStartedOneDayMoreIsStalled() {
            assertThat(VerdictRules.STALE_AFTER).isEqualTo(java.time.Period.ofYears(2));
            Finding twoYears = assess(page("started"), List.of(ev(Signal.IN_DEVELOPMENT, C, "2024-11-26")));
            Finding older = assess(page("started"), List.of(ev(Signal.IN_DEVELOPMENT, C, "2024-11-25")));

            assertThat(twoYears.verdict()).isEqualTo(Verdict.CONFIRMED);
            assertThat(older.verdict()).isEqualTo(Verdict.SUGGESTED);
            assertThat(older.suggestedStatus()).contains(Status.STALLED);
        }

        @Test
        void undatedWorkIsStarted() {
            Finding a = assess(page("started"), List.of(ev(Signal.IN_DEVELOPMENT, C, null)));

            assertThat(a.verdict()).isEqualTo(Verdict.CONFIRMED);
        }

        @Test
        void theNewestWorkDecides() {
            Finding a = assess(page("stalled"),
                    List.of(ev(Signal.IN_DEVELOPMENT, A, "2019-01-01"), ev(Signal.IN_DEVELOPMENT, C, "2026-05-01")));

            assertThat(a.suggestedStatus()).contains(Status.STARTED);
            assertThat(a.evidence().get(0).url()).isEqualTo(C);
        }

        @Test
        void oldWorkIsSuggestedAsStalledAndCitedAsInactiveSoTheSuggestionHasEvidence() {
            Evidence work = ev(Signal.IN_DEVELOPMENT, C, "2023-05-01");
            Evidence release = ev(Signal.CONTEXT, A, "2026-06-01");

            Finding a = assess(page("started"), List.of(release, work));

            assertThat(a.verdict()).isEqualTo(Verdict.SUGGESTED);
            assertThat(a.suggestedStatus()).contains(Status.STALLED);
            assertThat(a.confidence()).contains(Confidence.MEDIUM);
            Evidence cited = a.evidence().get(0);
            assertThat(cited.signal()).isEqualTo(Signal.INACTIVE);
            assertThat(cited.supports()).contains(Status.STALLED);
            assertThat(cited.url()).isEqualTo(work.url());
            assertThat(cited.quote()).isEqualTo(work.quote());
            assertThat(cited.date()).isEqualTo(work.date());
            // Cited once, as what the rules made of it; the context follows.
            assertThat(a.evidence()).containsExactly(cited, release);
        }

        @Test
        void everyPieceOfOldWorkIsCitedAsInactiveNewestFirst() {
            Evidence older = ev(Signal.IN_DEVELOPMENT, A, "2019-01-01");
            Evidence newer = ev(Signal.IN_DEVELOPMENT, C, "2023-05-01");

            Finding a = assess(page("started"), List.of(older, newer));

            assertThat(a.suggestedStatus()).contains(Status.STALLED);
            assertThat(a.evidence()).extracting(Evidence::signal).containsExactly(Signal.INACTIVE, Signal.INACTIVE);
            assertThat(a.evidence()).extracting(Evidence::url).containsExactly(C, A);
        }

        @Test
        void oldWorkConfirmsAStalledPage() {
            Finding a = assess(page("stalled"), List.of(ev(Signal.IN_DEVELOPMENT, C, "2022-02-15")));

            assertThat(a.verdict()).isEqualTo(Verdict.CONFIRMED);
            assertThat(a.confidence()).contains(Confidence.MEDIUM);
        }

        @Test
        void stalledByAgeIsNeverRaisedBySecondSource() {
            Finding a = assess(page("started"),
                    List.of(ev(Signal.IN_DEVELOPMENT, A, "2020-01-01"), ev(Signal.IN_DEVELOPMENT, C, "2021-01-01")));

            assertThat(a.suggestedStatus()).contains(Status.STALLED);
            assertThat(a.confidence()).contains(Confidence.MEDIUM);
        }

        @Test
        void workDecidesOverInactivityDeclineAndAbsence() {
            Finding a = assess(page("not started"), List.of(ev(Signal.INACTIVE, A), ev(Signal.DECLINED, B),
                    ev(Signal.ABSENT, "https://github.com/o/r/blob/v1/README"), ev(Signal.IN_DEVELOPMENT, C)));

            assertThat(a.suggestedStatus()).contains(Status.STARTED);
        }
    }

    @Nested
    class Rule4InactiveDeclined {

        @Test
        void inactivityDecidesOverDecline() {
            Evidence first = ev(Signal.INACTIVE, A);
            Finding a = assess(page("ready"),
                    List.of(ev(Signal.DECLINED, B), first, ev(Signal.INACTIVE, A + "#L2")));

            assertThat(a.suggestedStatus()).contains(Status.STALLED);
            assertThat(a.evidence().get(0)).isEqualTo(first);
        }

        @Test
        void declineDecidesOverAbsenceSoThePageIsNotKept() {
            Finding a = assess(page("stalled"), List.of(ev(Signal.ABSENT, A), ev(Signal.DECLINED, C)));

            assertThat(a.verdict()).isEqualTo(Verdict.SUGGESTED);
            assertThat(a.suggestedStatus()).contains(Status.NOT_STARTED);
            assertThat(a.evidence().get(0).signal()).isEqualTo(Signal.DECLINED);
        }
    }

    @Nested
    class Rule5Absence {

        @ParameterizedTest(name = "page ''{0}'' + absence -> {1} {2}")
        @CsvSource({
            "stalled,     CONFIRMED, stalled",
            "started,     CONFIRMED, started",
            "not started, CONFIRMED, not started",
            "ready,       SUGGESTED, not started",
            "dropped,     SUGGESTED, not started",
            "unclear,     SUGGESTED, not started",
            "'',          SUGGESTED, not started",
        })
        void absenceKeepsStalledAndStartedElseMeansNotStarted(String pageStatus, Verdict kind, String observed) {
            Finding a = assess(page(pageStatus), List.of(ev(Signal.ABSENT, A)));

            assertThat(a.verdict()).isEqualTo(kind);
            assertThat(a.confidence()).contains(Confidence.LOW);
            if (kind == Verdict.SUGGESTED) {
                assertThat(a.suggestedStatus().map(Status::wikiText)).contains(observed);
            } else {
                assertThat(page(pageStatus).status().map(Status::wikiText)).contains(observed);
            }
        }

        @Test
        void allAbsenceIsCitedInTheOrderGiven() {
            Evidence first = ev(Signal.ABSENT, A);
            Evidence second = ev(Signal.ABSENT, B);
            Evidence context = ev(Signal.CONTEXT, C);

            Finding a = assess(page("stalled"), List.of(context, first, second));

            assertThat(a.evidence()).containsExactly(first, second, context);
        }

        @Test
        void consistencyNeverBecomesASuggestionWhenAnotherComponentForcesOne() {
            Evidence lxc = ev(Signal.ABSENT, A).about("LXC");
            Evidence lxd = ev(Signal.REMOVED, B, "2025-11-25").about("LXD");

            Finding a = assess(page("started"), List.of(lxc, lxd));

            // Without the rule the page's "started" would be suggested with nothing supporting it.
            assertThat(a.verdict()).isEqualTo(Verdict.SUGGESTED);
            assertThat(a.suggestedStatus()).contains(Status.NOT_STARTED);
            assertThat(a.qualifier()).contains("LXD: dropped");
            assertThat(a.confidence()).contains(Confidence.LOW);
            assertThat(a.evidence()).anyMatch(e -> supports(e, Status.NOT_STARTED));
        }

        @Test
        void consistencyNeverBecomesASuggestionWhenTheAbsenceCarriesAQualifier() {
            Finding a = assess(page("stalled"),
                    List.of(ev(Signal.ABSENT, A).withQualifier("only in a fork")));

            assertThat(a.suggestedStatus()).contains(Status.NOT_STARTED);
            assertThat(a.qualifier()).contains("only in a fork");
        }
    }

    @Nested
    class Rule6ComponentsAndQualifiers {

        @Test
        void theMostAdvancedComponentWinsAndTheOthersBecomeTheQualifierInGroupOrder() {
            List<Evidence> evidence = new ArrayList<>(List.of(
                    ev(Signal.REMOVED, A).about("A"),
                    ev(Signal.ABSENT, B).about("B"),
                    ev(Signal.INACTIVE, C).about("C"),
                    ev(Signal.IN_DEVELOPMENT, C + "/d").about("D")));

            Finding started = assess(page("ready"), evidence);

            assertThat(started.suggestedStatus()).contains(Status.STARTED);
            assertThat(started.qualifier()).contains("A: dropped; B: not started; C: stalled");

            evidence.add(ev(Signal.RELEASED, C + "/e").about("E"));
            Finding ready = assess(page("ready"), evidence);

            assertThat(ready.suggestedStatus()).contains(Status.READY);
            assertThat(ready.qualifier()).contains("A: dropped; B: not started; C: stalled; D: started");
            assertThat(ready.evidence()).extracting(e -> e.component().orElseThrow())
                    .containsExactly("A", "B", "C", "D", "E");
        }

        @Test
        void aComponentsOwnQualifierReplacesTheNameAndStatus() {
            Finding a = assess(page("ready"), List.of(ev(Signal.RELEASED, A).about("LXC"),
                    ev(Signal.REMOVED, B).about("LXD").withQualifier("LXD removed CRIU in lxd-6.6")));

            assertThat(a.qualifier()).contains("LXD removed CRIU in lxd-6.6");
        }

        @Test
        void componentsThatAgreeAddNoQualifier() {
            Finding a = assess(page("ready"),
                    List.of(ev(Signal.RELEASED, A).about("LXC"), ev(Signal.RELEASED, B).about("LXD")));

            assertThat(a.verdict()).isEqualTo(Verdict.CONFIRMED);
        }

        @Test
        void theWinnersOwnQualifierIsKept() {
            Finding a = assess(page("ready"), List.of(ev(Signal.RELEASED, A).withQualifier("experimental")));

            assertThat(a.verdict()).isEqualTo(Verdict.SUGGESTED);
            assertThat(a.suggestedStatus()).contains(Status.READY);
            assertThat(a.qualifier()).contains("experimental");
        }

        @Test
        void evidenceAboutNoComponentAddsNoNameAndStatus() {
            // The whole-entry group (not started) loses to LXC (ready); it has no name to write.
            Finding a = assess(page("ready"),
                    List.of(ev(Signal.ABSENT, A), ev(Signal.RELEASED, B).about("LXC")));

            assertThat(a.verdict()).isEqualTo(Verdict.CONFIRMED);
        }

        @Test
        void evidenceAboutNoComponentStillAddsItsOwnQualifier() {
            Finding a = assess(page("ready"), List.of(ev(Signal.ABSENT, A).withQualifier("not in the LTS"),
                    ev(Signal.RELEASED, B).about("LXC")));

            assertThat(a.suggestedStatus()).contains(Status.READY);
            assertThat(a.qualifier()).contains("not in the LTS");
        }

        @Test
        void onATieTheFirstComponentWins() {
            Evidence x = ev(Signal.RELEASED, A).about("X").withQualifier("from X");
            Evidence y = ev(Signal.RELEASED, B).about("Y").withQualifier("from Y");

            assertThat(assess(page("ready"), List.of(x, y)).qualifier()).contains("from X");
            assertThat(assess(page("ready"), List.of(y, x)).qualifier()).contains("from Y");
        }
    }

    @Nested
    class Rule7Confidence {

        @Test
        void twoDocumentsRaiseLowToMedium() {
            Finding a = assess(page("not started"), List.of(ev(Signal.ABSENT, A), ev(Signal.ABSENT, B)));

            assertThat(a.confidence()).contains(Confidence.MEDIUM);
        }

        @Test
        void twoDocumentsRaiseMediumToHigh() {
            assertThat(assess(page("stalled"), List.of(ev(Signal.INACTIVE, A), ev(Signal.INACTIVE, B)))
                    .confidence()).contains(Confidence.HIGH);
            assertThat(assess(page("started"),
                    List.of(ev(Signal.IN_DEVELOPMENT, A), ev(Signal.IN_DEVELOPMENT, B))).confidence())
                    .contains(Confidence.HIGH);
        }

        @Test
        void highStaysHigh() {
            assertThat(assess(page("ready"), List.of(ev(Signal.RELEASED, A), ev(Signal.RELEASED, B)))
                    .confidence()).contains(Confidence.HIGH);
        }

        @Test
        void otherEvidenceSupportingTheSameStatusAgrees() {
            Finding a = assess(page("not started"), List.of(ev(Signal.DECLINED, C), ev(Signal.ABSENT, A)));

            assertThat(a.confidence()).contains(Confidence.HIGH);
        }

        @ParameterizedTest(name = "{0} and {1} are one document")
        @CsvSource({
            "https://github.com/o/r/blob/v1/NEWS#L3, https://github.com/o/r/blob/v1/NEWS#L90",
            "https://github.com/o/r/blob/v1/NEWS?plain=1, https://github.com/o/r/blob/v1/NEWS",
            "https://github.com/o/r/blob/v1/NEWS, HTTPS://GITHUB.COM/O/R/BLOB/V1/NEWS",
            "https://github.com/o/r/blob/v1/NEWS, https://github.com/o/r/blob/v1/NEWS",
        })
        void anchorsQueriesAndCaseDoNotMakeAnotherDocument(String first, String second) {
            Finding a = assess(page("not started"),
                    List.of(ev(Signal.ABSENT, first), ev(Signal.ABSENT, second)));

            assertThat(a.confidence()).contains(Confidence.LOW);
        }

        @Test
        void theSameFileAtTwoTagsIsTwoDocuments() {
            Finding a = assess(page("not started"), List.of(
                    ev(Signal.ABSENT, "https://github.com/tmux/tmux/blob/3.7/CHANGES"),
                    ev(Signal.ABSENT, "https://github.com/tmux/tmux/blob/3.7c/CHANGES")));

            assertThat(a.confidence()).contains(Confidence.MEDIUM);
        }

        @Test
        void evidenceForAnotherStatusOrNoStatusDoesNotRaise() {
            assertThat(assess(page("stalled"), List.of(ev(Signal.INACTIVE, A), ev(Signal.ABSENT, B)))
                    .confidence()).contains(Confidence.MEDIUM);
            assertThat(assess(page("not started"), List.of(ev(Signal.ABSENT, A), ev(Signal.CONTEXT, B)))
                    .confidence()).contains(Confidence.LOW);
        }

        @Test
        void theEntryTakesTheWinningComponentsConfidence() {
            Finding a = assess(page("stalled"),
                    List.of(ev(Signal.ABSENT, A).about("Screen"), ev(Signal.RELEASED, B).about("tmux")));

            assertThat(a.suggestedStatus()).contains(Status.READY);
            assertThat(a.confidence()).contains(Confidence.HIGH);
        }
    }

    @Nested
    class Rule8ConfirmedOrSuggested {

        @Test
        void aQualifierThePageAlreadyMentionsIsNotNew() {
            Finding a = assess(page("ready", "Checkpoint/restore is an EXPERIMENTAL feature of Docker"),
                    List.of(ev(Signal.RELEASED, A).withQualifier("experimental")));

            assertThat(a.verdict()).isEqualTo(Verdict.CONFIRMED);
            assertThat(a.qualifier()).isEmpty();
        }

        @Test
        void aQualifierInTheStatusTextIsNotNew() {
            Integration entry = new Integration("Docker", Optional.empty(), "ready, experimental",
                    Optional.of(Status.READY), List.of(), List.of(), -1, -1);

            Finding a = assess(entry, List.of(ev(Signal.RELEASED, A).withQualifier("experimental")));

            assertThat(a.verdict()).isEqualTo(Verdict.CONFIRMED);
        }

        @Test
        void confirmedAndSuggestedCarryDecidingEvidenceFirstThenTheRestInTheOrderGiven() {
            Evidence context = ev(Signal.CONTEXT, C);
            Evidence oldRelease = ev(Signal.RELEASED, A, "2015-06-10");
            Evidence removal = ev(Signal.REMOVED, B, "2020-02-25");
            Evidence absent = ev(Signal.ABSENT, C + "/tree");

            Finding a = assess(page("ready"), List.of(context, oldRelease, removal, absent));

            assertThat(a.verdict()).isEqualTo(Verdict.SUGGESTED);
            assertThat(a.evidence()).containsExactly(removal, context, oldRelease, absent);

            Finding confirmed = assess(page("dropped"), List.of(context, oldRelease, removal, absent));
            assertThat(confirmed.verdict()).isEqualTo(Verdict.CONFIRMED);
            assertThat(confirmed.evidence()).containsExactly(removal, context, oldRelease, absent);
        }

        @Test
        void aSuggestionOfThePagesOwnStatusNeedsANewQualifier() {
            Finding same = assess(page("ready"), List.of(ev(Signal.RELEASED, A)));
            Finding qualified = assess(page("ready"), List.of(ev(Signal.RELEASED, A).withQualifier("beta")));

            assertThat(same.verdict()).isEqualTo(Verdict.CONFIRMED);
            assertThat(qualified.verdict()).isEqualTo(Verdict.SUGGESTED);
            assertThat(qualified.suggestedStatus()).contains(Status.READY);
        }
    }

    /** The examples table of docs/VERDICTS.md, on the entries as the real page has them. */
    @Nested
    class ExamplesFromThePage {

        private Integration entry(String heading) throws Exception {
            try (var in = VerdictRulesTest.class.getResourceAsStream("/org/criu/status/core/page/integration-current.wiki")) {
                String wikitext = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return WikitextParser.parse(wikitext, "Integration").stream()
                        .filter(i -> i.heading().equals(heading)).findFirst().orElseThrow();
            }
        }

        @Test
        void slurmRemovedItsCheckpointPluginsSoReadyBecomesDropped() throws Exception {
            Integration slurm = entry("SLURM workload manager");
            Evidence notes = Evidence.of(Signal.REMOVED, "github",
                    "https://github.com/SchedMD/slurm/blob/slurm-20-02-0-1/RELEASE_NOTES#L40",
                    Optional.of(LocalDate.parse("2020-02-25")),
                    "The checkpoint plugin interface and all associated API calls have been removed.");
            Evidence news = Evidence.of(Signal.REMOVED, "github",
                    "https://github.com/SchedMD/slurm/blob/slurm-20-02-0-1/NEWS#L77", Optional.of(LocalDate.parse("2020-02-25")),
                    "Removed the checkpoint plugin interface and all associated API calls.");

            Finding a = assess(slurm, List.of(notes, news));

            assertThat(slurm.status()).contains(Status.READY);
            assertThat(a.verdict()).isEqualTo(Verdict.SUGGESTED);
            assertThat(a.suggestedStatus()).contains(Status.DROPPED);
            assertThat(a.qualifier()).isEmpty();
            assertThat(a.confidence()).contains(Confidence.HIGH);
            assertThat(a.evidence()).containsExactly(notes, news);
        }

        @Test
        void dockerCheckpointIsExperimentalSoReadyGainsTheQualifier() throws Exception {
            Integration docker = entry("Docker");
            Evidence reference = Evidence.of(Signal.RELEASED, "github",
                    "https://github.com/docker/cli/blob/master/docs/reference/commandline/checkpoint.md#L20", Optional.empty(),
                    "Checkpoint and Restore is an experimental feature that allows you to freeze a running")
                    .withQualifier("experimental");

            Finding a = assess(docker, List.of(reference));

            assertThat(docker.status()).contains(Status.READY);
            assertThat(a.verdict()).isEqualTo(Verdict.SUGGESTED);
            assertThat(a.suggestedStatus()).contains(Status.READY);
            assertThat(a.qualifier()).contains("experimental");
            assertThat(a.confidence()).contains(Confidence.HIGH);
        }

        @Test
        void lxcShipsCriuButLxdRemovedItSoReadyIsQualified() throws Exception {
            Integration lxc = entry("LXC/LXD");
            Evidence lxcRelease = Evidence.of(Signal.RELEASED, "github",
                    "https://github.com/lxc/lxc/blob/v7.0.0/src/lxc/criu.c", Optional.of(LocalDate.parse("2026-04-30")),
                    "v7.0.0 ships src/lxc/criu.c").about("LXC");
            Evidence lxdRemoval = Evidence.of(Signal.REMOVED, "github", "https://github.com/canonical/lxd/pull/16313",
                    Optional.of(LocalDate.parse("2025-11-25")), "Remove CRIU support (first released in lxd-6.6)").about("LXD");

            Finding plain = assess(lxc, List.of(lxcRelease, lxdRemoval));
            Finding qualified = assess(lxc,
                    List.of(lxcRelease, lxdRemoval.withQualifier("LXD removed CRIU in lxd-6.6")));

            assertThat(plain.suggestedStatus()).contains(Status.READY);
            assertThat(plain.qualifier()).contains("LXD: dropped");
            assertThat(plain.confidence()).contains(Confidence.HIGH);
            assertThat(qualified.qualifier()).contains("LXD removed CRIU in lxd-6.6");
        }

        @Test
        void tmuxHasNoCriuWhichIsConsistentWithStalled() throws Exception {
            Integration tmux = entry("Screen/TMUX");

            Finding a = assess(tmux, List.of(
                    Evidence.of(Signal.ABSENT, "github", "https://github.com/tmux/tmux/blob/3.7c/CHANGES",
                            Optional.of(LocalDate.parse("2026-08-17")), "3.7c CHANGES: no CRIU"),
                    Evidence.of(Signal.CONTEXT, "github", "https://github.com/tmux-plugins/tmux-resurrect/issues/428",
                            Optional.of(LocalDate.parse("2022-02-15")), "#428 Linux Checkpoint / Restore support (open)")));

            assertThat(a.verdict()).isEqualTo(Verdict.CONFIRMED);
            assertThat(a.confidence()).contains(Confidence.LOW);
        }

        @Test
        void bashHasNoCriuInTwoDocumentsSoNotStartedIsConfirmedWithMediumConfidence() throws Exception {
            Integration shell = entry("Shell");

            Finding a = assess(shell, List.of(
                    Evidence.of(Signal.ABSENT, "github", "https://github.com/bminor/bash/blob/bash-5.3/CHANGES",
                            Optional.of(LocalDate.parse("2025-07-03")), "bash-5.3 CHANGES: no CRIU"),
                    Evidence.of(Signal.ABSENT, "github", "https://github.com/bminor/bash/blob/bash-5.3/NEWS",
                            Optional.of(LocalDate.parse("2025-07-03")), "bash-5.3 NEWS: no CRIU")));

            assertThat(a.verdict()).isEqualTo(Verdict.CONFIRMED);
            assertThat(a.confidence()).contains(Confidence.MEDIUM);
        }

        @Test
        void openJdkWorkUntouchedForYearsWouldBeSuggestedAsStalled() throws Exception {
            Integration openjdk = entry("OpenJDK");

            Finding a = assess(openjdk, List.of(Evidence.of(Signal.IN_DEVELOPMENT, "github",
                    "https://github.com/openjdk/crac/tree/crac", Optional.of(LocalDate.parse("2023-05-15")), "branch crac")));

            assertThat(openjdk.status()).contains(Status.STARTED);
            assertThat(a.suggestedStatus()).contains(Status.STALLED);
            assertThat(a.confidence()).contains(Confidence.MEDIUM);
            assertThat(a.evidence().get(0).signal()).isEqualTo(Signal.INACTIVE);
        }
    }

    /**
     * Whatever a checker reports, the rules answer, and a suggestion is backed by evidence for its status.
     * Random mixes of every signal, date, component and qualifier, from a fixed seed so a failure repeats.
     */
    @Test
    void aSuggestionAlwaysCarriesEvidenceSupportingTheSuggestedStatus() {
        Random random = new Random(20261126L);
        List<String> pageStatuses = List.of("ready", "started", "stalled", "not started", "dropped", "unclear", "");
        List<String> urls = List.of(A, B, C, A + "#L9");
        List<String> dates = Arrays.asList("2015-06-10", "2020-02-25", "2024-11-25", "2024-11-26", "2026-08-17", null);
        List<String> components = List.of("", "LXC", "LXD");
        Signal[] signals = Signal.values();
        for (int run = 0; run < 5000; run++) {
            Integration entry = page(pageStatuses.get(random.nextInt(pageStatuses.size())));
            List<Evidence> evidence = new ArrayList<>();
            for (int n = random.nextInt(6); n > 0; n--) {
                Evidence e = ev(signals[random.nextInt(signals.length)], urls.get(random.nextInt(urls.size())),
                        dates.get(random.nextInt(dates.size())));
                String component = components.get(random.nextInt(components.size()));
                e = component.isEmpty() ? e : e.about(component);
                evidence.add(random.nextInt(4) == 0 ? e.withQualifier("experimental") : e);
            }

            Finding a = assess(entry, evidence);

            String given = entry.rawStatus() + " " + evidence;
            assertThat(a).as(given).isNotNull();
            switch (a.verdict()) {
                case SUGGESTED -> {
                    Status status = a.suggestedStatus().orElseThrow();
                    assertThat(a.evidence()).as(given).anyMatch(e -> supports(e, status));
                    if (entry.status().filter(status::equals).isPresent()) {
                        assertThat(a.qualifier()).as(given).isPresent();
                    }
                }
                case CONFIRMED -> assertThat(entry.status()).as(given).isPresent();
                case UNVERIFIED -> assertThat(evidence).as(given).noneMatch(e -> e.supports().isPresent());
                case NO_CHECKER -> throw new AssertionError("the rules never say no-checker: " + given);
            }
        }
    }
}
