package org.criu.status.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The help's "Examples" and "Environment" sections, shared by the commands that use them. Every line fits in
 * picocli's 80 columns, so none is wrapped (and no URL or path is cut).
 */
final class HelpSections {

    static final String[] EXAMPLES = {
        "",
        "Examples:",
        "  The offline demo, from the recording in the source tree (exits 1: it finds",
        "  suggestions; 0 would mean nothing to change):",
        "    integration-status check --replay examples/criu-2026-11",
        "  A live run with a token: 5,000 GitHub requests an hour instead of 60:",
        "    GITHUB_TOKEN=ghp_... integration-status check",
        "  From cron, each morning: the report replaced atomically where a web server",
        "  publishes it; only errors reach stderr, which cron mails:",
        "    0 6 * * *  integration-status check --output /var/www/html/criu.txt",
        "  Install: link bin/integration-status (the launcher, beside the jar) into",
        "  your PATH; tab completion: integration-status completion --help",
    };

    static final String[] ENVIRONMENT = {
        "",
        "Environment:",
        "  GITHUB_TOKEN    sent only to api.github.com (or its --origin mirror), over",
        "                  https; 5,000 requests an hour instead of 60",
        "  GITLAB_TOKEN    sent only to GITLAB_HOST (default gitlab.freedesktop.org)",
        "  HTTPS_PROXY     proxy for https:// URLs: http://[user:password@]host:port",
        "  HTTP_PROXY      proxy for http:// URLs; ALL_PROXY for both. Lower-case",
        "                  names work too, and win; the password goes to the proxy",
        "                  only. -Dhttps.proxyHost=... in JAVA_OPTS wins over these",
        "  NO_PROXY        hosts, domains, IP addresses or CIDR ranges reached",
        "                  directly, comma-separated; * for all",
        "  NO_COLOR        no colour in the output",
        "  XDG_CACHE_HOME  the HTTP cache is $XDG_CACHE_HOME/integration-status",
        "                  (default: $HOME/.cache/integration-status)",
        "  JAVA_HOME       the Java that bin/integration-status runs (default: the",
        "                  java on PATH)",
        "  JAVA_OPTS       JVM options for bin/integration-status, e.g. -Xmx256m",
    };

    private HelpSections() {
    }

    /** Appends sections to a command's help footer. */
    static void append(CommandLine command, String[]... sections) {
        List<String> footer = new ArrayList<>(List.of(command.getCommandSpec().usageMessage().footer()));
        for (String[] section : sections) {
            footer.addAll(List.of(section));
        }
        command.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
    }
}
