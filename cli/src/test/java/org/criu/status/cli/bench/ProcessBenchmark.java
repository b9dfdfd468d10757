package org.criu.status.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.criu.status.core.http.Exchange;
import org.criu.status.core.source.SourceHttp;

/**
 * Whole-process figures: the launcher ({@code bin/integration-status}) started as a new JVM for every run, against
 * the same {@link RecordingServer} (the recording served on loopback with a fixed latency). Wall, CPU (user + system)
 * and peak RSS come from {@code /usr/bin/time} when it is there (else wall only). The child reaches nothing but the
 * loopback server: every origin is rewritten there and any other host goes to a closed local port through the
 * proxy variables.
 */
final class ProcessBenchmark {

    /** One process: wall, CPU and peak RSS (-1 when unknown), exit code. */
    record Sample(long wallMillis, long cpuMillis, long rssKb, int exit) {
    }

    /** Several runs of one command: median, min and max wall; median CPU and RSS. */
    record Row(String name, List<Sample> samples) {
        long median(java.util.function.ToLongFunction<Sample> f) {
            long[] v = samples.stream().mapToLong(f).sorted().toArray();
            return v[v.length / 2];
        }

        long min() {
            return samples.stream().mapToLong(Sample::wallMillis).min().orElse(-1);
        }

        long max() {
            return samples.stream().mapToLong(Sample::wallMillis).max().orElse(-1);
        }
    }

    private static final Path TIME = Path.of("/usr/bin/time");

    private final Path launcher;
    private final Path home;

    ProcessBenchmark(Path launcher) throws IOException {
        this.launcher = launcher.toAbsolutePath();
        this.home = Files.createTempDirectory("istatus-bench-home");
    }

    /**
     * JVM start as this machine pays it in the same run: the same java runs a class that does nothing
     * ({@link JvmStart}), the floor no Java command can go under.
     */
    Row jvmStart(int repetitions) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = Path.of(JvmStart.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            samples.add(run(List.of(java, "-cp", classpath, JvmStart.class.getName()), Map.of()));
        }
        return new Row("JVM start (a main that returns)", samples);
    }

    /** The launcher with {@code args}, {@code repetitions} times; {@code fresh} gives each run an empty cache. */
    Row launcher(String name, List<String> args, int repetitions, boolean emptyCache) throws Exception {
        List<Sample> samples = new ArrayList<>();
        Path cache = Files.createTempDirectory(home, "cache");
        for (int i = 0; i < repetitions; i++) {
            if (emptyCache) {
                delete(cache);
                Files.createDirectories(cache);
            }
            List<String> command = new ArrayList<>(List.of(launcher.toString()));
            command.addAll(args.stream().map(a -> a.replace("{cache}", cache.toString())).toList());
            Sample s = run(command, Map.of());
            if (s.exit() > 1 && s.exit() != 3) {
                throw new IllegalStateException(name + ": exit " + s.exit() + " from " + command);
            }
            samples.add(s);
        }
        delete(cache);
        return new Row(name, samples);
    }

    /** How many classes the JVM loads for the launcher with {@code args} (-Xlog:class+load through JAVA_OPTS). */
    long classes(List<String> args) throws Exception {
        Path log = Files.createTempFile(home, "classes", ".log");
        Path cache = Files.createTempDirectory(home, "cache");
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(args.stream().map(a -> a.replace("{cache}", cache.toString())).toList());
        run(command, Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + log));
        long n;
        try (Stream<String> lines = Files.lines(log)) {
            n = lines.count();
        }
        delete(cache);
        Files.deleteIfExists(log);
        return n;
    }

    private Sample run(List<String> command, Map<String, String> env) throws Exception {
        Path timing = Files.createTempFile(home, "time", ".txt");
        List<String> full = new ArrayList<>();
        boolean timed = Files.isExecutable(TIME);
        if (timed) {
            full.addAll(List.of(TIME.toString(), "-o", timing.toString(), "-f", "%e %U %S %M"));
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(home.resolve("stderr.txt").toFile());
        Map<String, String> e = pb.environment();
        e.put("HOME", home.toString());
        e.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        e.remove("GITHUB_TOKEN");
        e.remove("GITLAB_TOKEN");
        e.remove("JAVA_OPTS");
        // Anything not rewritten to loopback goes to a closed local port: never the internet.
        for (String v : List.of("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")) {
            e.put(v, "http://127.0.0.1:9");
        }
        e.put("no_proxy", "127.0.0.1,localhost");
        e.put("NO_PROXY", "127.0.0.1,localhost");
        e.putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        int exit = p.waitFor();
        long wall = (System.nanoTime() - start) / 1_000_000;
        long cpu = -1;
        long rss = -1;
        if (timed) {
            String[] f = Files.readString(timing).strip().lines().reduce((a, b) -> b).orElse("").split(" ");
            if (f.length == 4) {
                cpu = Math.round((Double.parseDouble(f[1]) + Double.parseDouble(f[2])) * 1000);
                rss = Long.parseLong(f[3]);
            }
        }
        Files.deleteIfExists(timing);
        return new Sample(wall, cpu, rss, exit);
    }

    /**
     * A page of {@code entries} entries made of the recorded page's entries repeated: the same headings again and
     * again, as a page pasted into itself would have them.
     */
    static Path bigPage(Path recording, int entries, Path dir) throws IOException {
        String wikitext = null;
        try (Stream<Path> files = Files.list(recording)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("criu.org_api.php")).toList()) {
                Exchange x = Exchange.read(f);
                JsonNode content = SourceHttp.JSON.readTree(x.body()).at("/query/pages/0/revisions/0/slots/main/content");
                if (content.isTextual()) {
                    wikitext = content.asText();
                }
            }
        }
        if (wikitext == null) {
            throw new IOException(recording + ": no recorded wiki page");
        }
        List<String> block = new ArrayList<>();
        String heading = null;
        int perBlock = 0;
        for (String line : wikitext.lines().toList()) {
            if (line.startsWith("===")) {
                heading = line;
            } else if (line.startsWith("'''Status:'''") && heading != null) {
                block.add(heading + "\n" + line + "\n");
                perBlock++;
                heading = null;
            }
        }
        StringBuilder page = new StringBuilder("== Container platforms ==\n");
        for (int n = 0; n < entries; n++) {
            page.append(block.get(n % perBlock));
        }
        Path file = dir.resolve("page-" + entries + ".wiki");
        Files.writeString(file, page, StandardCharsets.UTF_8);
        return file;
    }

    void close() throws IOException {
        delete(home);
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
