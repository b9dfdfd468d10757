/**
 * <b>Internal to core.</b> The report formats the cli prints ({@link org.criu.status.core.report.TextReport},
 * {@link org.criu.status.core.report.JsonReport}, whose contract is docs/JSON.md). A checker's part of a report is
 * its evidence; it does not use this package.
 */
package org.criu.status.core.report;
