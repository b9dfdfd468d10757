package org.criu.status.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Writes a report to stdout or, atomically, to {@code --output FILE}: a reader never sees half a report. */
final class OutputFile {

    private OutputFile() {
    }

    static void write(Optional<Path> file, String text, PrintWriter out) {
        if (file.isEmpty()) {
            out.print(text);
            out.flush();
            return;
        }
        Path target = file.get().toAbsolutePath();
        try {
            Path dir = target.getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UserInputException("--output " + file.get() + ": cannot write: " + e.getMessage());
        }
    }
}
