package org.criu.status.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import org.criu.status.core.spi.Checker;

/**
 * How core's packages may depend on each other (read from the compiled classes, so an import left in a comment
 * does not count and a reference through a fully qualified name does). Which packages are checker API is said
 * in each package-info and held for the bundled checkers by {@code CheckerApiTest} in the cli module.
 */
@AnalyzeClasses(locations = CorePackagesTest.CoreClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class CorePackagesTest {

    /** Core's own compiled classes, and nothing else on the classpath (scanning every jar costs seconds). */
    static final class CoreClasses implements LocationProvider {
        @Override
        public Set<Location> get(Class<?> testClass) {
            try {
                return Set.of(Location.of(Path.of(Checker.class.getProtectionDomain().getCodeSource().getLocation()
                        .toURI())));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.criu.status.core.(*)..")
            .should().beFreeOfCycles()
            .because("a cycle makes two packages one: neither can be understood, tested or changed alone");

    @ArchTest
    static final ArchRule theModelDependsOnNoOtherPartOfCore = noClasses()
            .that().resideInAPackage("org.criu.status.core.model..")
            .should().dependOnClassesThat(resideInAPackage("org.criu.status.core..")
                    .and(not(resideInAPackage("org.criu.status.core.model.."))))
            .because("every part of core and every checker shares the model; it must not pull the rest along");
}
