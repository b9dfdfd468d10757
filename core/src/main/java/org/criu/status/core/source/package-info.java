/**
 * <b>Checker API.</b> Typed clients for the public sources, handed out by the run's
 * {@link org.criu.status.core.spi.CheckContext}: GitHub (REST, raw files, Atom feeds), GitLab, Repology, Azul, web
 * pages. Each returns records, not JSON trees, and tells "not found" (an empty answer) apart from a source that
 * failed ({@link org.criu.status.core.model.SourceException}). {@link org.criu.status.core.source.SourceFile} is a
 * file read at a tag or commit, with each line's number, text and permalink: the way to quote a line and cite
 * it. {@link org.criu.status.core.source.Versions} orders release tags; {@link org.criu.status.core.source.GitHubEvidence}
 * cites common GitHub facts the same way everywhere.
 *
 * <p>Internal to core although public here: {@link org.criu.status.core.source.MediaWikiClient} (reads the page
 * for the cli) and the constructors of the clients and of {@link org.criu.status.core.source.SourceHttp}
 * (the engine builds them once per run over its HTTP client); a checker gets its clients from the context.
 */
package org.criu.status.core.source;
