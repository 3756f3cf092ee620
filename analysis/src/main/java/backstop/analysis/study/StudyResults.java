package backstop.analysis.study;

import backstop.analysis.ResultFormatException;
import backstop.analysis.Table;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A study folder: the resolved study ({@code study.json}: name, title, description, whether it is the CI version, the
 * sweeps by id) and {@code reproduction.csv}'s rows, in the study's order.
 */
public record StudyResults(Path dir, String name, String title, String description, boolean ci, List<String> sweeps,
                           List<ReproductionRow> rows) {
    /** The study's table, as the study runner writes it. */
    public static final String TABLE = "reproduction.csv";

    /** Whether {@code dir} is a study folder (it has reproduction.csv). */
    public static boolean isStudy(Path dir) {
        return Files.isRegularFile(dir.resolve(TABLE));
    }

    /** Reads a study folder; fails naming the file when reproduction.csv or study.json is missing or malformed. */
    public static StudyResults load(Path dir) {
        Path json = dir.resolve("study.json");
        if (!Files.isRegularFile(json)) {
            throw new ResultFormatException(json + ": file not found; not a study folder");
        }
        JsonNode study = backstop.analysis.Results.json(json);
        List<String> sweeps = new ArrayList<>();
        study.path("sweeps").fieldNames().forEachRemaining(sweeps::add);
        Table t = Table.read(dir.resolve(TABLE));
        for (String c : ReproductionRow.HEADER) {
            if (!t.has(c)) {
                throw new ResultFormatException(t.source() + ": no column '" + c + "'; a reproduction table has "
                        + ReproductionRow.HEADER);
            }
        }
        List<ReproductionRow> rows = new ArrayList<>();
        for (int i = 0; i < t.rows(); i++) {
            rows.add(new ReproductionRow(t.cell(i, "figure"), t.cell(i, "quantity"), t.cell(i, "published"),
                    t.cell(i, "unit"), t.cell(i, "source"), t.cell(i, "simulated_mean"), t.value(i, "ci_low"),
                    t.value(i, "ci_high"), (int) t.value(i, "samples"), t.cell(i, "band"),
                    Boolean.parseBoolean(t.cell(i, "inside")), Boolean.parseBoolean(t.cell(i, "asserted"))));
        }
        return new StudyResults(dir, study.path("name").asText(), study.path("title").asText(),
                study.path("description").asText(""), study.path("ci").asBoolean(), List.copyOf(sweeps), List.copyOf(rows));
    }

    /** The ids of the asserted rows outside their band. */
    public List<String> outside() {
        return rows.stream().filter(r -> r.asserted() && !r.inside()).map(ReproductionRow::figure).toList();
    }
}
