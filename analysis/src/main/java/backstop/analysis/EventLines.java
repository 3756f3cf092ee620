package backstop.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams an events file ({@code events.jsonl.gz} or {@code events.jsonl}, see {@link EventFiles}) one line at a
 * time, so a multi-gigabyte log is never held in memory. Each line must be a JSON object with a text {@code type}
 * and a numeric {@code id}; blank lines are skipped.
 */
final class EventLines extends Spliterators.AbstractSpliterator<JsonNode> {
    private final String file;
    private final BufferedReader in;
    private int line;

    private EventLines(Path file, BufferedReader in) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.file = file.toString();
        this.in = in;
    }

    /** The events in file order; close the stream (try-with-resources) to close the file. */
    static Stream<JsonNode> stream(Path file) {
        BufferedReader in;
        try {
            in = EventFiles.reader(file);
        } catch (NoSuchFileException e) {
            throw new ResultFormatException(file + ": file not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return StreamSupport.stream(new EventLines(file, in), false).onClose(() -> {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public boolean tryAdvance(Consumer<? super JsonNode> action) {
        String text;
        try {
            do {
                text = in.readLine();
                line++;
            } while (text != null && text.isBlank());
        } catch (IOException e) {
            throw new UncheckedIOException(file + " line " + line + ": " + e.getMessage(), e);
        }
        if (text == null) {
            return false;
        }
        action.accept(parse(text));
        return true;
    }

    private JsonNode parse(String text) {
        JsonNode node;
        try {
            node = JsonFiles.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new ResultFormatException(file + " line " + line + " column " + column + ": "
                    + e.getOriginalMessage(), e);
        }
        if (!node.isObject()) {
            throw new ResultFormatException(file + " line " + line + ": expected a JSON object, got " + abbreviate(text));
        }
        if (!node.path("type").isTextual()) {
            throw new ResultFormatException(file + " line " + line + ": field 'type' must be text, got "
                    + node.path("type"));
        }
        if (!node.path("id").isIntegralNumber()) {
            throw new ResultFormatException(file + " line " + line + ": field 'id' must be an integer, got "
                    + node.path("id"));
        }
        return node;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
