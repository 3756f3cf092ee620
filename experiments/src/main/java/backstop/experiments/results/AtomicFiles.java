package backstop.experiments.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Result files are written under a temporary name beside their target and renamed when complete, so an
 * interrupted run never leaves a half file that looks whole (DESIGN.md §7).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** The temporary name a file is written under before {@link #commit}. */
    public static Path temporary(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".partial");
    }

    /** Renames the finished temporary file onto its target (atomically where the file system allows). */
    public static void commit(Path target) throws IOException {
        Path tmp = temporary(target);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code content} to {@code target} through a temporary file. */
    public static void write(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(temporary(target), content);
        commit(target);
    }
}
