package org.criu.status.core.testkit;

import java.util.Random;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Generated-input tests with plain JUnit 5: a test method that declares a {@link Random} parameter gets one
 * seeded for that run, and when the test fails its failure names the seed and how to run it again with it.
 *
 * <pre>
 * {@literal @}ExtendWith(SeededRandom.class)
 * class ParserPropertiesTest {
 *     {@literal @}Test
 *     void neverThrowsAnythingElse(Random random) { ... 1,000 inputs from random ... }
 * }
 * </pre>
 *
 * <p>The seed is new for every run (so runs keep exploring) unless the system property {@value #PROPERTY}
 * fixes it: {@code ./mvnw -B -pl core test -Dtest='ParserPropertiesTest' -Dtest.seed=42}. Surefire hands
 * {@code -D} properties of the Maven command line to the test JVM.
 */
public final class SeededRandom implements ParameterResolver, TestExecutionExceptionHandler {

    /** The system property that fixes the seed of every test using this extension. */
    public static final String PROPERTY = "test.seed";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SeededRandom.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Random.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        long seed = seed();
        context.getStore(NAMESPACE).put("seed", seed);
        return new Random(seed);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Long seed = context.getStore(NAMESPACE).get("seed", Long.class);
        if (seed == null) {
            throw failure;
        }
        String test = context.getRequiredTestClass().getSimpleName() + "#" + context.getRequiredTestMethod().getName();
        AssertionError withSeed = new AssertionError(test + " failed with seed " + seed + " (run it again with -D"
                + PROPERTY + "=" + seed + " -Dtest='" + test + "'): " + failure, failure);
        throw withSeed;
    }

    /** The fixed seed from {@value #PROPERTY}, else a fresh one. */
    static long seed() {
        String fixed = System.getProperty(PROPERTY, "").strip();
        if (fixed.isEmpty()) {
            return new Random().nextLong();
        }
        try {
            return Long.parseLong(fixed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be a whole number (a seed a failure printed), not '"
                    + fixed + "'", e);
        }
    }
}
