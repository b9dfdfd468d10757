package org.criu.status.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OriginRewriteTest {

    private static final OriginRewrite GH = new OriginRewrite(List.of(
            OriginRewrite.parseRule("https://api.github.com=http://127.0.0.1:8089/gh"),
            OriginRewrite.parseRule("https://raw.githubusercontent.com/=http://127.0.0.1:8089/raw/")));

    @Test
    void parsesFromEqualsToAndDropsTrailingSlashes() {
        assertThat(OriginRewrite.parseRule(" https://criu.org/ = http://127.0.0.1:9000/wiki/ "))
                .isEqualTo(new OriginRewrite.Rule("https://criu.org", "http://127.0.0.1:9000/wiki"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "https://api.github.com", "=http://127.0.0.1", "https://api.github.com="})
    void rejectsSpecsWithoutBothSides(String spec) {
        assertThatThrownBy(() -> OriginRewrite.parseRule(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--origin '" + spec + "': expected FROM=TO, e.g. https://api.github.com=http://127.0.0.1:8089/gh");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.github.com=http://127.0.0.1:8089", "https://api.github.com=ftp://mirror",
            "https://api.github.com=127.0.0.1:8089"})
    void rejectsSidesThatAreNotAbsoluteHttpUrls(String spec) {
        assertThatThrownBy(() -> OriginRewrite.parseRule(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--origin '" + spec + "': '")
                .hasMessageEndingWith("' is not an absolute http(s) URL");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> OriginRewrite.parseRule(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapsLogicalUrlsToTheWireAndBack() {
        String logical = "https://api.github.com/repos/a/b/tags?page=2";
        String wire = "http://127.0.0.1:8089/gh/repos/a/b/tags?page=2";

        assertThat(GH.toWire(logical)).isEqualTo(wire);
        assertThat(GH.toLogical(wire)).isEqualTo(logical);
        assertThat(GH.toWire("https://api.github.com")).isEqualTo("http://127.0.0.1:8089/gh");
        assertThat(GH.toWire("https://api.github.com?x=1")).isEqualTo("http://127.0.0.1:8089/gh?x=1");
        assertThat(GH.toWire("https://raw.githubusercontent.com/file/file/FILE5_48/magic/Magdir/linux"))
                .isEqualTo("http://127.0.0.1:8089/raw/file/file/FILE5_48/magic/Magdir/linux");
    }

    @Test
    void onlyWholeOriginsMatchNotHostsThatStartTheSame() {
        assertThat(GH.toWire("https://api.github.com.evil.example/repos/a/b")).isEqualTo(
                "https://api.github.com.evil.example/repos/a/b");
        assertThat(GH.toWire("https://api.github.community/x")).isEqualTo("https://api.github.community/x");
        assertThat(GH.toWire("http://api.github.com/repos/a/b")).isEqualTo("http://api.github.com/repos/a/b");
        assertThat(GH.toLogical("http://127.0.0.1:8089/ghost/x")).isEqualTo("http://127.0.0.1:8089/ghost/x");
    }

    @Test
    void urlsOfOtherOriginsPassUnchanged() {
        assertThat(GH.toWire("https://gitlab.freedesktop.org/api/v4/projects/1")).isEqualTo(
                "https://gitlab.freedesktop.org/api/v4/projects/1");
        assertThat(OriginRewrite.none().toWire("https://api.github.com/x")).isEqualTo("https://api.github.com/x");
    }

    @Test
    void theFirstMatchingRuleWins() {
        OriginRewrite two = new OriginRewrite(List.of(new OriginRewrite.Rule("https://criu.org", "http://a"),
                new OriginRewrite.Rule("https://criu.org", "http://b")));

        assertThat(two.toWire("https://criu.org/api.php")).isEqualTo("http://a/api.php");
    }

    @Test
    void mapsEveryUrlOfAMirrorsLinkHeaderBack() {
        String header = "<http://127.0.0.1:8089/gh/repositories/1/tags?per_page=100&page=2>; rel=\"next\", "
                + "<http://127.0.0.1:8089/gh/repositories/1/tags?per_page=100&page=5>; rel=\"last\"";

        assertThat(GH.linkHeaderToLogical(header)).isEqualTo(
                "<https://api.github.com/repositories/1/tags?per_page=100&page=2>; rel=\"next\", "
                        + "<https://api.github.com/repositories/1/tags?per_page=100&page=5>; rel=\"last\"");
    }

    @Test
    void leavesLinkHeadersWithLogicalOrForeignUrlsAndBrokenBracketsAlone() {
        String github = "<https://api.github.com/repositories/1/tags?page=2>; rel=\"next\"";
        String broken = "<http://127.0.0.1:8089/gh/x; rel=\"next\"";

        assertThat(GH.linkHeaderToLogical(github)).isEqualTo(github);
        assertThat(GH.linkHeaderToLogical(broken)).isEqualTo(broken);
        assertThat(GH.linkHeaderToLogical("")).isEmpty();
    }

    @Test
    void describesItselfAsTheFlagsWereGiven() {
        assertThat(GH).hasToString("https://api.github.com=http://127.0.0.1:8089/gh, "
                + "https://raw.githubusercontent.com=http://127.0.0.1:8089/raw");
    }
}
