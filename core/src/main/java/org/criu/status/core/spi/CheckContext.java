package org.criu.status.core.spi;

import java.time.Clock;
import org.criu.status.core.rules.VerdictRules;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.SourceHttp;

/**
 * What a checker may use: the run's shared source clients (one HTTP client, its cache, tokens and
 * rewrites behind them), the verdict rules and the clock. A checker never builds its own HTTP client.
 */
public interface CheckContext {

    /** GitHub REST and raw file contents. */
    GitHubClient github();

    /** Plain GETs through the run's client, for sources without a typed client yet. */
    SourceHttp http();

    /** The shared rules that turn evidence into an assessment. */
    VerdictRules rules();

    /** The run's clock: "now" for age rules, fixed in tests. */
    Clock clock();
}
