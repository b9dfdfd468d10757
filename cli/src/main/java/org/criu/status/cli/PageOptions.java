package org.criu.status.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
            description = "Read the page's wikitext from FILE instead of the wiki.")
    Optional<Path> file;

    /** Loads the page; every failure is a {@link UserInputException} naming the input. */
    WikiPage load(SourceHttp http) {
        if (file.isPresent()) {
            Path path = file.get();
            try {
                String text = Files.readString(path, StandardCharsets.UTF_8);
                return new WikiPage(path.getFileName().toString(), path.toString(), Optional.empty(),
                        Optional.empty(), text);
            } catch (NoSuchFileException e) {
                throw new UserInputException("--page-file " + path + ": no such file");
            } catch (MalformedInputException e) {
                throw new UserInputException("--page-file " + path + ": not UTF-8 text");
            } catch (IOException e) {
                throw new UserInputException("--page-file " + path + ": cannot read: " + e.getMessage());
            }
        }
        try {
            return new MediaWikiClient(http).fetch(wiki, title);
        } catch (SourceException e) {
            throw new UserInputException("page '" + title + "' from " + wiki + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--wiki " + wiki + ": not a usable URL (" + e.getMessage() + ")");
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
