/**
 * <b>Checker API.</b> What a checker implements and what it is handed: {@link org.criu.status.core.spi.Checker}
 * (its id, the headings it covers, the sources it reads, and {@code check}), the
 * {@link org.criu.status.core.spi.CheckContext} of a run (the shared source clients and the clock),
 * {@link org.criu.status.core.spi.CheckResult} (the evidence found, or why it could not look) and
 * {@link org.criu.status.core.spi.HeadingMatcher}. A checker is registered with {@code ServiceLoader}
 * ({@code META-INF/services/org.criu.status.core.spi.Checker}).
 *
 * <p>A checker module may use this package, {@link org.criu.status.core.model} and
 * {@link org.criu.status.core.source}, nothing else of core; {@code CheckerApiTest} in the cli module holds
 * every bundled checker to that.
 */
package org.criu.status.core.spi;
