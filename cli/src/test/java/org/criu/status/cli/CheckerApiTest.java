package org.criu.status.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.criu.status.core.source.SourceHttp;
import org.criu.status.core.spi.Checker;

/**
 * Every bundled checker (all are on this module's classpath, registered for {@code ServiceLoader}; the rules read
 * the classes of each one's module) sees core only through its checker API: the
 * {@code spi}, {@code model} and {@code source} packages, as their package-info says. The rest of core is
 * internal and may change under a checker without notice. Read from the compiled checker classes; a rule that
 * finds no checker class fails rather than passing on nothing.
 */
@AnalyzeClasses(locations = CheckerApiTest.BundledCheckers.class, importOptions = ImportOption.DoNotIncludeTests.class)
class CheckerApiTest {

    /** Where each checker registered for {@code ServiceLoader} was loaded from: its module's classes or jar. */
    static final class BundledCheckers implements LocationProvider {
        @Override
        public Set<Location> get(Class<?> testClass) {
            return ServiceLoader.load(Checker.class).stream().map(provider -> {
                try {
                    // target/classes when the reactor stops before package, the module's jar after it.
                    Path where = Path.of(provider.type().getProtectionDomain().getCodeSource().getLocation().toURI());
                    return Files.isDirectory(where) ? Location.of(where) : Location.of(new JarFile(where.toFile()));
                } catch (URISyntaxException | IOException e) {
                    throw new IllegalStateException("cannot read the classes of " + provider.type().getName(), e);
                }
            }).collect(Collectors.toSet());
        }
    }

    /** The packages of core a checker may use. */
    static final String[] CHECKER_API = {"org.criu.status.core.spi..", "org.criu.status.core.model..",
            "org.criu.status.core.source.."};

    @ArchTest
    static final ArchRule checkersUseOnlyTheCheckerApiOfCore = noClasses()
            .that().resideInAPackage("org.criu.status.checkers..")
            .should().dependOnClassesThat(resideInAPackage("org.criu.status.core..")
                    .and(not(resideInAnyPackage(CHECKER_API))))
            .because("a checker reports evidence through spi, model and source; the engine, the HTTP layer, the "
                    + "verdict rules, the page parser and the reports are core's own business");

    @ArchTest
    static final ArchRule checkersNeverBuildTheirOwnHttpClient = noClasses()
            .that().resideInAPackage("org.criu.status.checkers..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "java.net.http..")
            .because("the run's one client carries the cache, tokens, per-host limits, retries and record/replay");

    @ArchTest
    static final ArchRule checkersTakeTheirSourceClientsFromTheContext = noClasses()
            .that().resideInAPackage("org.criu.status.checkers..")
            .should().callConstructorWhere(DescribedPredicate.describe("the target is a source client or SourceHttp",
                    (JavaConstructorCall call) -> call.getTargetOwner().getPackageName()
                            .equals("org.criu.status.core.source")
                            && (call.getTargetOwner().getSimpleName().endsWith("Client")
                            || call.getTargetOwner().isEquivalentTo(SourceHttp.class))))
            .because("CheckContext hands out the run's clients, sharing its HTTP client and memory of answers");
}
