package org.criu.status.core.http;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.Cache;
import okio.FileSystem;

/**
 * Opens the {@code --cache} folder for a run, or says in one warning line why the run goes on without it.
 *
 * <p>Layout: {@code DIR/http/} is OkHttp's cache (journal and entries), {@code DIR/credential-key} the key of the
 * token stand-ins ({@link Credential}), {@code DIR/CACHEDIR.TAG} tells backup tools to skip the folder. The
 * folders are 0700 and every file 0600 ({@link PrivateFileSystem}), also when they existed before.
 *
 * <p>Before OkHttp reads anything, the journal and every entry's first line are checked the way OkHttp parses
 * them: a damaged cache would otherwise make OkHttp log a stack trace (and, for a bad entry, keep logging it).
 * A damaged cache is cleared with one warning naming the folder; it refills as the run goes. Entries an earlier
 * version wrote straight into {@code DIR} (they could hold a token in clear text) are deleted, with a warning.
 */
public final class HttpCache {

    /** What the cache may hold on disk. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    private static final String ENTRIES = "http";
    private static final String KEY_FILE = "credential-key";
    private static final int KEY_BYTES = 32;
    /** What OkHttp's cache writes: the journal, its backup and temp, "<md5 hex>.0/.1" and their ".tmp" drafts. */
    private static final Pattern OKHTTP_FILE = Pattern.compile("journal(\\.tmp|\\.bkp)?|[0-9a-f]{32}\\.[01](\\.tmp)?");
    private static final String CACHEDIR_TAG = """
            Signature: 8a477f597d28d172789f06886806bc55
            # This file is a cache directory tag created by integration-status.
            # For information about cache directory tags, see https://bford.info/cachedir/
            """;

    /** An opened cache and the key its token stand-ins are hashed with. */
    public record Opened(Cache cache, byte[] credentialKey, Path dir) {
    }

    private HttpCache() {
    }

    /**
     * Opens (creating) the cache in {@code dir}; empty, after one warning on {@code warnings} saying what the run
     * falls back to, when the folder cannot be used.
     */
    public static Optional<Opened> open(Path dir, PrintStream warnings) {
        String unusable = unusable(dir);
        if (unusable != null) {
            warnings.println("integration-status: warning: --cache " + dir + ": " + unusable
                    + "; running without a cache (every request is asked in full)");
            return Optional.empty();
        }
        try {
            Path entries = dir.resolve(ENTRIES);
            removeEntriesOfEarlierVersions(dir, warnings);
            createPrivateFolder(entries);
            tighten(dir);
            writeIfAbsent(dir.resolve("CACHEDIR.TAG"), CACHEDIR_TAG.getBytes(StandardCharsets.US_ASCII));
            byte[] key = credentialKey(dir.resolve(KEY_FILE));
            Optional<String> damage = CacheJournal.damage(entries);
            if (damage.isPresent()) {
                clear(entries);
                warnings.println("integration-status: warning: the HTTP cache in " + entries + " was damaged ("
                        + damage.get() + "); cleared it, it fills again as the run goes");
            }
            Cache cache = new Cache(new PrivateFileSystem(FileSystem.SYSTEM), okio.Path.get(entries), MAX_BYTES);
            cache.initialize();
            return Optional.of(new Opened(cache, key, dir));
        } catch (IOException | RuntimeException e) {
            warnings.println("integration-status: warning: --cache " + dir + ": cannot be used ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "); running without a cache (every request is asked in full)");
            return Optional.empty();
        }
    }

    /** Why {@code dir} cannot hold the cache, or null when it can (created if missing). */
    private static String unusable(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return "is a file, not a folder";
        }
        try {
            createPrivateFolder(dir);
        } catch (IOException e) {
            return "cannot create the folder (" + describe(e) + ")";
        }
        // Writability decided by trying: permission bits do not tell (root, read-only mounts, ACLs).
        try {
            Path probe = Files.createTempFile(dir, ".write-test", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            return "cannot write in the folder (" + describe(e) + ")";
        }
        return null;
    }

    private static void createPrivateFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createDirectory(dir, PrivateFileSystem.attributes(dir, PrivateFileSystem.FOLDER));
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(dir)) {
                    throw e;
                }
            }
        }
    }

    /** Folder 0700, files 0600, for what an earlier run (or another umask) left readable by others. */
    private static void tighten(Path dir) throws IOException {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Set<PosixFilePermission> wanted = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        ? PrivateFileSystem.FOLDER : PrivateFileSystem.FILE;
                if (!Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
                    Files.setPosixFilePermissions(p, wanted);
                }
            }
        }
    }

    /**
     * Deletes OkHttp files an earlier version kept directly in {@code dir}: their entries recorded the
     * Authorization header GitHub's {@code Vary} names, token included.
     */
    private static void removeEntriesOfEarlierVersions(Path dir, PrintStream warnings) throws IOException {
        List<Path> old;
        try (Stream<Path> files = Files.list(dir)) {
            old = files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                    && OKHTTP_FILE.matcher(f.getFileName().toString()).matches()).toList();
        }
        if (old.isEmpty()) {
            return;
        }
        for (Path f : old) {
            Files.deleteIfExists(f);
        }
        warnings.println("integration-status: warning: deleted the HTTP cache an earlier version kept in " + dir
                + ": its entries could hold GITHUB_TOKEN in clear text (if one was set, consider revoking it)");
    }

    private static byte[] credentialKey(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            byte[] key = Files.readAllBytes(file);
            if (key.length == KEY_BYTES) {
                return key;
            }
            Files.delete(file);
        }
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PrivateFileSystem.attributes(tmp, PrivateFileSystem.FILE));
        Files.write(tmp, key, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return key;
    }

    private static void writeIfAbsent(Path file, byte[] content) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file, PrivateFileSystem.attributes(file, PrivateFileSystem.FILE));
            Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING);
        }
    }

    /** Deletes what OkHttp keeps in {@code entries}, nothing else. */
    static void clear(Path entries) throws IOException {
        try (Stream<Path> files = Files.list(entries)) {
            for (Path f : files.toList()) {
                if (OKHTTP_FILE.matcher(f.getFileName().toString()).matches()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
