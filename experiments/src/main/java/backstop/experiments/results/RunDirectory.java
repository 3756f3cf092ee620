package backstop.experiments.results;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A run folder is built under a hidden sibling name ({@code .NAME.partial}) and renamed into place only when
 * every file is complete, so an interrupted or failed run never leaves a folder that looks finished.
 */
public final class RunDirectory {
    private final Path target;
    private final Path staging;

    public RunDirectory(Path target) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        this.staging = this.target.resolveSibling("." + this.target.getFileName() + ".partial");
        delete(staging);
        Files.createDirectories(staging);
    }

    /** Where files are written while the run is in progress. */
    public Path staging() {
        return staging;
    }

    /** Replaces the target with the completed staging folder. */
    public Path commit() throws IOException {
        delete(target);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** Removes the staging folder after a failure. */
    public void abandon() throws IOException {
        delete(staging);
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
