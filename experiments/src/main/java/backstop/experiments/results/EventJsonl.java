package backstop.experiments.results;

import backstop.analysis.EventFiles;
import backstop.protocol.event.EventSink;
import backstop.protocol.event.ProtocolEvent;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Streams the protocol events an {@link EventLevel} keeps to a run's events file, one JSON object per line with
 * its {@code type} first: {@code events.jsonl.gz} (gzip) as runs write it, or plain {@code events.jsonl} for a
 * target of that name. Each event is serialized straight into one streaming generator (no tree per event).
 * The gzip stream is deterministic (Java writes a fixed header: no name, no time), so the same run writes the
 * same bytes on one machine; another zlib may compress differently, so compare runs by their decompressed lines.
 */
public final class EventJsonl implements EventSink, AutoCloseable {
    /** The events file runs write. */
    public static final String FILE = EventFiles.COMPRESSED;
    /**
     * Deflate level of a {@code full} file: 1. Deflating costs in proportion to the bytes, and a full file is big:
     * on the default run's 74 MB, level 1 takes 0.46 s of CPU for 10.4 MB, level 6 (zlib's default) 1.5 s for
     * 7.8 MB — three times what writing the JSON costs (0.5 s) — and level 9 4.6 s for 6.8 MB (README "Disk use").
     */
    static final int FULL_DEFLATE_LEVEL = 1;
    /**
     * Deflate level of a {@code losses} file: 6. The stream is ~4% of a full one, so level 6 costs ~0.07 s a run
     * and saves a quarter of the bytes level 1 writes (230 kB against 297 kB on the default run) — what matters
     * in a study of many runs; level 9 would save only 5% more.
     */
    static final int LOSSES_DEFLATE_LEVEL = 6;
    private static final int BUFFER = 1 << 16;
    /** Thread-safe; one per process (sweeps write from several threads). */
    private static final ObjectWriter WRITER = writer();

    private final EventLevel level;
    private final Path target;
    private final JsonGenerator out;
    private long lines;
    private boolean failed;

    /** Every event {@code level} keeps, to {@code target}: gzip when its name ends in {@code .gz}, else plain text. */
    public EventJsonl(Path target, EventLevel level) throws IOException {
        this.level = level;
        this.target = target;
        if (level == EventLevel.NONE) {
            this.out = null;
            return;
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        OutputStream file = Files.newOutputStream(AtomicFiles.temporary(target));
        OutputStream stream = target.getFileName().toString().endsWith(".gz")
                ? gzip(file, level == EventLevel.FULL ? FULL_DEFLATE_LEVEL : LOSSES_DEFLATE_LEVEL) : file;
        this.out = WRITER.createGenerator(stream, JsonEncoding.UTF8);
        out.setRootValueSeparator(null); // each event ends its own line instead
    }

    /** The events file of the run folder {@code dir} at {@code level} ({@link #FILE}; none at all for {@code none}). */
    public static EventJsonl open(Path dir, EventLevel level) throws IOException {
        return new EventJsonl(dir.resolve(FILE), level);
    }

    @Override
    public void accept(ProtocolEvent event) {
        if (out == null || !level.keeps(event)) {
            return;
        }
        try {
            WRITER.writeValue(out, event);
            out.writeRaw('\n');
            lines++;
        } catch (IOException e) {
            failed = true;
            throw new UncheckedIOException(e);
        }
    }

    /** Lines written so far. */
    public long lines() {
        return lines;
    }

    /** Closes the file and, unless writing failed, gives it its final name; for {@code none} does nothing. */
    @Override
    public void close() throws IOException {
        if (out == null) {
            return;
        }
        out.close();
        if (!failed) {
            AtomicFiles.commit(target);
        }
    }

    private static OutputStream gzip(OutputStream file, int deflateLevel) throws IOException {
        return new GZIPOutputStream(file, BUFFER) {
            {
                def.setLevel(deflateLevel);
            }
        };
    }

    /**
     * The result-file mapper ({@link Json}) with the event's {@link ProtocolEvent#type()} written as the first
     * property, and no flush after each event (that would defeat the buffers).
     */
    private static ObjectWriter writer() {
        ObjectMapper mapper = Json.mapper();
        mapper.addMixIn(ProtocolEvent.class, TypeFirst.class);
        return mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonTypeIdResolver(TypeNames.class)
    private interface TypeFirst {
    }

    /** The type id of an event is its {@link ProtocolEvent#type()}, as the file has always named it. */
    static final class TypeNames extends TypeIdResolverBase {
        // Lookups only; ProtocolEvent.type() is computed once per record class.
        private static final java.util.Map<Class<?>, String> NAMES = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public String idFromValue(Object value) {
            ProtocolEvent e = (ProtocolEvent) value;
            return NAMES.computeIfAbsent(e.getClass(), c -> e.type());
        }

        @Override
        public String idFromValueAndType(Object value, Class<?> suggestedType) {
            return idFromValue(value);
        }

        @Override
        public JsonTypeInfo.Id getMechanism() {
            return JsonTypeInfo.Id.CUSTOM;
        }

        @Override
        public JavaType typeFromId(DatabindContext context, String id) {
            throw new UnsupportedOperationException("events are only written here");
        }
    }
}
