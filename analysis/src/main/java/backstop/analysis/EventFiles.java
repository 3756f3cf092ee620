package backstop.analysis;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Where a run folder keeps its events and how to read them: {@code events.jsonl.gz} (gzip, as runs write it) or
 * {@code events.jsonl} (plain, as older runs wrote it, or a file of your own). A run at event level {@code none}
 * has neither.
 */
public final class EventFiles {
    /** The gzip-compressed events file runs write. */
    public static final String COMPRESSED = "events.jsonl.gz";
    /** The plain events file of runs written before compression, or a user's own. */
    public static final String PLAIN = "events.jsonl";
    private static final int BUFFER = 1 << 16;

    private EventFiles() {
    }

    /** The events file of {@code runDir}: {@value #COMPRESSED} if present, else {@value #PLAIN}; empty if neither. */
    public static Optional<Path> find(Path runDir) {
        for (String name : new String[] {COMPRESSED, PLAIN}) {
            Path f = runDir.resolve(name);
            if (Files.isRegularFile(f)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The bytes of the JSON lines in {@code file}, decompressed when its name ends in {@code .gz}. */
    public static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (!file.getFileName().toString().endsWith(".gz")) {
            return new BufferedInputStream(in, BUFFER);
        }
        try {
            return new GZIPInputStream(in, BUFFER);
        } catch (IOException e) {
            in.close();
            throw new IOException(file + ": not a gzip file (" + e.getMessage() + ")", e);
        }
    }

    /** The lines of {@code file} as UTF-8 text, decompressed when its name ends in {@code .gz}. */
    public static BufferedReader reader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8), BUFFER);
    }
}
