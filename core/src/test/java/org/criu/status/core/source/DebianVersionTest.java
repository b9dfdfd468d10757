package org.criu.status.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DebianVersionTest {

    @Test
    void parsesEpochUpstreamAndRevision() {
        DebianVersion v = DebianVersion.parse("1:5.44-3");
        assertThat(v.epoch()).isEqualTo(1);
        assertThat(v.upstream()).isEqualTo("5.44");
        assertThat(v.revision()).isEqualTo("3");
        assertThat(v).hasToString("1:5.44-3");

        DebianVersion hyphenated = DebianVersion.parse("2.30-rc1-1ubuntu2");
        assertThat(hyphenated.upstream()).as("the last hyphen starts the revision").isEqualTo("2.30-rc1");
        assertThat(hyphenated.revision()).isEqualTo("1ubuntu2");

        DebianVersion nativePackage = DebianVersion.parse("5.44");
        assertThat(nativePackage.epoch()).isZero();
        assertThat(nativePackage.revision()).isEmpty();
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
            // epoch beats everything after it
            "5.48-1, 1:5.44-3",
            "1:5.44-3, 2:0.1",
            // upstream numbers compare as numbers
            "5.44-3, 5.45-1",
            "5.9-1, 5.10-1",
            // then the revision
            "1:5.44-3, 1:5.44-10",
            "1:5.45-3, 1:5.45-3build1",
            "2.30-1, 2.30-1ubuntu1",
            // tilde sorts before anything, even the end
            "1.0~rc1-1, 1.0-1",
            "1.0~~, 1.0~",
            "1.0~, 1.0",
            "1.0~rc1, 1.0~rc2",
            // letters before other characters; anything after the end
            "1.0, 1.0a",
            "1.0a, 1.0+dfsg",
            "1.0+b1, 1.0.1",
            "1.0, 1.0+dfsg1",
    })
    void ordersAsDpkgDoes(String lower, String higher) {
        assertThat(DebianVersion.compare(lower, higher)).isNegative();
        assertThat(DebianVersion.compare(higher, lower)).isPositive();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"1.0, 1.0-0", "0:1.0, 1.0", "1.01, 1.1", "1.0-00, 1.0-0"})
    void dpkgEqualities(String a, String b) {
        assertThat(DebianVersion.compare(a, b)).isZero();
    }

    @Test
    void rejectsWhatDpkgRejects() {
        assertThatThrownBy(() -> DebianVersion.parse("x:1.0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epoch");
        assertThatThrownBy(() -> DebianVersion.parse("1:-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no upstream");
    }

    @Property
    void orderIsAntisymmetricAndReflexive(@ForAll("versions") String a, @ForAll("versions") String b) {
        assertThat(Integer.signum(DebianVersion.compare(a, b))).isEqualTo(-Integer.signum(DebianVersion.compare(b, a)));
        assertThat(DebianVersion.compare(a, a)).isZero();
    }

    @Property
    void orderIsTransitive(@ForAll("versions") String a, @ForAll("versions") String b, @ForAll("versions") String c) {
        if (DebianVersion.compare(a, b) <= 0 && DebianVersion.compare(b, c) <= 0) {
            assertThat(DebianVersion.compare(a, c)).isLessThanOrEqualTo(0);
        }
    }

    @Provide
    Arbitrary<String> versions() {
        Arbitrary<String> part = Arbitraries.strings().withChars("0123456789.~+ab").ofMinLength(1).ofMaxLength(6)
                .filter(s -> Character.isDigit(s.charAt(0)));
        Arbitrary<String> revision = Arbitraries.strings().withChars("0123456789~+bu").ofMinLength(1).ofMaxLength(4);
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 2), part, revision.injectNull(0.3))
                .as((epoch, upstream, rev) -> (epoch > 0 ? epoch + ":" : "") + upstream + (rev == null ? "" : "-" + rev));
    }
}
