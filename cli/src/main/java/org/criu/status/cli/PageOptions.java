package org.criu.status.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.criu.status.core.http.IoFailure;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.model.WikiPage;
import org.criu.status.core.page.PageParseException;
import org.criu.status.core.page.WikitextParser;
import org.criu.status.core.source.MediaWikiClient;
import org.criu.status.core.source.SourceHttp;
import picocli.CommandLine.Option;

/** Where the page comes from: a wikitext file or the MediaWiki API. */
final class PageOptions {

    @Option(names = "--wiki", paramLabel = "URL", defaultValue = MediaWikiClient.DEFAULT_API,
            description = "MediaWiki api.php URL (default: ${DEFAULT-VALUE}).")
    String wiki;

    @Option(names = "--page", paramLabel = "TITLE", defaultValue = "Integration",
            description = "Page title (default: ${DEFAULT-VALUE}).")
    String title;

    @Option(names = "--page-file", paramLabel = "FILE",
            description = "Read the page's wikitext from FILE instead of the wiki (UTF-8; 2 MiB at most, as in "
                    + "MediaWiki).")
    Optional<Path> file;

    /** What to do when the wiki cannot be reached at all: work offline. */
    static final String OFFLINE_HINT = "No network? --replay DIR runs offline from a recording (such as "
            + "examples/criu-2026-11); --page-file FILE reads the page from a file (the checks still ask their "
            + "sources).";

    /** Loads the page; every failure is a {@link UserInputException} naming the input. */
    WikiPage load(SourceHttp http) {
        if (file.isPresent()) {
            Path path = file.get();
            return new WikiPage(path.getFileName().toString(), path.toString(), Optional.empty(), Optional.empty(),
                    read(path));
        }
        try {
            return new MediaWikiClient(http).fetch(wiki, title);
        } catch (SourceException e) {
            throw new UserInputException("page '" + title + "' from " + wiki + ": " + e.getMessage()
                    + (IoFailure.isUnreachable(e) ? System.lineSeparator() + OFFLINE_HINT : ""));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--wiki " + wiki + ": not a usable URL (" + e.getMessage() + ")");
        }
    }

    /**
     * Reads a wikitext file, at most {@link MediaWikiClient#MAX_PAGE_BYTES} + 1 bytes of it: a larger file is no
     * wiki page (MediaWiki refuses to save one by default) and is refused before it fills the memory.
     */
    static String read(Path path) {
        String name = "--page-file " + path;
        if (Files.isDirectory(path)) {
            throw new UserInputException(name + ": is a folder, not a file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MediaWikiClient.MAX_PAGE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new UserInputException(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UserInputException(name + ": cannot read: permission denied");
        } catch (FileSystemException e) {
            throw new UserInputException(name + ": cannot read: " + e.getReason());
        } catch (IOException e) {
            throw new UserInputException(name + ": cannot read: " + e.getMessage());
        }
        if (bytes.length > MediaWikiClient.MAX_PAGE_BYTES) {
            throw new UserInputException(name + ": larger than " + MediaWikiClient.MAX_PAGE_BYTES + " bytes (2 MiB), "
                    + "the most a MediaWiki page holds by default ($wgMaxArticleSize); is it the right file?");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UserInputException(name + ": not UTF-8 text");
        }
    }

    static List<Integration> parse(WikiPage page) {
        try {
            return WikitextParser.parse(page.wikitext(), page.source());
        } catch (PageParseException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
