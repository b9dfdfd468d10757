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

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Kubernetes             | kubernetes
            CRI-O                  | cri-o
            crio                   | cri-o
            containerd             | containerd
            runc                   | runc
            crun                   | crun
            Incus                  | incus
            Eclipse OpenJ9         | openj9
            OpenJ9                 | openj9
            NVIDIA CUDA            | nvidia-cuda
            CUDA                   | nvidia-cuda
            AMD GPUs               | amd-gpu
            ROCm                   | amd-gpu
            """)
    void theIntegrationsThePageLacksHaveTheirRecipes(String heading, String id) {
        assertThat(checkerFor(heading)).contains(id);
    }

    @Test
    void theCheckersOfIntegrationsThePageLacksClaimNoHeadingOfTodaysPage() {
        for (String heading : new String[] {"Virtuozzo/OpenVZ", "LXC/LXD", "Docker", "Podman", "The file utility",
                "Screen/TMUX", "Shell", "OpenJDK", "OpenMPI", "Subgraph OS", "SLURM workload manager",
                "Wayland/Weston", "Systemd"}) {
            assertThat(REGISTRY.all()).filteredOn(d -> d.checker().newEntry().isPresent()).as(heading)
                    .noneMatch(d -> org.criu.status.core.spi.HeadingMatcher.matches(heading, d.checker().covers()));
        }
    }

    @Test
    void entriesNoCheckerCoversStayUncovered() {
        for (String heading : new String[] {"CoreOS Rocket", "Other", "Nomad"}) {
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
