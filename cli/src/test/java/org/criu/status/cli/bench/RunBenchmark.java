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
 * <p>Arguments: {@code [recording-dir] [latency-ms] [jobs] [launcher] [repetitions]}, defaulting to
 * {@code ../examples/criu-2026-11 300 32 ../bin/integration-status 5}. It uses whatever {@code .http} files the
 * recording has, so it grows with the checkers. With a launcher that exists it also measures whole processes
 * ({@link ProcessBenchmark}): JVM start, a cold check, start-up of commands that make no request, 10,000 entries.
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
        int jobs = args.length > 2 ? Integer.parseInt(args[2]) : org.criu.status.core.engine.Engine.DEFAULT_JOBS;
        Path launcher = Path.of(args.length > 3 ? args[3] : "../bin/integration-status");
        int repetitions = args.length > 4 ? Integer.parseInt(args[4]) : 5;
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
        Map<String, int[]> chains = chains(recording, latency);

        print(recording, latency, exchanges, results, chains);
        if (Files.isExecutable(launcher)) {
            processes(recording, latency, jobs, launcher, repetitions, chains);
        }
    }

    /** Whole processes: the launcher as a user starts it, JVM start measured beside it. */
    private static void processes(Path recording, Duration latency, int jobs, Path launcher, int repetitions,
                                  Map<String, int[]> chains) throws Exception {
        ProcessBenchmark bench = new ProcessBenchmark(launcher);
        double[] load = loadAverage();
        List<ProcessBenchmark.Row> rows = new ArrayList<>();
        Path page = ProcessBenchmark.bigPage(recording, 10_000, Files.createTempDirectory("istatus-bench-page"));
        try (RecordingServer server = new RecordingServer(recording, latency, Duration.ofMinutes(10))) {
            List<String> check = new ArrayList<>(List.of("check", "--format", "json", "--timeout", "120",
                    "--cache", "{cache}"));
            check.addAll(server.originArgs());
            ProcessBenchmark.Row start = bench.jvmStart(repetitions);
            rows.add(start);
            // The first check after a build writes the launcher's class archive (once per jar and java): its own row.
            rows.add(bench.launcher("check, first after a build (writes the class archive)", check, 1, true));
            rows.add(bench.launcher("--help", List.of("--help"), repetitions, true));
            rows.add(bench.launcher("checkers", List.of("checkers"), repetitions, true));
            rows.add(bench.launcher("parse --page-file (10,000 entries)", List.of("parse", "--page-file",
                    page.getParent().resolve("page-10000.wiki").toString(), "--format", "json"), 1, true));
            ProcessBenchmark.Row cold = bench.launcher("check, cold (new JVM, empty cache)", check, repetitions, true);
            rows.add(cold);
            rows.add(bench.launcher("check, warm disk cache (new JVM, answers stale: revalidated)", check,
                    repetitions, false));
            List<String> big = new ArrayList<>(check);
            big.addAll(List.of("--page-file", page.toString()));
            rows.add(bench.launcher("check, 10,000 entries (duplicate headings), cold", big, 2, true));
            Map<String, Long> classes = new LinkedHashMap<>();
            classes.put("--help", bench.classes(List.of("--help")));
            classes.put("checkers", bench.classes(List.of("checkers")));
            classes.put("parse --page-file", bench.classes(List.of("parse", "--page-file",
                    page.getParent().resolve("page-10000.wiki").toString())));
            classes.put("check", bench.classes(check));
            double[] after = loadAverage();
            long ms = latency.toMillis();
            int depth = chains.values().stream().mapToInt(c -> c[1]).max().orElse(0);
            long floor = start.median(ProcessBenchmark.Sample::wallMillis) + depth * ms;
            System.out.println();
            System.out.printf("Whole processes (%s, default --jobs), %d ms per request; load average (1 min) %.2f"
                    + " before, %.2f after%n", launcher.getFileName(), ms, load[0], after[0]);
            System.out.println();
            System.out.println("| command | runs | wall ms median | min | max | CPU ms median | peak RSS MB median |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            for (ProcessBenchmark.Row r : rows) {
                System.out.printf("| %s | %d | %d | %d | %d | %d | %.0f |%n", r.name(), r.samples().size(),
                        r.median(ProcessBenchmark.Sample::wallMillis), r.min(), r.max(),
                        r.median(ProcessBenchmark.Sample::cpuMillis),
                        r.median(ProcessBenchmark.Sample::rssKb) / 1024.0);
            }
            System.out.println();
            System.out.println("classes loaded: " + classes);
            System.out.printf("floor = JVM start %d ms + deepest dependency %d requests (page included) x %d ms = %d ms;"
                    + " cold check median %d ms = %.2fx the floor%n", start.median(ProcessBenchmark.Sample::wallMillis),
                    depth, ms, floor, cold.median(ProcessBenchmark.Sample::wallMillis),
                    cold.median(ProcessBenchmark.Sample::wallMillis) / (double) floor);
        } finally {
            ProcessBenchmark.delete(page.getParent());
            bench.close();
        }
    }

    /** The 1-minute load average (Linux), to say how busy the machine was; NaN elsewhere. */
    private static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return new double[] {Double.parseDouble(f[0])};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN};
        }
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
     * Each checker alone on an empty cache, in this (warm) JVM: its requests (past the page) and its dependency
     * depth, the page included: how many latencies its run takes, (wall at the benchmark's latency - wall with none)
     * / latency, rounded (requests that go out together count once; a checker asking one thing after another has
     * depth = requests + 1). Each is the better of two runs.
     */
    private static Map<String, int[]> chains(Path recording, Duration latency) throws Exception {
        Map<String, int[]> chains = new LinkedHashMap<>();
        try (RecordingServer slow = new RecordingServer(recording, latency, Duration.ZERO);
             RecordingServer fast = new RecordingServer(recording, Duration.ZERO, Duration.ZERO)) {
            for (CheckerRegistry.Discovered d : CheckerRegistry.load(RunBenchmark.class.getClassLoader()).all()) {
                String id = d.checker().id();
                long[] wall = new long[2];
                int sent = 0;
                for (int i = 0; i < 2; i++) {
                    RecordingServer server = i == 0 ? fast : slow;
                    long best = Long.MAX_VALUE;
                    for (int rep = 0; rep < 2; rep++) {
                        Path cache = Files.createTempDirectory("istatus-bench-cache");
                        Result r = run(server, id, 8, cache, List.of("--only", id));
                        best = Math.min(best, r.wallMillis());
                        sent = r.sent();
                        delete(cache);
                    }
                    wall[i] = best;
                }
                int depth = (int) Math.round((wall[1] - wall[0]) / (double) latency.toMillis());
                chains.put(id, new int[] {Math.max(0, sent - 1), depth});
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
                              Map<String, int[]> chains) {
        long ms = latency.toMillis();
        int longest = chains.values().stream().mapToInt(c -> c[1]).max().orElse(0);
        int sum = chains.values().stream().mapToInt(c -> c[0]).sum() + 1;
        System.out.printf("recording %s: %d exchanges; %d ms per request; %d checkers%n", recording.getFileName(),
                exchanges, ms, chains.size());
        System.out.printf("deepest chain of dependent requests (page + deepest checker): %d requests = %d ms; "
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
        System.out.println("| checker alone (cold) | requests | depth (page included) |");
        System.out.println("|---|---:|---:|");
        chains.forEach((id, c) -> System.out.printf("| %s | %d | %d |%n", id, c[0], c[1]));
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
