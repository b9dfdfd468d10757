package org.criu.status.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.model.WikiPage;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MediaWikiClient against answers shaped like MediaWiki's (hosts are WireMock-rewritten, see SourceServer). */
class MediaWikiClientTest {

    private static final String API = "https://criu.org/api.php";

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    /** A formatversion=2 answer for one page, as MediaWiki 1.35 gives it. */
    private static String answer(String content) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("batchcomplete", true);
        ObjectNode page = root.putObject("query").putArray("pages").addObject();
        page.put("pageid", 42).put("ns", 0).put("title", "Integration");
        ObjectNode revision = page.putArray("revisions").addObject();
        revision.put("revid", 5678).put("parentid", 5677).put("timestamp", "2025-03-02T10:00:00Z");
        revision.putObject("slots").putObject("main").put("contentmodel", "wikitext")
                .put("contentformat", "text/x-wiki").put("content", content);
        return root.toString();
    }

    @Test
    void aPageUpToMediaWikisDefaultSizeIsRead() throws SourceException {
        // 2 MiB exactly, counted in UTF-8 bytes: "é" is two of them.
        String content = "é".repeat(MediaWikiClient.MAX_PAGE_BYTES / 2);
        server.onGet(MediaWikiClient.queryUrl(API, "Integration")).json(answer(content));

        WikiPage page = new MediaWikiClient(server.context().http()).fetch(API, "Integration");

        assertThat(page.wikitext()).hasSize(MediaWikiClient.MAX_PAGE_BYTES / 2);
        assertThat(page.revision()).contains(5678L);
    }

    @Test
    void aLargerPageIsRefusedNamingThePageAndTheLimit() {
        String content = "é".repeat(MediaWikiClient.MAX_PAGE_BYTES / 2) + "x";
        server.onGet(MediaWikiClient.queryUrl(API, "Integration")).json(answer(content));

        assertThatThrownBy(() -> new MediaWikiClient(server.context().http()).fetch(API, "Integration"))
                .isInstanceOf(SourceException.class)
                .hasMessage("page 'Integration' from https://criu.org/api.php is 2097153 bytes of wikitext, more than "
                        + "the 2097152 (2 MiB) a MediaWiki page holds by default ($wgMaxArticleSize); refusing it");
    }

    @Test
    void utf8LengthCountsEncodedBytes() {
        assertThat(MediaWikiClient.utf8Length("a")).isEqualTo(1);
        assertThat(MediaWikiClient.utf8Length("é")).isEqualTo(2);
        assertThat(MediaWikiClient.utf8Length("€")).isEqualTo(3);
        assertThat(MediaWikiClient.utf8Length("😀")).isEqualTo(4);
        assertThat(MediaWikiClient.utf8Length("a😀é€")).isEqualTo("a😀é€".getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
}
