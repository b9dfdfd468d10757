package org.criu.status.core.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Seals the exchanges of a recording folder after a person edited them: writes each body's
 * {@code Content-Length} and {@code Content-Digest} into its head ({@link Exchange}), replacing old ones. Only
 * those two lines change: comments, other headers, line ends and the body stay byte for byte. Files are
 * rewritten atomically and keep their permissions.
 */
public final class RecordingSeal {

    /** What sealing a folder did. */
    public record Result(int sealed, int alreadySealed) {
        public int files() {
            return sealed + alreadySealed;
        }
    }

    private RecordingSeal() {
    }

    /**
     * Seals every {@code *.http} file in {@code dir}.
     *
     * @throws IOException naming the folder or the file that is no recorded exchange
     */
    public static Result seal(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".http")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException(dir + ": no recorded exchanges (*.http files)");
        }
        int sealed = 0;
        for (Path file : files) {
            if (sealFile(file)) {
                sealed++;
            }
        }
        return new Result(sealed, files.size() - sealed);
    }

    /** Seals one file; false when its seal already matched its body. */
    static boolean sealFile(Path file) throws IOException {
        Exchange.Parsed parsed = Exchange.parse(file);
        String text = Exchange.utf8(file);
        String body = text.substring(parsed.bodyOffset());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String length = Integer.toString(bytes.length);
        String digest = Exchange.digest(bytes);
        Exchange exchange = parsed.exchange();
        if (exchange.header(Exchange.LENGTH).filter(length::equals).isPresent()
                && exchange.header(Exchange.DIGEST).filter(digest::equals).isPresent()) {
            return false;
        }
        String eol = parsed.crlf() ? "\r\n" : "\n";
        // The head without its old seal lines; the blank line that ends it is written back after the new ones.
        String head = text.substring(0, parsed.bodyOffset());
        List<String> lines = new ArrayList<>(List.of(head.split("\n", -1)));
        if (head.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        boolean endsWithBlank = !lines.isEmpty() && withoutCr(lines.get(lines.size() - 1)).isEmpty();
        if (endsWithBlank) {
            lines.remove(lines.size() - 1);
        }
        StringBuilder out = new StringBuilder();
        boolean inHead = false;
        for (String line : lines) {
            String plain = withoutCr(line);
            if (!inHead && !plain.isBlank() && !plain.strip().startsWith("#")) {
                inHead = true;
            }
            String name = plain.contains(":") ? plain.substring(0, plain.indexOf(':')).strip().toLowerCase(Locale.ROOT)
                    : "";
            if (inHead && (name.equals("content-length") || name.equals("content-digest"))) {
                continue;
            }
            out.append(line).append('\n');
        }
        if (!endsWithBlank && lines.size() < 2) {
            throw new IOException(file + ": no status line after the request line");
        }
        out.append(Exchange.LENGTH).append(": ").append(length).append(eol)
                .append(Exchange.DIGEST).append(": ").append(digest).append(eol)
                .append(eol).append(body);
        write(file, out.toString());
        return true;
    }

    /** Replaces {@code file} atomically, keeping its permissions. */
    private static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                Files.setPosixFilePermissions(tmp, permissions);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String withoutCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
