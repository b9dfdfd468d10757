package org.criu.status.core.engine;

import java.time.Clock;
import okhttp3.OkHttpClient;
import org.criu.status.core.rules.VerdictRules;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.SourceHttp;
import org.criu.status.core.spi.CheckContext;

/** The {@link CheckContext} of one run: source clients over the run's single OkHttp client. */
public final class RunContext implements CheckContext {

    private final SourceHttp http;
    private final GitHubClient github;
    private final VerdictRules rules;
    private final Clock clock;

    public RunContext(OkHttpClient client, Clock clock) {
        this.http = new SourceHttp(client);
        this.github = new GitHubClient(http);
        this.rules = new VerdictRules(clock);
        this.clock = clock;
    }

    @Override
    public GitHubClient github() {
        return github;
    }

    @Override
    public SourceHttp http() {
        return http;
    }

    @Override
    public VerdictRules rules() {
        return rules;
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
