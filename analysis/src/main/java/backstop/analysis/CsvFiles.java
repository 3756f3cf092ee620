package backstop.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads a CSV result file (header row, then data rows; quoting as Jackson writes it) into a {@link Table}. */
final class CsvFiles {
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private CsvFiles() {
    }

    static Table read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(in)) {
            if (!it.hasNext()) {
                throw new ResultFormatException(file + ": empty file, expected a header row");
            }
            List<String> header = Arrays.asList(it.next());
            List<String[]> rows = new ArrayList<>();
            while (it.hasNext()) {
                rows.add(it.next());
            }
            return new Table(file.toString(), header, rows);
        } catch (NoSuchFileException e) {
            throw new ResultFormatException(file + ": file not found", e);
        } catch (JsonProcessingException e) {
            throw new ResultFormatException(file + " line " + e.getLocation().getLineNr() + " column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof JsonProcessingException j) {
                throw new ResultFormatException(file + " line " + j.getLocation().getLineNr() + " column "
                        + j.getLocation().getColumnNr() + ": " + j.getOriginalMessage(), e);
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
