package org.criu.status.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.criu.status.core.http.Http;
import org.criu.status.core.http.HttpOptions;
import org.criu.status.core.http.OriginRewrite;
import picocli.CommandLine.Option;

/**
 * How the run reaches its sources: rewrites, record/replay, cache, verbosity. Proxies come from the environment
 * ({@code HTTPS_PROXY}, ...; see {@link org.criu.status.core.http.EnvProxySelector}); each command has its own
 * {@code --timeout} ({@link Timeouts}).
 */
final class RunOptions {

    @Option(names = "--origin", paramLabel = "FROM=TO",
            description = "Send requests for FROM to TO instead (mirrors, tests); repeatable. "
                    + "Example: --origin https://api.github.com=http://127.0.0.1:8089/gh")
    List<String> origins = new ArrayList<>();

    @Option(names = "--record", paramLabel = "DIR", description = "Save every HTTP exchange of the run into DIR.")
    Optional<Path> record;

    @Option(names = "--replay", paramLabel = "DIR",
            description = "Answer every request from a recording in DIR; never touch the network.")
    Optional<Path> replay;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "HTTP cache folder: a later run asks 'changed since?' (ETag / Last-Modified) and unchanged "
                    + "answers come back as bodiless 304s, which GitHub does not count against its hourly limit "
                    + "(default: $XDG_CACHE_HOME/integration-status or ~/.cache/integration-status).")
    Optional<Path> cache;

    @Option(names = "--no-cache", description = "Do not use or write the HTTP cache.")
    boolean noCache;

    @Option(names = "--verbose", description = "One line per HTTP request on stderr: method, URL, status, "
            + "answered by (network, 304, cache, memory, shared, replay), milliseconds; tokens never appear.")
    boolean verbose;

    /**
     * The run's HTTP client.
     *
     * @param perRequest connect and read timeout of one request (a whole call gets three times this)
     */
    OkHttpClient client(Map<String, String> env, PrintWriter err, Duration perRequest) {
        List<OriginRewrite.Rule> rules = validate();
        Optional<Path> cacheDir = noCache ? Optional.empty() : Optional.of(cache.orElseGet(() -> defaultCache(env)));
        HttpOptions options = new HttpOptions(new OriginRewrite(rules), record, replay, cacheDir, verbose, env,
                perRequest, new PrintStream(new WriterOutputStream(err), true));
        try {
            return Http.client(options);
        } catch (IOException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    /**
     * Checks the options as {@link #client} would, without building anything: a command that turns out to need no
     * request still refuses bad options.
     */
    List<OriginRewrite.Rule> validate() {
        List<OriginRewrite.Rule> rules = new ArrayList<>();
        for (String spec : origins) {
            try {
                rules.add(OriginRewrite.parseRule(spec));
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
        }
        if (record.isPresent() && replay.isPresent()) {
            throw new UserInputException("--record and --replay cannot be used together");
        }
        return rules;
    }

    static Path defaultCache(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".cache");
        return base.resolve("integration-status");
    }

    /** Lets --verbose lines go to the command's err writer, which tests capture. */
    private static final class WriterOutputStream extends java.io.OutputStream {
        private final PrintWriter writer;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterOutputStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public synchronized void flush() {
            writer.print(line.toString(java.nio.charset.StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }
}
