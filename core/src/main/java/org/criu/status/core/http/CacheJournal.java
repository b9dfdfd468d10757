package org.criu.status.core.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.HttpUrl;

/**
 * Checks OkHttp's cache files the way OkHttp 5 reads them, before it does: a journal whose header or lines it
 * would reject makes its DiskLruCache log a stack trace and wipe the folder; an entry whose first line is no
 * URL makes its Cache log one per lookup. Finding either here lets the caller clear the cache with one line.
 */
final class CacheJournal {

    /** The journal header OkHttp's Cache writes: magic, DiskLruCache version, Cache.VERSION, values per entry. */
    private static final List<String> HEADER = List.of("libcore.io.DiskLruCache", "1", "201105", "2", "");
    /** A longer "line" is no journal line: random bytes without newlines are read in bounded pieces. */
    private static final int MAX_LINE = 4096;

    private CacheJournal() {
    }

    /** What is damaged in the cache folder {@code entries}, or empty when OkHttp can read it. */
    static Optional<String> damage(Path entries) throws IOException {
        Path journal = entries.resolve("journal");
        if (Files.exists(journal)) {
            Optional<String> bad = journalDamage(journal);
            if (bad.isPresent()) {
                return bad;
            }
        }
        try (Stream<Path> files = Files.list(entries)) {
            for (Path entry : files.filter(f -> f.getFileName().toString().endsWith(".0")).sorted().toList()) {
                String first = firstLine(entry);
                if (first == null || HttpUrl.parse(first) == null) {
                    return Optional.of("entry " + entry.getFileName() + " does not start with a URL");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> journalDamage(Path journal) throws IOException {
        try (InputStream in = Files.newInputStream(journal)) {
            byte[] bytes = in.readAllBytes();
            String text = new String(bytes, StandardCharsets.UTF_8);
            int pos = 0;
            int lineNo = 0;
            while (pos < text.length()) {
                int nl = text.indexOf('\n', pos);
                if (nl < 0) {
                    // OkHttp drops a last line cut short (a run killed mid-write) and rebuilds the journal.
                    return lineNo < HEADER.size() ? Optional.of("journal header cut short") : Optional.empty();
                }
                String line = text.substring(pos, nl);
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                pos = nl + 1;
                if (lineNo < HEADER.size()) {
                    if (!line.equals(HEADER.get(lineNo))) {
                        return Optional.of("journal header line " + (lineNo + 1) + " is not '" + HEADER.get(lineNo)
                                + "'");
                    }
                } else if (!validLine(line)) {
                    return Optional.of("journal line " + (lineNo + 1) + " is not a CLEAN, DIRTY, REMOVE or READ "
                            + "record");
                }
                lineNo++;
            }
            return lineNo < HEADER.size() ? Optional.of("journal header cut short") : Optional.empty();
        }
    }

    /** A journal record as OkHttp's DiskLruCache.readJournalLine accepts it. */
    static boolean validLine(String line) {
        if (line.length() > MAX_LINE) {
            return false;
        }
        String[] parts = line.split(" ", -1);
        if (parts.length < 2 || parts[1].isEmpty()) {
            return false;
        }
        return switch (parts[0]) {
            case "CLEAN" -> parts.length == 4 && isLength(parts[2]) && isLength(parts[3]);
            case "DIRTY", "REMOVE", "READ" -> parts.length == 2;
            default -> false;
        };
    }

    private static boolean isLength(String s) {
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String firstLine(Path file) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            char[] buffer = new char[MAX_LINE];
            int n = reader.read(buffer);
            if (n <= 0) {
                return null;
            }
            String head = new String(buffer, 0, n);
            int nl = head.indexOf('\n');
            return nl < 0 ? null : head.substring(0, nl);
        }
    }
}
