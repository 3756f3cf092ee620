package backstop.analysis;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads JSON result files; a syntax error is reported with the file, line and column. */
final class JsonFiles {
    /** Non-numeric numbers are allowed because Jackson may write a NaN metric as a bare {@code NaN}. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private JsonFiles() {
    }

    static JsonNode read(Path file) {
        try {
            JsonNode node = MAPPER.readTree(file.toFile());
            if (node == null || node.isMissingNode()) {
                throw new ResultFormatException(file + ": empty file, expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ResultFormatException(at(file.toString(), e), e);
        } catch (IOException e) {
            if (e instanceof java.io.FileNotFoundException || e instanceof NoSuchFileException) {
                throw new ResultFormatException(file + ": file not found", e);
            }
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** "file line L column C: what was wrong". */
    static String at(String file, JsonProcessingException e) {
        if (e.getLocation() == null) {
            return file + ": " + e.getOriginalMessage();
        }
        return file + " line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr() + ": "
                + e.getOriginalMessage();
    }
}
