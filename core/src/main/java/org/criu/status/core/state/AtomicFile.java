package org.criu.status.core.state;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file in one step: the bytes go to a new file beside it, which takes the old file's permissions (a
 * new file gets the process's default ones), and is then renamed over it. A reader sees the old file or the new
 * one, never half of it; a crash leaves the old one.
 */
final class AtomicFile {

    private AtomicFile() {
    }

    static void write(Path target, byte[] bytes) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = null;
        for (int attempt = 0; tmp == null; attempt++) {
            Path candidate = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(
                    ThreadLocalRandom.current().nextLong()) + ".tmp");
            try (OutputStream out = Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                tmp = candidate;
                out.write(bytes);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 5) {
                    throw e;
                }
            }
        }
        try {
            if (Files.exists(absolute)) {
                PosixFileAttributeView from = Files.getFileAttributeView(absolute, PosixFileAttributeView.class);
                if (from != null) {
                    Set<PosixFilePermission> mode = from.readAttributes().permissions();
                    Files.setPosixFilePermissions(tmp, mode);
                }
            }
            try (var channel = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
