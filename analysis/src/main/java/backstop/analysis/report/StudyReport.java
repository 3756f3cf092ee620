package backstop.analysis.report;

import backstop.analysis.study.ReproductionRow;
import backstop.analysis.study.StudyResults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The page for a reproduction study, paper style: first the comparison table (table {@code #reproduction}: each
 * published figure with its source beside the simulated mean, its 95% interval over seeds, the band and whether the
 * mean is inside), then the verdict (which asserted rows fall outside), the study's description, and a link to each
 * sweep's own report.
 */
final class StudyReport {
    private StudyReport() {
    }

    static String html(Path dir) {
        StudyResults study = StudyResults.load(dir);
        Html page = new Html(study.title() + (study.ci() ? " (CI version)" : ""));
        List<List<String>> rows = new ArrayList<>();
        for (ReproductionRow r : study.rows()) {
            rows.add(List.of(r.figure(), r.quantity(), r.published() + " " + r.unit(), r.source(), r.simulated(),
                    Double.isNaN(r.ciLow()) ? "" : "[" + Html.number(r.ciLow()) + ", " + Html.number(r.ciHigh()) + "]",
                    Integer.toString(r.samples()), r.band(), r.inside() ? "yes" : "NO",
                    r.asserted() ? "yes" : "reported only"));
        }
        page.table("reproduction", List.of("figure", "quantity", "published", "source", "simulated mean",
                "95% interval over seeds", "seeds", "band", "inside", "asserted"), rows);
        List<String> outside = study.outside();
        long asserted = study.rows().stream().filter(ReproductionRow::asserted).count();
        page.paragraph(outside.isEmpty() ? "Every asserted row (" + asserted + " of " + study.rows().size()
                + ") is inside its band."
                : outside.size() + " of the " + asserted + " asserted rows are outside their band: "
                + String.join(", ", outside) + ".");
        page.paragraph("The simulated mean is over seeds (runs whose value is undefined are left out; \"seeds\" counts"
                + " the rest), with its 95% t interval; a row is inside when the mean satisfies the band. A ranking row"
                + " lists the designs in the order of their means.");
        if (!study.description().isEmpty()) {
            page.heading("What is reproduced");
            page.paragraph(study.description());
        }
        page.heading("Sweeps");
        for (String id : study.sweeps()) {
            Path report = dir.resolve("sweeps").resolve(id).resolve("report.html");
            if (Files.isRegularFile(report)) {
                page.link("sweep " + id + ": its report", "sweeps/" + id + "/report.html");
            } else {
                page.paragraph("sweep " + id + ": sweeps/" + id + "/ (no report.html)");
            }
        }
        return page.finish();
    }
}
