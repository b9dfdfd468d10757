/**
 * <b>Internal to core</b>; used by the cli and the test kit, never by a checker. Finds the checkers
 * ({@link org.criu.status.core.engine.CheckerRegistry}, the one place that calls {@code ServiceLoader}), runs them
 * ({@link org.criu.status.core.engine.Engine}: concurrency, a deadline per check, one failure never ends the run)
 * and hands each the run's {@link org.criu.status.core.engine.RunContext}. The engine is where a checker's
 * evidence becomes a finding, through {@link org.criu.status.core.rules}.
 */
package org.criu.status.core.engine;
