package backstop.analysis.game;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writes a CSV file with a header row through Jackson, into a temporary file renamed when complete. */
final class GameCsv {
    private static final CsvMapper CSV = new CsvMapper();

    private GameCsv() {
    }

    static void write(Path file, List<String> header, List<List<Object>> rows) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder();
        header.forEach(schema::addColumn);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             var writer = CSV.writer(schema.build().withHeader()).writeValues(out)) {
            for (List<Object> row : rows) {
                writer.write(row);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
