package org.criu.status.core.engine;

import java.time.Clock;
import okhttp3.OkHttpClient;
import org.criu.status.core.source.AtomFeedClient;
import org.criu.status.core.source.AzulClient;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.GitLabClient;
import org.criu.status.core.source.RepologyClient;
import org.criu.status.core.source.SourceHttp;
import org.criu.status.core.source.WebPageClient;
import org.criu.status.core.spi.CheckContext;

/** The {@link CheckContext} of one run: source clients over the run's single OkHttp client. */
public final class RunContext implements CheckContext {

    private final SourceHttp http;
    private final GitHubClient github;
    // The clients below hold nothing but the shared SourceHttp, so building them up front costs nothing.
    private final GitLabClient gitlab;
    private final RepologyClient repology;
    private final AzulClient azul;
    private final WebPageClient webPages;
    private final AtomFeedClient atomFeeds;
    private final Clock clock;

    public RunContext(OkHttpClient client, Clock clock) {
        this.http = new SourceHttp(client);
        this.github = new GitHubClient(http);
        this.gitlab = new GitLabClient(http);
        this.repology = new RepologyClient(http);
        this.azul = new AzulClient(http);
        this.webPages = new WebPageClient(http);
        this.atomFeeds = new AtomFeedClient(http);
        this.clock = clock;
    }

    @Override
    public GitHubClient github() {
        return github;
    }

    @Override
    public GitLabClient gitlab() {
        return gitlab;
    }

    @Override
    public RepologyClient repology() {
        return repology;
    }

    @Override
    public AzulClient azul() {
        return azul;
    }

    @Override
    public WebPageClient webPages() {
        return webPages;
    }

    @Override
    public AtomFeedClient atomFeeds() {
        return atomFeeds;
    }

    @Override
    public SourceHttp http() {
        return http;
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
