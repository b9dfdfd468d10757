package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.criu.status.core.spi.Checker;
import org.junit.jupiter.api.Test;

/**
 * The removal contract (core test kit, {@code RemovalContract}: rename, moved content, restructured tree,
 * deletion, failing comparison) runs over every checker that declares it can claim a removal: each such checker's
 * module binds it in a test, and a checker that binds it declares a claim. Reads whatever checkers exist, so a new
 * one is held to it without touching this test.
 */
class RemovalContractCoverageTest {

    private static final Path CHECKERS = Path.of(System.getProperty("user.dir")).getParent().resolve("checkers");

    private static boolean bindsTheContract(String id) {
        Path tests = CHECKERS.resolve(id).resolve("src/test/java");
        if (!Files.isDirectory(tests)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(tests)) {
            return files.filter(f -> f.toString().endsWith(".java")).anyMatch(f -> {
                try {
                    return Files.readString(f).contains("extends RemovalContract");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyCheckerThatCanClaimARemovalRunsTheSharedContract() {
        List<Checker> checkers = ServiceLoader.load(Checker.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(checkers).isNotEmpty();
        for (Checker checker : checkers) {
            boolean claims = !checker.removalClaims().isEmpty();
            assertThat(bindsTheContract(checker.id()))
                    .as(checker.id() + (claims ? " declares removal claims but no test extends RemovalContract"
                            : " runs RemovalContract but declares no removal claim"))
                    .isEqualTo(claims);
        }
        assertThat(checkers).filteredOn(c -> !c.removalClaims().isEmpty()).extracting(Checker::id)
                .contains("docker", "file-utility", "lxc", "podman");
    }
}
