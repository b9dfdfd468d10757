package org.criu.status.core.spi;

import java.time.Clock;
import org.criu.status.core.source.AtomFeedClient;
import org.criu.status.core.source.AzulClient;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.GitLabClient;
import org.criu.status.core.source.RepologyClient;
import org.criu.status.core.source.SourceHttp;
import org.criu.status.core.source.WebPageClient;

/**
 * What a checker may use: the run's shared source clients (one HTTP client, its cache, tokens and
 * rewrites behind them) and the clock. A checker never builds its own HTTP client.
 */
public interface CheckContext {

    /** GitHub REST and raw file contents. */
    GitHubClient github();

    /** GitLab REST v4 on gitlab.freedesktop.org; {@link GitLabClient#onHost} for another GitLab. */
    GitLabClient gitlab();

    /** Repology's API: distribution packages of a project. */
    RepologyClient repology();

    /** Azul's metadata API: Zulu builds of OpenJDK, with or without CRaC. */
    AzulClient azul();

    /** Web pages as a person reads them (title, visible text, CSS selections). */
    WebPageClient webPages();

    /** Atom feeds, such as GitHub's tags.atom and releases.atom. */
    AtomFeedClient atomFeeds();

    /** Plain GETs through the run's client, for sources without a typed client yet. */
    SourceHttp http();

    /** The run's clock: "now" for age rules, fixed in tests. */
    Clock clock();

    /**
     * Asks several independent things at once (the parts of a combined entry, a file at several refs): use it
     * wherever one answer does not decide the next question, so a check costs its dependency depth in round trips
     * rather than its request count. Requests still go through the run's client and its per-host limits.
     */
    default org.criu.status.core.source.Parallel parallel() {
        return http().parallel();
    }
}
