package org.criu.status.core.http;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import okio.FileSystem;
import okio.ForwardingFileSystem;
import okio.Path;
import okio.Sink;

/**
 * The file system OkHttp's cache writes through: every file it creates is readable by its owner only (0600),
 * every folder 0700, whatever the umask. Where the file system has no POSIX permissions, files are created
 * as the system does.
 */
final class PrivateFileSystem extends ForwardingFileSystem {

    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    PrivateFileSystem(FileSystem delegate) {
        super(delegate);
    }

    @Override
    public Sink sink(Path file, boolean mustCreate) throws IOException {
        boolean created = createPrivately(file);
        return super.sink(file, mustCreate && !created);
    }

    @Override
    public Sink appendingSink(Path file, boolean mustExist) throws IOException {
        if (!mustExist) {
            createPrivately(file);
        }
        return super.appendingSink(file, mustExist);
    }

    @Override
    public void createDirectory(Path dir, boolean mustCreate) throws IOException {
        java.nio.file.Path nio = dir.toNioPath();
        try {
            Files.createDirectory(nio, attributes(nio, FOLDER));
        } catch (FileAlreadyExistsException e) {
            if (mustCreate) {
                throw new IOException(dir + " already exists.", e);
            }
        }
    }

    /** Creates {@code file} empty with 0600; false when it already existed. */
    private static boolean createPrivately(Path file) throws IOException {
        java.nio.file.Path nio = file.toNioPath();
        try {
            Files.createFile(nio, attributes(nio, FILE));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    static FileAttribute<?>[] attributes(java.nio.file.Path path, Set<PosixFilePermission> permissions) {
        java.nio.file.Path parent = path.toAbsolutePath().getParent();
        boolean posix = parent != null && parent.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }
}
