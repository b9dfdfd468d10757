package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.criu.status.core.engine.CheckerRegistry;
import org.criu.status.core.spi.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real checkers, as ServiceLoader finds them, cover the headings editors have used, and nothing else. */
class HeadingCoverageTest {

    private static final CheckerRegistry REGISTRY = load();

    private static CheckerRegistry load() {
        try {
            return CheckerRegistry.load(HeadingCoverageTest.class.getClassLoader());
        } catch (CheckerRegistry.RegistryException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Optional<String> checkerFor(String heading) {
        return REGISTRY.forHeading(heading).map(Checker::id);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Virtuozzo/OpenVZ       | openvz
            LXC/LXD                | lxc
            Docker                 | docker
            Podman                 | podman
            The file utility       | file-utility
            Screen/TMUX            | screen-tmux
            Shell                  | shell
            OpenJDK                | openjdk-crac
            OpenMPI                | openmpi
            Subgraph OS            | subgraph-os
            SLURM workload manager | slurm
            Wayland/Weston         | weston
            Systemd                | systemd
            """)
    void everyEntryOfTodaysPageHasItsChecker(String heading, String id) {
        assertThat(checkerFor(heading)).contains(id);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            OpenVZ                 | openvz
            LXC                    | lxc
            LXD                    | lxc
            file                   | file-utility
            tmux                   | screen-tmux
            bash                   | shell
            OpenJDK (CRaC)         | openjdk-crac
            Open MPI               | openmpi
            SLURM                  | slurm
            Slurm workload manager | slurm
            Weston                 | weston
            systemd                | systemd
            """)
    void headingsOfOlderLayoutsAndOtherSpellingsFindTheirChecker(String heading, String id) {
        assertThat(checkerFor(heading)).contains(id);
    }

    @Test
    void entriesNoCheckerCoversStayUncovered() {
        for (String heading : new String[] {"CoreOS Rocket", "Kubernetes", "CRI-O", "containerd", "Other"}) {
            assertThat(checkerFor(heading)).as(heading).isEmpty();
        }
    }

    @Test
    void noTwoCheckersClaimTheSameHeadingOfTodaysPage() {
        Map<String, String> expected = Map.of("LXC/LXD", "lxc", "Screen/TMUX", "screen-tmux",
                "Wayland/Weston", "weston", "Virtuozzo/OpenVZ", "openvz");
        expected.forEach((heading, id) -> {
            long claiming = REGISTRY.all().stream()
                    .filter(d -> org.criu.status.core.spi.HeadingMatcher.matches(heading, d.checker().covers()))
                    .count();
            assertThat(claiming).as(heading).isEqualTo(1);
        });
    }
}
