package org.criu.status.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.testkit.AtomFixtures;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AtomFeedClientTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String TAGS = "https://github.com/CRaC/org.crac/tags.atom";

    private AtomFeedClient client() {
        return server.context().atomFeeds();
    }

    @Test
    void entriesOfGitHubsTagFeed() throws Exception {
        server.onGet(TAGS).atom(SourceServer.fixture(AtomFeedClientTest.class, "atom-tags-ok.xml"));

        AtomFeedClient.Feed feed = client().feed(AtomFeedClient.gitHubTags("CRaC/org.crac")).orElseThrow();

        assertThat(feed.title()).isEqualTo("Tags from org.crac");
        assertThat(feed.entries()).extracting(AtomFeedClient.Entry::title).containsExactly("1.5.0", "1.4.0", "1.3.0");
        AtomFeedClient.Entry newest = feed.entries().get(0);
        assertThat(newest.link()).isEqualTo("https://github.com/CRaC/org.crac/releases/tag/1.5.0");
        assertThat(newest.id()).isEqualTo("tag:github.com,2008:Repository/271281766/1.5.0");
        assertThat(newest.updated()).contains(Instant.parse("2024-06-19T16:28:34Z"));
        assertThat(newest.day()).contains(LocalDate.of(2024, 6, 19));
    }

    @Test
    void aFeedWithoutEntriesIsAnEmptyFeed() throws Exception {
        server.onGet(TAGS).atom(AtomFixtures.gitHubTags("CRaC/org.crac", List.of()));

        assertThat(client().feed(TAGS)).hasValueSatisfying(f -> assertThat(f.entries()).isEmpty());
    }

    @Test
    void aMissingFeedIsEmpty() throws Exception {
        server.onGet(TAGS).status(404);

        assertThat(client().feed(TAGS)).isEmpty();
    }

    @Test
    void serverErrorFailsNamingTheUrl() {
        server.onGet(TAGS).status(500);

        assertThatThrownBy(() -> client().feed(TAGS)).isInstanceOf(SourceException.class)
                .hasMessageContaining(TAGS).hasMessageContaining("500");
    }

    @Test
    void anEntryWithAnUnreadableDateIsMalformed() {
        server.onGet(TAGS).atom("""
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Tags</title>
                <entry><id>x</id><title>1.5.0</title><updated>June 2024</updated></entry></feed>""");

        assertThatThrownBy(() -> client().feed(TAGS)).isInstanceOf(SourceException.class)
                .hasMessageContaining("'June 2024'");
    }

    @Test
    void anHtmlPageServedWith200IsNotAFeed() {
        server.onGet(TAGS).html("<!DOCTYPE html><html><head><title>Page not found · GitHub</title></head>"
                + "<body><p>Not found</p></body></html>");

        assertThatThrownBy(() -> client().feed(TAGS)).isInstanceOf(SourceException.class)
                .hasMessageContaining("returned an HTML page (text/html), not an Atom feed");
    }

    @Test
    void anEntryWithoutRelTakesThatLinkAndPublishedStandsInForUpdated() throws Exception {
        server.onGet(TAGS).atom("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
                <entry><id>a</id><title>1.0</title><link rel="self" href="https://example.org/self"/>
                <link href="https://example.org/1.0"/><published>2023-05-10T20:52:20+03:00</published></entry></feed>""");

        AtomFeedClient.Entry entry = client().feed(TAGS).orElseThrow().entries().get(0);

        assertThat(entry.link()).isEqualTo("https://example.org/1.0");
        assertThat(entry.day()).contains(LocalDate.of(2023, 5, 10));
    }
}
