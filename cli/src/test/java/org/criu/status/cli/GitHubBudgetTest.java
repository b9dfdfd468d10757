package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.cli.CliRun.args;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An unauthenticated run may make 60 GitHub core requests an hour; a full check must leave room for a second
 * run in the same hour (a retry, a cron run right after a manual one). Counted on the bundled recording, whose
 * exchanges are what a live run asks today: a checker or recipe that adds API requests shows here first.
 */
class GitHubBudgetTest {

    /** Half of the hourly 60: two runs an hour must fit. */
    private static final int CORE_PER_RUN = 30;
    /** The search API's own limit is 10 a minute unauthenticated: one run must stay well inside it. */
    private static final int SEARCH_PER_RUN = 5;

    @Test
    void aFullDemoRunLeavesRoomForASecondWithinGitHubsHourlyLimit() {
        CliRun run = CliRun.of(args("check", "--replay", CheckCommandTest.RECORDING, "--verbose", "--quiet"));

        List<String> github = run.err().lines().filter(l -> l.matches("^[A-Z]+ https://api\\.github\\.com/.*"))
                .toList();
        List<String> search = github.stream().filter(l -> l.contains("api.github.com/search/")).toList();

        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
        assertThat(github).as("the run asked GitHub's API at all (the count below means something)").isNotEmpty();
        assertThat(github.size() - search.size()).as("GitHub core requests of one full run:\n"
                + String.join("\n", github)).isLessThanOrEqualTo(CORE_PER_RUN);
        assertThat(search).as("GitHub search requests of one full run").hasSizeLessThanOrEqualTo(SEARCH_PER_RUN);
    }
}
