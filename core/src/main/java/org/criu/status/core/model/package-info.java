/**
 * <b>Checker API.</b> The data every part shares: a page entry ({@link org.criu.status.core.model.Integration},
 * {@link org.criu.status.core.model.Status}), the evidence a checker cites
 * ({@link org.criu.status.core.model.Evidence}: dated or undated, with the {@link org.criu.status.core.model.Signal}
 * it gives), {@link org.criu.status.core.model.SourceException} for a source that failed, and what a run makes of
 * the evidence ({@link org.criu.status.core.model.Finding}, {@link org.criu.status.core.model.Verdict},
 * {@link org.criu.status.core.model.Confidence}, {@link org.criu.status.core.model.Report}). Checkers build
 * evidence and read findings in their tests; only the engine turns evidence into findings.
 *
 * <p>Depends on no other package of core.
 */
package org.criu.status.core.model;
