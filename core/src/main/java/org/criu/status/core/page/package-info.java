/**
 * <b>Internal to core.</b> The Integration page's wikitext: {@link org.criu.status.core.page.WikitextParser} reads
 * it into entries ({@link org.criu.status.core.model.Integration}), failing only with
 * {@link org.criu.status.core.page.PageParseException}. Used by the cli; a checker gets its entry already parsed.
 */
package org.criu.status.core.page;
