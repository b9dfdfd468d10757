package org.criu.status.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A file a command writes, checked before the run and written atomically after it: a reader (a web server, the
 * next cron run) sees the old file or the new one, never half of one.
 *
 * <ul>
 *   <li>{@link #prepare} checks the destination up front, before a single request is made: its folder exists and
 *       takes a new file (a probe file is created and removed), it is not a folder. A failure names the option
 *       and the path as the user gave it, and says why: permission denied, read-only file system, is a folder,
 *       folder does not exist.</li>
 *   <li>{@link #write} writes a temporary file beside the destination, flushes it to disk and renames it over
 *       the destination. A file that existed keeps its mode (a 0644 report stays 0644) and, where the user may
 *       set them, its group and owner; a new file gets the mode the umask gives, as a shell redirection would
 *       (not the 0600 of a temp file). A symbolic link is followed: the file it points to is replaced, the link
 *       stays. A destination that is not a regular file ({@code /dev/stdout}, a pipe) is written in place.</li>
 *   <li>No message ever names the temporary file.</li>
 * </ul>
 * One instance per file: {@code check --output} uses one, and a command writing several files prepares one per
 * file before its run and writes each after it.
 */
final class OutputFile {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LINKS = 40;

    private final String option;
    private final Path given;
    private final Path target;

    private OutputFile(String option, Path given, Path target) {
        this.option = option;
        this.given = given;
        this.target = target;
    }

    /**
     * Checks that {@code path} can be written, before any work is done.
     *
     * @param option how the user named the file in messages, e.g. {@code "--output"}
     * @throws UserInputException naming {@code option} and {@code path} and saying why it cannot be written
     */
    static OutputFile prepare(String option, Path path) {
        OutputFile file = new OutputFile(option, path, resolveLinks(option, path));
        file.check();
        return file;
    }

    /** {@link #prepare}s the file when one is given; none means standard output. */
    static Optional<OutputFile> prepare(String option, Optional<Path> path) {
        return path.map(p -> prepare(option, p));
    }

    /** Writes {@code text} to the file, or to {@code out} when there is none. */
    static void write(Optional<OutputFile> file, String text, PrintWriter out) {
        if (file.isPresent()) {
            file.get().write(text);
        } else {
            out.print(text);
            out.flush();
        }
    }

    /** The path as the user gave it. */
    Path path() {
        return given;
    }

    /**
     * Replaces the file's content with {@code text} (UTF-8), atomically.
     *
     * @throws UserInputException naming the option and the user's path when it cannot be written
     */
    void write(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #write(String)}, for bytes. */
    void write(byte[] content) {
        Path dir = folder();
        if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
            writeInPlace(content);
            return;
        }
        Optional<PosixFileAttributes> existing = posixAttributes(target);
        Path tmp = null;
        try {
            tmp = createTemp(dir);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (existing.isPresent()) {
                keepAttributes(tmp, existing.get());
            }
            if (Files.isDirectory(target)) {
                throw failure("is a folder");
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            syncFolder(dir);
        } catch (IOException e) {
            throw failure(e, tmp);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // Leave it: the failure being reported matters more than a stray temp file.
                }
            }
        }
    }

    private void check() {
        if (Files.isDirectory(target)) {
            throw failure("is a folder");
        }
        Path dir = folder();
        if (!Files.exists(dir)) {
            throw failure("folder " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw failure(dir + " is not a folder");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            if (!Files.isWritable(target)) {
                throw failure("permission denied");
            }
            return; // a device or pipe: written in place, nothing to create beside it
        }
        if (Files.exists(target) && !Files.isWritable(target)) {
            throw failure("the file is read-only (permission denied)");
        }
        Path probe = null;
        try {
            probe = createTemp(dir);
        } catch (IOException e) {
            throw failure(e, null);
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException e) {
                    // It was just created by us; a failure to remove it will show again at write time.
                }
            }
        }
    }

    private Path folder() {
        Path parent = target.toAbsolutePath().getParent();
        return parent != null ? parent : target.toAbsolutePath().getRoot();
    }

    /**
     * A new empty file beside the destination, created with no explicit permissions: the system gives it
     * 0666 less the umask, as any program's new file.
     */
    private Path createTemp(Path dir) throws IOException {
        for (int i = 0; ; i++) {
            Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36)
                    + ".tmp");
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (i >= 10) {
                    throw e;
                }
            }
        }
    }

    private static Optional<PosixFileAttributes> posixAttributes(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return Optional.of(Files.readAttributes(file, PosixFileAttributes.class));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system, or gone: the new file gets the defaults.
        }
        return Optional.empty();
    }

    /** Mode always; group and owner where this user may set them (a group they belong to; root for owners). */
    private static void keepAttributes(Path tmp, PosixFileAttributes old) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        PosixFileAttributes now = view.readAttributes();
        if (!now.group().equals(old.group())) {
            try {
                view.setGroup(old.group());
            } catch (IOException e) {
                // Not a member of that group: the file gets ours, as cp would give it.
            }
        }
        if (!now.owner().equals(old.owner())) {
            try {
                view.setOwner(old.owner());
            } catch (IOException e) {
                // Only root may give a file away.
            }
        }
        // After chown, which may clear set-id bits.
        view.setPermissions(old.permissions());
    }

    private void writeInPlace(byte[] content) {
        try {
            Files.write(target, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw failure(e, null);
        }
    }

    private static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every system lets a folder be opened for syncing; the rename itself is already atomic.
        }
    }

    /** Follows symbolic links to the file they name (which may not exist yet), as a shell redirection does. */
    private static Path resolveLinks(String option, Path path) {
        Path current = path;
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(current); i++) {
            try {
                Path link = Files.readSymbolicLink(current);
                Path parent = current.toAbsolutePath().getParent();
                current = parent == null ? link : parent.resolve(link);
            } catch (IOException e) {
                throw new UserInputException(option + " " + path + ": cannot read the symbolic link: " + reason(e));
            }
        }
        if (Files.isSymbolicLink(current)) {
            throw new UserInputException(option + " " + path + ": too many levels of symbolic links");
        }
        return current;
    }

    private UserInputException failure(String why) {
        return new UserInputException(option + " " + given + ": " + why);
    }

    private UserInputException failure(IOException e, Path tmp) {
        String why = explain(e, folder());
        return failure(tmp == null ? why : why.replace(tmp.toString(), given.toString()));
    }

    /**
     * Why a write failed, in words that name the user's file or folder, never the temporary file a
     * {@link FileSystemException} carries.
     */
    static String explain(IOException e, Path folder) {
        if (e instanceof AccessDeniedException) {
            return "permission denied (cannot create a file in " + folder + ")";
        }
        if (e instanceof NoSuchFileException) {
            return "folder " + folder + " does not exist";
        }
        if (e instanceof NotDirectoryException) {
            return folder + " is not a folder";
        }
        String reason = reason(e);
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("read-only file system")) {
            return "read-only file system (" + folder + ")";
        }
        if (lower.contains("is a directory")) {
            return "is a folder";
        }
        if (lower.contains("no space left")) {
            return "no space left on the device holding " + folder;
        }
        if (lower.contains("permission denied") || lower.contains("operation not permitted")) {
            return "permission denied (" + reason + ")";
        }
        return "cannot write: " + reason;
    }

    /** The system's reason without any path in it. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            String reason = fs.getReason();
            return reason != null && !reason.isBlank() ? reason : e.getClass().getSimpleName();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    @Override
    public String toString() {
        return option + " " + given;
    }
}
