/**
 * <b>Internal to core.</b> The verdict rules every entry is judged by
 * ({@link org.criu.status.core.rules.VerdictRules}, documented in docs/VERDICTS.md). Only the engine applies them;
 * a checker reports evidence and never names a verdict, so it does not use this package.
 */
package org.criu.status.core.rules;
