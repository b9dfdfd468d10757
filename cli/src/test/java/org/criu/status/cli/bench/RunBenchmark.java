package org.criu.status.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.criu.status.cli.Main;
import org.criu.status.core.engine.CheckerRegistry;

/**
 * Measures a whole {@code check} run against the bundled recording served with a fixed latency per request:
 * cold and warm (disk cache), parallel and serial, with requests sent, 304s, cache hits and peak heap. Not a
 * test: run it on purpose (see docs/PERFORMANCE.md for the command) and compare numbers on one machine.
 *
 * <p>Arguments: {@code [recording-dir] [latency-ms] [jobs]}, defaulting to {@code ../examples/criu-2026-11 300 8}.
 * It uses whatever {@code .http} files the recording has, so it grows with the checkers.
 */
public final class RunBenchmark {

    private RunBenchmark() {
    }

    /** What one run did. */
    record Result(String name, int jobs, long wallMillis, int sent, int notModified, int cacheHits, int memoryHits,
                  int unmatched, long peakHeapBytes, int exit) {
    }

    public static void main(String[] args) throws Exception {
        Path recording = Path.of(args.length > 0 ? args[0] : "../examples/criu-2026-11");
        Duration latency = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 300);
        int jobs = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        guardAgainstTheInternet();

        List<Result> results = new ArrayList<>();
        int exchanges;
        // Answers dated 10 minutes back: a later run finds them stale and revalidates (the hourly cron case).
        try (RecordingServer server = new RecordingServer(recording, latency, Duration.ofMinutes(10))) {
            exchanges = server.exchanges();
            warmUp(server);
            for (int j : new int[] {jobs, 1}) {
                Path cache = Files.createTempDirectory("istatus-bench-cache");
                results.add(run(server, "cold (empty cache)", j, cache, List.of()));
                results.add(run(server, "warm, answers stale: revalidated", j, cache, List.of()));
                delete(cache);
            }
        }
        // Answers dated now: a run within GitHub's max-age reads its disk cache without asking.
        try (RecordingServer server = new RecordingServer(recording, latency, Duration.ZERO)) {
            Path cache = Files.createTempDirectory("istatus-bench-cache");
            run(server, "(fill cache)", jobs, cache, List.of());
            results.add(run(server, "warm, within max-age: from disk", jobs, cache, List.of()));
            delete(cache);
        }
        Map<String, Integer> chains = chains(recording, latency);

        print(recording, latency, exchanges, results, chains);
    }

    /** One CLI run through --origin, counting what reached the server and what the verbose log says answered. */
    private static Result run(RecordingServer server, String name, int jobs, Path cache, List<String> extra) {
        server.reset();
        List<String> args = new ArrayList<>(List.of("check", "--format", "json", "--verbose", "--timeout", "120",
                "--jobs", Integer.toString(jobs), "--cache", cache.toString()));
        args.addAll(extra);
        args.addAll(server.originArgs());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        int exit = Main.execute(Map.of("HOME", cache.toString()), new PrintWriter(out), new PrintWriter(err),
                args.toArray(String[]::new));
        long wall = (System.nanoTime() - start) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        List<String> lines = err.toString().lines().filter(l -> l.startsWith("GET ")).toList();
        int notModified = (int) server.served().stream().filter(e -> e.getResponse().getStatus() == 304).count();
        if (exit > 1 && exit != 3) {
            throw new IllegalStateException(name + ": exit " + exit + "\n" + err);
        }
        return new Result(name, jobs, wall, server.served().size(), notModified, count(lines, " cache "),
                count(lines, " memory ") + count(lines, " shared "), server.unmatched(), peak, exit);
    }

    private static int count(List<String> lines, String origin) {
        return (int) lines.stream().filter(l -> l.contains(origin)).count();
    }

    /**
     * The longest chain of dependent requests: each checker alone, serially, on an empty cache; its requests
     * past the page are its chain (a checker asks one thing after another), plus the page everyone waits for.
     */
    private static Map<String, Integer> chains(Path recording, Duration latency) throws Exception {
        Map<String, Integer> chains = new LinkedHashMap<>();
        try (RecordingServer server = new RecordingServer(recording, Duration.ZERO, Duration.ZERO)) {
            for (CheckerRegistry.Discovered d : CheckerRegistry.load(RunBenchmark.class.getClassLoader()).all()) {
                Path cache = Files.createTempDirectory("istatus-bench-cache");
                Result r = run(server, d.checker().id(), 1, cache, List.of("--only", d.checker().id()));
                chains.put(d.checker().id(), Math.max(0, r.sent() - 1));
                delete(cache);
            }
        }
        return chains;
    }

    /** One unmeasured run so class loading and JIT do not land on the first measured row. */
    private static void warmUp(RecordingServer server) throws IOException {
        Path cache = Files.createTempDirectory("istatus-bench-cache");
        run(server, "warm-up", 8, cache, List.of("--no-cache"));
        delete(cache);
    }

    /**
     * Sends anything not rewritten to the loopback server into a closed local port: a checker asking for an
     * origin the recording lacks fails fast instead of reaching the internet.
     */
    private static void guardAgainstTheInternet() {
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                String host = uri.getHost();
                if ("127.0.0.1".equals(host) || "localhost".equals(host)) {
                    return List.of(Proxy.NO_PROXY);
                }
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 9)));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        });
    }

    private static void print(Path recording, Duration latency, int exchanges, List<Result> results,
                              Map<String, Integer> chains) {
        long ms = latency.toMillis();
        int longest = chains.values().stream().max(Integer::compare).orElse(0) + 1;
        int sum = chains.values().stream().mapToInt(Integer::intValue).sum() + 1;
        System.out.printf("recording %s: %d exchanges; %d ms per request; %d checkers%n", recording.getFileName(),
                exchanges, ms, chains.size());
        System.out.printf("longest chain of dependent requests (page + slowest checker): %d requests = %d ms; "
                + "all requests one after another: %d requests = %d ms%n%n", longest, longest * ms, sum, sum * ms);
        System.out.println("| run | jobs | wall ms | requests sent | 304s | disk-cache hits | memory hits "
                + "| unrecorded | peak heap MB |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            System.out.printf("| %s | %d | %d | %d | %d | %d | %d | %d | %.0f |%n", r.name(), r.jobs(), r.wallMillis(),
                    r.sent(), r.notModified(), r.cacheHits(), r.memoryHits(), r.unmatched(),
                    r.peakHeapBytes() / (1024.0 * 1024.0));
        }
        System.out.println();
        System.out.println("requests per checker when run alone (cold): " + chains);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
