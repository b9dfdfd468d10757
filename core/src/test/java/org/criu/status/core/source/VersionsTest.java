package org.criu.status.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Random;
import org.criu.status.core.testkit.SeededRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(SeededRandom.class)
class VersionsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "FILE5_23, 5.23",
            "FILE5_48, 5.48",
            "slurm-20-02-0-1, 20.02.0.1",
            "v5.0.10, 5.0.10",
            "lxd-6.6, 6.6",
            "lxd-5.21.7, 5.21.7",
            "v3.18.2.3, 3.18.2.3",
            "9.0.0, 9.0.0",
            "bash-5.3, 5.3",
            "v5.0.0rc1, 5.0.0rc1",
    })
    void tagsNameTheirVersion(String tag, String version) {
        assertThat(Versions.version(tag)).contains(version);
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
            "FILE5_23, FILE5_48",
            "FILE5_9, FILE5_10",
            "slurm-19-05-8-1, slurm-20-02-0-1",
            "slurm-20-02-0-1, slurm-20-02-0-2",
            "v5.0.9, v5.0.10",
            "lxd-5.21.7, lxd-6.6",
            "lxd-6.6, lxd-6.10",
            "v3.18.1.3, v3.18.2.3",
            "v3.18.2.3, v3.18.10",
            "8.0.93, 9.0.0",
            "8.0.0, 8.0.93",
            "1.11.1, 1.12.0",
            "v5.0.0rc1, v5.0.0",
            "v5.0.0-rc2, v5.0.0",
            "v5.0.0-rc2, v5.0.0-rc10",
            "latest, v0.1",
    })
    void ordersOlderBeforeNewer(String older, String newer) {
        assertThat(Versions.compare(older, newer)).isNegative();
        assertThat(Versions.compare(newer, older)).isPositive();
        assertThat(Versions.isNewer(newer, older)).isTrue();
    }

    @Test
    void equalVersionsCompareEqualWhateverThePrefix() {
        assertThat(Versions.compare("v5.0.10", "5.0.10")).isZero();
        assertThat(Versions.compare("FILE5_48", "FILE5_48")).isZero();
    }

    @Test
    void aTagWithoutVersionNamesNone() {
        assertThat(Versions.version("latest")).isEmpty();
        assertThat(Versions.version("nightly-build")).isEmpty();
    }

    @Test
    void sortsAMixedListNewestFirst() {
        List<String> tags = new ArrayList<>(List.of("FILE5_9", "FILE5_48", "FILE5_23", "FILE5_10"));
        tags.sort(Versions.order().reversed());
        assertThat(tags).containsExactly("FILE5_48", "FILE5_23", "FILE5_10", "FILE5_9");
    }

    /** A source's tag record: newestFirst orders any record by the name it is given. */
    private record Tag(String name) {
    }

    private static List<String> newestFirst(Pattern shape, String... names) {
        List<Tag> tags = Arrays.stream(names).map(Tag::new).toList();
        return Versions.newestFirst(tags, Tag::name, shape).stream().map(Tag::name).toList();
    }

    @Test
    void newestFirstComparesNumbersAsNumbers() {
        assertThat(newestFirst(Pattern.compile("FILE\\d+_\\d+"), "FILE5_9", "FILE5_48", "FILE5_10"))
                .containsExactly("FILE5_48", "FILE5_10", "FILE5_9");
        assertThat(newestFirst(Pattern.compile("v\\d+\\.\\d+\\.\\d+"), "v29.7.2", "v29.10.0", "v28.5.2"))
                .containsExactly("v29.10.0", "v29.7.2", "v28.5.2");
        assertThat(newestFirst(Pattern.compile("v\\d+(\\.\\d+)+"), "v3.18.1.3", "v3.18.2.3", "v3.17.1.4", "v3.18.2"))
                .containsExactly("v3.18.2.3", "v3.18.2", "v3.18.1.3", "v3.17.1.4");
    }

    @Test
    void newestFirstKeepsOnlyTheReleaseShape() {
        Pattern bashRelease = Pattern.compile("bash-\\d+\\.\\d+(\\.\\d+)?");
        assertThat(newestFirst(bashRelease, "bash-5.3-rc2", "bash-5.3", "devel-base-dist", "bash-5.10", "bash-5.2.37"))
                .containsExactly("bash-5.10", "bash-5.3", "bash-5.2.37");
        // Without the shape the release candidate still sorts before its release.
        assertThat(newestFirst(Pattern.compile("bash-.*"), "bash-5.3", "bash-5.3-rc2", "bash-5.2"))
                .containsExactly("bash-5.3", "bash-5.3-rc2", "bash-5.2");
    }

    @Test
    void newestFirstOrdersLetterSuffixedReleasesAfterTheirBase() {
        Pattern tmuxRelease = Pattern.compile("\\d+\\.\\d+[a-z]?");
        assertThat(newestFirst(tmuxRelease, "3.7", "3.7c", "next-3.8", "3.7b", "3.6a", "3.10"))
                .containsExactly("3.10", "3.7c", "3.7b", "3.7", "3.6a");
    }

    @Test
    void newestFirstSeparatesShapesThatShareAPrefix() {
        List<String> lxd = List.of("lxd-5.21.7", "lxd-6.6", "lxd-6.5", "lxd-5.21.6", "lxd-6.10");
        assertThat(newestFirst(Pattern.compile("lxd-\\d+\\.\\d+"), lxd.toArray(String[]::new)))
                .containsExactly("lxd-6.10", "lxd-6.6", "lxd-6.5");
        assertThat(newestFirst(Pattern.compile("lxd-\\d+\\.\\d+\\.\\d+"), lxd.toArray(String[]::new)))
                .containsExactly("lxd-5.21.7", "lxd-5.21.6");
        assertThat(newestFirst(Pattern.compile("lxd-.*"), "lxd-5.21.7", "lxd-6.6")).containsExactly("lxd-6.6", "lxd-5.21.7");
    }

    @Test
    void newestFirstKeepsTheListedOrderOfEqualVersions() {
        List<Tag> tags = List.of(new Tag("v5.0.10"), new Tag("5.0.10"), new Tag("v5.0.9"));
        assertThat(Versions.newestFirst(tags, Tag::name, Pattern.compile("v?[\\d.]+")))
                .containsExactly(tags.get(0), tags.get(1), tags.get(2));
        assertThat(Versions.newestFirst(List.<Tag>of(), Tag::name, Pattern.compile(".*"))).isEmpty();
    }

    @Test
    void numericOrderIsKeptForEveryScheme(Random random) {
        for (int run = 0; run < 1000; run++) {
            // The edges first (equal, zero, the largest), then 0..999 at random.
            int a = run < 3 ? List.of(0, 999, 7).get(run) : random.nextInt(1000);
            int b = run < 3 ? List.of(0, 0, 7).get(run) : random.nextInt(1000);
            int minor = random.nextInt(100);
            int expected = Integer.signum(Integer.compare(a, b));
            String cases = "a=" + a + " b=" + b + " minor=" + minor;
            assertThat(Integer.signum(Versions.compare("FILE" + a + "_" + minor, "FILE" + b + "_" + minor)))
                    .as(cases).isEqualTo(expected);
            assertThat(Integer.signum(Versions.compare("v" + minor + ".0." + a, "v" + minor + ".0." + b)))
                    .as(cases).isEqualTo(expected);
            assertThat(Integer.signum(Versions.compare("slurm-" + a + "-02-0-1", "slurm-" + b + "-02-0-1")))
                    .as(cases).isEqualTo(expected);
        }
    }
}
