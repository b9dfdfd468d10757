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

    private Result run(Path script, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile());
        builder.environment().remove("JAVA_HOME");
        builder.environment().remove("JAVA_OPTS");
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
        assertThat(result.out().lines()).containsExactly("[-Xmx256m]", "[-Dproxy.note=*]", "[-jar]", "[" + realJar() + "]",
                "[check]", "[--page]", "[Some Page]", "[--only]", "[*]");
    }

    @Test
    void findsItsJarThroughSymbolicLinksWhereverItIsCalledFrom() throws Exception {
        Path links = Files.createDirectories(tmp.resolve("home/.local/bin"));
        Path first = Files.createSymbolicLink(links.resolve("integration-status"),
                links.relativize(app.resolve("bin/integration-status")));
        Path second = Files.createSymbolicLink(tmp.resolve("istatus"), first);

        Result result = run(second, Map.of("JAVA_HOME", jdk.toString()), "--version");

        assertThat(result.out().lines()).containsExactly("[-jar]", "[" + realJar() + "]", "[--version]");
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

        assertThat(result.out().lines()).containsExactly("[-jar]",
                "[" + tree.resolve("cli/target/integration-status.jar").toRealPath() + "]", "[checkers]");
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
