package backstop.experiments.results;

import backstop.experiments.config.ConfigException;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
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
    private final boolean replace;

    /** A run folder that may replace an earlier Backstop run folder at {@code target} (sweeps, the GUI). */
    public RunDirectory(Path target) throws IOException {
        this(target, true);
    }

    /**
     * A run folder at {@code target}. Nothing Backstop did not write is ever replaced: an existing file, or a folder
     * without a Backstop {@code manifest.json}, is refused; an earlier run folder is replaced only when
     * {@code replace}. Refusals are {@link ConfigException}s (exit 2) naming the path, before anything is written.
     */
    public RunDirectory(Path target, boolean replace) throws IOException {
        this(target, replace, false);
    }

    private RunDirectory(Path target, boolean replace, boolean keepStaging) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        this.replace = replace;
        refuseUnsafe(this.target, replace);
        this.staging = stagingOf(this.target);
        if (!keepStaging) {
            delete(staging);
        }
        Files.createDirectories(staging);
    }

    /**
     * A run folder at {@code target} that takes over the staging folder an interrupted run left (or starts one): what a
     * resumed game reads its kept simulations from. The same refusals as {@link #RunDirectory(Path, boolean)}.
     */
    public static RunDirectory resuming(Path target, boolean replace) throws IOException {
        return new RunDirectory(target, replace, true);
    }

    /** The hidden sibling a run folder at {@code target} is built in. */
    public static Path stagingOf(Path target) {
        Path t = target.toAbsolutePath().normalize();
        return t.resolveSibling("." + t.getFileName() + ".partial");
    }

    private static void refuseUnsafe(Path target, boolean replace) {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ConfigException("output " + target + ": exists and is not a folder; refusing to replace it");
        }
        if (!Files.isRegularFile(target.resolve("manifest.json"))) {
            throw new ConfigException("output " + target + ": is a folder Backstop did not write (no manifest.json);"
                    + " refusing to replace it");
        }
        if (!replace) {
            throw new ConfigException("output " + target + ": holds an earlier run; add --force to replace it");
        }
    }

    /** Where files are written while the run is in progress. */
    public Path staging() {
        return staging;
    }

    /** Replaces the target with the completed staging folder (checked again: something may have appeared there). */
    public Path commit() throws IOException {
        refuseUnsafe(target, replace);
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
