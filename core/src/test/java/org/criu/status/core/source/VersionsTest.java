package org.criu.status.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @Property
    void numericOrderIsKeptForEveryScheme(@ForAll @IntRange(max = 999) int a, @ForAll @IntRange(max = 999) int b,
                                          @ForAll @IntRange(max = 99) int minor) {
        int expected = Integer.signum(Integer.compare(a, b));
        assertThat(Integer.signum(Versions.compare("FILE" + a + "_" + minor, "FILE" + b + "_" + minor)))
                .isEqualTo(expected);
        assertThat(Integer.signum(Versions.compare("v" + minor + ".0." + a, "v" + minor + ".0." + b)))
                .isEqualTo(expected);
        assertThat(Integer.signum(Versions.compare("slurm-" + a + "-02-0-1", "slurm-" + b + "-02-0-1")))
                .isEqualTo(expected);
    }
}
