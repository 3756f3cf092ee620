package backstop.analysis.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes report files under a temporary name ({@code .NAME.partial}, as the result writers do) and renames
 * them when complete, so an interrupted report never leaves a file that looks whole (DESIGN.md §7).
 */
final class OutputFiles {
    private OutputFiles() {
    }

    static void write(Path target, byte[] content) {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": " + e.getMessage(), e);
        }
    }
}
