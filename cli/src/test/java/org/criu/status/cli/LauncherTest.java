package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/integration-status}, run by {@code sh} (POSIX, no bash features) against a stand-in java that
 * prints the arguments it got: which java, which jar, which options. ShadedJarIT runs it with the real jar.
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of(System.getProperty("user.dir")).getParent()
            .resolve("bin/integration-status");

    @TempDir
    Path tmp;

    private Path app;
    private Path jdk;

    private record Result(int code, String out, String err) {
    }

    /** An installed layout: app/bin/integration-status and app/lib/integration-status.jar; a fake JDK. */
    @BeforeEach
    void layout() throws IOException {
        app = tmp.resolve("app");
        Files.createDirectories(app.resolve("bin"));
        Files.copy(LAUNCHER, app.resolve("bin/integration-status"));
        Files.createDirectories(app.resolve("lib"));
        Files.writeString(app.resolve("lib/integration-status.jar"), "not really a jar");
        jdk = tmp.resolve("jdk dir");
        Files.createDirectories(jdk.resolve("bin"));
        Path java = Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\nfor a in \"$@\"; do echo \"[$a]\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The JVM options the launcher puts first (start-up: C1 only, serial GC, class data sharing if usable). */
    private static final List<String> START = List.of("[-XX:TieredStopAtLevel=1]", "[-XX:+UseSerialGC]",
            "[-Xshare:auto]");

    private static List<String> started(String... rest) {
        List<String> all = new ArrayList<>(START);
        all.addAll(List.of(rest));
        return all;
    }

    private Result run(Path script, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile());
        builder.environment().remove("JAVA_HOME");
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("INTEGRATION_STATUS_CDS");
        builder.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        builder.environment().putAll(env);
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String which(String tool) {
        for (String dir : List.of("/bin", "/usr/bin")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return dir + "/" + tool;
            }
        }
        throw new IllegalStateException(tool + " not found");
    }

    private String realJar() throws IOException {
        return app.resolve("lib/integration-status.jar").toRealPath().toString();
    }

    @Test
    void runsTheJarBesideItWithJavaHomesJavaAndJavaOptsKeepingArgumentsWhole() throws Exception {
        Result result = run(app.resolve("bin/integration-status"),
                Map.of("JAVA_HOME", jdk.toString(), "JAVA_OPTS", "-Xmx256m -Dproxy.note=*"),
                "check", "--page", "Some Page", "--only", "*");

        assertThat(result.err()).isEmpty();
        // The first check of this jar and java writes the class archive as it exits; JAVA_OPTS come after.
        List<String> args = result.out().lines().toList();
        assertThat(args.subList(0, 3)).isEqualTo(START);
        assertThat(args.get(3)).startsWith("[-XX:ArchiveClassesAtExit=" + tmp.resolve("cache/integration-status/cds"));
        assertThat(args.subList(4, args.size())).containsExactly("[-Xlog:cds=off]", "[-Xlog:cds+dynamic=off]",
                "[-Xmx256m]", "[-Dproxy.note=*]", "[-jar]", "[" + realJar() + "]", "[check]", "[--page]", "[Some Page]",
                "[--only]", "[*]");
    }

    @Test
    void aCheckWritesTheClassArchiveOnceAndLaterRunsMapIt() throws Exception {
        // A java that writes the archive it is asked to, as a real one does at exit.
        Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\nfor a in \"$@\"; do echo \"[$a]\"; case $a in "
                + "-XX:ArchiveClassesAtExit=*) echo archive > \"${a#*=}\" ;; esac; done\n");
        Path cds = tmp.resolve("cache/integration-status/cds");

        Result first = run(app.resolve("bin/integration-status"), Map.of("JAVA_HOME", jdk.toString()), "check");
        assertThat(first.code()).isZero();
        List<Path> archives;
        try (var files = Files.list(cds)) {
            archives = files.toList();
        }
        assertThat(archives).singleElement().satisfies(a -> assertThat(a.getFileName().toString())
                .matches("integration-status-[0-9]+\\.jsa"));

        Result second = run(app.resolve("bin/integration-status"), Map.of("JAVA_HOME", jdk.toString()), "--help");
        assertThat(second.out().lines()).containsExactlyElementsOf(started("[-XX:SharedArchiveFile=" + archives.get(0)
                + "]", "[-jar]", "[" + realJar() + "]", "[--help]"));

        Result off = run(app.resolve("bin/integration-status"), Map.of("JAVA_HOME", jdk.toString(),
                "INTEGRATION_STATUS_CDS", "off"), "check");
        assertThat(off.out().lines()).containsExactlyElementsOf(started("[-jar]", "[" + realJar() + "]", "[check]"));
    }

    @Test
    void aCheckStoppedBeforeItsReportLeavesNoArchiveAndTheNextCheckWritesIt() throws Exception {
        // A java that writes the archive, then exits as its command line says (exit 2: the page could not be read).
        Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\ncode=0\nfor a in \"$@\"; do echo \"[$a]\"; case $a in "
                + "-XX:ArchiveClassesAtExit=*) echo archive > \"${a#*=}\" ;; exit=*) code=${a#exit=} ;; esac; done\n"
                + "exit $code\n");
        Path cds = tmp.resolve("cache/integration-status/cds");

        Result failed = run(app.resolve("bin/integration-status"), Map.of("JAVA_HOME", jdk.toString()), "check",
                "exit=2");
        assertThat(failed.code()).isEqualTo(2);
        try (var files = Files.list(cds)) {
            assertThat(files.toList()).isEmpty(); // neither the archive nor its private temporary name
        }

        Result suggested = run(app.resolve("bin/integration-status"), Map.of("JAVA_HOME", jdk.toString()), "check",
                "exit=1");
        assertThat(suggested.code()).isEqualTo(1);
        assertThat(suggested.out()).contains("-XX:ArchiveClassesAtExit=");
        try (var files = Files.list(cds)) {
            assertThat(files.toList()).singleElement().satisfies(a -> assertThat(a.getFileName().toString())
                    .matches("integration-status-[0-9]+\\.jsa"));
        }
    }

    @Test
    void aRebuiltJarGetsANewArchive() throws Exception {
        Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\nfor a in \"$@\"; do echo \"[$a]\"; case $a in "
                + "-XX:ArchiveClassesAtExit=*) echo archive > \"${a#*=}\" ;; esac; done\n");
        run(app.resolve("bin/integration-status"), Map.of("JAVA_HOME", jdk.toString()), "check");
        Files.writeString(app.resolve("lib/integration-status.jar"), "another jar, rebuilt");

        Result rebuilt = run(app.resolve("bin/integration-status"), Map.of("JAVA_HOME", jdk.toString()), "check");

        assertThat(rebuilt.out()).contains("-XX:ArchiveClassesAtExit=").doesNotContain("-XX:SharedArchiveFile=");
        try (var files = Files.list(tmp.resolve("cache/integration-status/cds"))) {
            assertThat(files.toList()).hasSize(1); // the old jar's archive went
        }
    }

    @Test
    void findsItsJarThroughSymbolicLinksWhereverItIsCalledFrom() throws Exception {
        Path links = Files.createDirectories(tmp.resolve("home/.local/bin"));
        Path first = Files.createSymbolicLink(links.resolve("integration-status"),
                links.relativize(app.resolve("bin/integration-status")));
        Path second = Files.createSymbolicLink(tmp.resolve("istatus"), first);

        Result result = run(second, Map.of("JAVA_HOME", jdk.toString()), "--version");

        assertThat(result.out().lines()).containsExactlyElementsOf(started("[-jar]", "[" + realJar() + "]",
                "[--version]"));
    }

    @Test
    void findsTheJarOfASourceTreeAndUsesTheJavaOnPath() throws Exception {
        Path tree = tmp.resolve("source");
        Files.createDirectories(tree.resolve("bin"));
        Files.copy(LAUNCHER, tree.resolve("bin/integration-status"));
        Files.createDirectories(tree.resolve("cli/target"));
        Files.writeString(tree.resolve("cli/target/integration-status.jar"), "jar");

        Result result = run(tree.resolve("bin/integration-status"),
                Map.of("PATH", jdk.resolve("bin") + ":/usr/bin:/bin"), "checkers");

        assertThat(result.out().lines()).containsExactlyElementsOf(started("[-jar]",
                "[" + tree.resolve("cli/target/integration-status.jar").toRealPath() + "]", "[checkers]"));
    }

    @Test
    void saysWhatIsMissingAndExits2() throws Exception {
        Result badJavaHome = run(app.resolve("bin/integration-status"), Map.of("JAVA_HOME", tmp.resolve("nojdk").toString()));
        assertThat(badJavaHome.code()).isEqualTo(2);
        assertThat(badJavaHome.err()).contains("JAVA_HOME is " + tmp.resolve("nojdk")).contains("17 or newer");

        // A PATH with the tools the launcher uses but no java.
        Path tools = Files.createDirectories(tmp.resolve("tools"));
        Files.createSymbolicLink(tools.resolve("ls"), Path.of(which("ls")));
        Result noJava = run(app.resolve("bin/integration-status"), Map.of("PATH", tools.toString()));
        assertThat(noJava.code()).isEqualTo(2);
        assertThat(noJava.err()).contains("no java on PATH");

        Files.delete(app.resolve("lib/integration-status.jar"));
        Result noJar = run(app.resolve("bin/integration-status"), Map.of("JAVA_HOME", jdk.toString()));
        assertThat(noJar.code()).isEqualTo(2);
        assertThat(noJar.err()).contains("no jar at " + app.toRealPath().resolve("lib/integration-status.jar"))
                .contains("./mvnw -B -DskipTests package");
    }

    @Test
    void theLauncherInTheRepositoryIsExecutable() {
        assertThat(Files.isExecutable(LAUNCHER)).isTrue();
    }
}
