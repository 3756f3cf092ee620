package backstop.experiments.results;

import backstop.protocol.event.EventSink;
import backstop.protocol.event.ProtocolEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Streams protocol events to {@code events.jsonl}, one JSON object per line with its {@code type} first. */
public final class EventJsonl implements EventSink, AutoCloseable {
    private final ObjectMapper mapper;
    private final Path target;
    private final BufferedWriter out;
    private boolean failed;

    public EventJsonl(Path target, ObjectMapper mapper) throws IOException {
        this.target = target;
        this.mapper = mapper;
        Files.createDirectories(target.toAbsolutePath().getParent());
        this.out = Files.newBufferedWriter(AtomicFiles.temporary(target), StandardCharsets.UTF_8);
    }

    @Override
    public void accept(ProtocolEvent event) {
        ObjectNode node = mapper.createObjectNode();
        node.put("type", event.type());
        node.setAll((ObjectNode) mapper.valueToTree(event));
        try {
            out.write(mapper.writeValueAsString(node));
            out.write('\n');
        } catch (IOException e) {
            failed = true;
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the file and, unless writing failed, gives it its final name. */
    @Override
    public void close() throws IOException {
        out.close();
        if (!failed) {
            AtomicFiles.commit(target);
        }
    }
}
