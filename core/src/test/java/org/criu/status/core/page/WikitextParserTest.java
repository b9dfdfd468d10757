package org.criu.status.core.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Status;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;

class WikitextParserTest {

    private static String page(String name) {
        return SourceServer.fixture(WikitextParserTest.class, name);
    }

    @Test
    void readsTheCurrentPageInPageOrderWithSections() throws Exception {
        String text = page("integration-current.wiki");
        List<Integration> entries = WikitextParser.parse(text, "Integration");

        assertThat(entries).extracting(Integration::heading).containsExactly(
                "Virtuozzo/OpenVZ", "LXC/LXD", "Docker", "Podman", "The file utility", "Screen/TMUX", "Shell",
                "OpenJDK", "OpenMPI", "Subgraph OS", "SLURM workload manager", "Wayland/Weston", "Systemd");
        assertThat(entries).extracting(e -> e.section().orElse("")).containsExactly(
                "Container platforms", "Container platforms", "Container platforms", "Container platforms",
                "Tools and utilities", "Tools and utilities", "Tools and utilities",
                "Other", "Other", "Other", "Other", "Other", "Other");
        assertThat(entries).extracting(Integration::wikiStatus).containsExactly(
                "ready", "ready", "ready", "ready", "ready", "stalled", "not started",
                "started", "stalled", "not started", "ready", "stalled", "not started");
        Integration file = entries.get(4);
        assertThat(file.notes()).containsExactly("Starting from v1.6 new images (v1.1) will be generated",
                "File utility starting from 5.23 will support these");
        assertThat(entries.get(1).links()).containsExactly("LXC");
        assertThat(entries.get(2).notes()).containsExactly("See also: Docker C/R");
        assertThat(entries.get(12).notes()).noneMatch(n -> n.contains("Category"));
    }

    @Test
    void statusOffsetsPointAtTheStatusTextInThePage() throws Exception {
        for (String name : List.of("integration-current.wiki", "integration-2015.wiki", "integration-template.wiki")) {
            String text = page(name);
            for (Integration e : WikitextParser.parse(text, name)) {
                assertThat(text.substring(e.statusStart(), e.statusEnd())).as(name + " " + e.heading())
                        .isEqualTo(e.rawStatus());
            }
        }
    }

    @Test
    void readsThe2015FlatLayout() throws Exception {
        List<Integration> entries = WikitextParser.parse(page("integration-2015.wiki"), "Integration@2015");

        assertThat(entries).extracting(Integration::heading).containsExactly(
                "OpenVZ", "LXC", "Docker", "CoreOS Rocket", "The file utility", "Systemd");
        assertThat(entries).allSatisfy(e -> assertThat(e.section()).isEmpty());
        assertThat(entries.get(0).rawStatus()).isEqualTo("in progress");
        assertThat(entries.get(0).status()).contains(Status.STARTED);
        assertThat(entries.get(2).notes()).contains("Work is done in the pull request.");
    }

    @Test
    void aStatusRunningIntoTheNextSentenceKeepsOnlyTheStatusPhrase() throws Exception {
        Integration systemd = WikitextParser.parse(page("integration-2015.wiki"), "x").get(5);

        assertThat(systemd.rawStatus()).isEqualTo("not started");
        assertThat(systemd.status()).contains(Status.NOT_STARTED);
        assertThat(systemd.notes()).first().asString().startsWith("Adrian suggested that migrating");
    }

    @Test
    void readsTemplateAndBoldForms() throws Exception {
        List<Integration> entries = WikitextParser.parse(page("integration-template.wiki"), "x");

        assertThat(entries).extracting(Integration::heading).containsExactly(
                "Docker", "Podman", "SLURM workload manager", "OpenMPI", "Wayland/Weston", "Systemd");
        assertThat(entries).extracting(Integration::rawStatus).containsExactly(
                "ready", "started", "ready", "stalled", "unclear", "Not Started");
        assertThat(entries.get(5).status()).contains(Status.NOT_STARTED);
        assertThat(entries.get(3).notes()).containsExactly("Adrian Reber did first version of patches");
    }

    @Test
    void keepsAnUnknownStatusWordVerbatim() throws Exception {
        Integration weston = WikitextParser.parse(page("integration-template.wiki"), "x").get(4);

        assertThat(weston.status()).isEmpty();
        assertThat(weston.rawStatus()).isEqualTo("unclear");
        assertThat(weston.wikiStatus()).isEqualTo("unclear");
    }

    @Test
    void anEntryWithoutAStatusLineIsKeptWithAnEmptyStatus() throws Exception {
        List<Integration> entries = WikitextParser.parse("""
                == Other ==
                === Kubernetes ===
                Checkpoint API is alpha in 1.25.
                === Docker ===
                Status: ready
                """, "x");

        assertThat(entries).extracting(Integration::heading).containsExactly("Kubernetes", "Docker");
        assertThat(entries.get(0).rawStatus()).isEmpty();
        assertThat(entries.get(0).status()).isEmpty();
        assertThat(entries.get(0).statusStart()).isEqualTo(-1);
    }

    @Test
    void subHeadingsInsideAFlatEntryBelongToThatEntry() throws Exception {
        List<Integration> entries = WikitextParser.parse("""
                == OpenVZ ==
                Status: ready
                === Details ===
                * uses CRIU since 7
                == Docker ==
                Status: started
                """, "x");

        assertThat(entries).extracting(Integration::heading).containsExactly("OpenVZ", "Docker");
        assertThat(entries.get(0).notes()).contains("uses CRIU since 7");
    }

    @Test
    void aPageWithNoEntryIsAClearError() {
        assertThatThrownBy(() -> WikitextParser.parse("Just some text.\n\nNo headings here.", "Integration"))
                .isInstanceOf(PageParseException.class)
                .hasMessageContaining("Integration")
                .hasMessageContaining("no integration entry found");
        assertThatThrownBy(() -> WikitextParser.parse("== Only a section ==\ntext", "p.wiki"))
                .isInstanceOf(PageParseException.class).hasMessageStartingWith("p.wiki");
    }

    @Test
    void crlfLineEndingsParseLikeLf() throws Exception {
        String lf = page("integration-current.wiki");
        List<Integration> a = WikitextParser.parse(lf, "x");
        List<Integration> b = WikitextParser.parse(lf.replace("\n", "\r\n"), "x");

        assertThat(b).extracting(Integration::heading).isEqualTo(a.stream().map(Integration::heading).toList());
        assertThat(b).extracting(Integration::rawStatus).isEqualTo(a.stream().map(Integration::rawStatus).toList());
        assertThat(b.get(0).section()).isEqualTo(Optional.of("Container platforms"));
    }

    @Test
    void loneCarriageReturnLineEndingsParseLikeLf() throws Exception {
        String lf = page("integration-current.wiki");
        List<Integration> a = WikitextParser.parse(lf, "x");
        String cr = lf.replace("\n", "\r");
        List<Integration> b = WikitextParser.parse(cr, "x");

        assertThat(b).extracting(Integration::heading).isEqualTo(a.stream().map(Integration::heading).toList());
        assertThat(b).extracting(Integration::rawStatus).isEqualTo(a.stream().map(Integration::rawStatus).toList());
        assertThat(b).extracting(Integration::notes).isEqualTo(a.stream().map(Integration::notes).toList());
        for (Integration e : b) {
            assertThat(cr.substring(e.statusStart(), e.statusEnd())).isEqualTo(e.rawStatus());
        }
    }

    @Test
    void twoStatusLinesThatDisagreeAreReportedNotSilentlyResolved() throws Exception {
        List<Integration> entries = WikitextParser.parse("""
                == Other ==
                === Docker ===
                Status: ready
                * checkpoint is experimental
                '''Status:''' stalled
                === Podman ===
                Status: ready
                Status: Ready.
                """, "x");

        Integration docker = entries.get(0);
        assertThat(docker.rawStatus()).isEqualTo("ready");
        assertThat(docker.statusConflict())
                .contains("two status lines disagree: 'ready' (line 3) and 'stalled' (line 5)");
        assertThat(entries.get(1).statusConflict()).as("the same status twice is no contradiction").isEmpty();
    }

    @Test
    void headingsFollowMediaWikiForUnevenEquals() throws Exception {
        List<Integration> entries = WikitextParser.parse("""
                == Section ==
                ====Docker===
                Status: ready
                ==== Podman ====\t
                Status: started
                """, "x");

        assertThat(entries).extracting(Integration::heading).containsExactly("=Docker", "Podman");
        assertThat(entries).allSatisfy(e -> assertThat(e.section()).contains("Section"));
    }
}
