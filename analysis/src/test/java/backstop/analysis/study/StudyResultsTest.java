package backstop.analysis.study;

import backstop.analysis.ResultFormatException;
import backstop.analysis.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A study folder read back, and its report: the comparison first, the rows outside named. */
class StudyResultsTest {
    @TempDir
    Path dir;

    private void write(String table) throws Exception {
        Files.writeString(dir.resolve("study.json"), """
                {"name": "s", "title": "A study", "description": "What it reproduces.", "ci": false,
                 "sweeps": {"crash": {}, "calm": {}}}
                """);
        Files.writeString(dir.resolve("reproduction.csv"), table);
    }

    @Test
    void rowsAreReadInOrderAndTheReportLeadsWithTheComparison() throws Exception {
        write(String.join(",", ReproductionRow.HEADER) + "\n"
                + "zero-bid,\"share of auctions won at zero\",0.36,share,\"S89, §9\",0.3,0.25,0.35,10,\"[0.2, 0.6]\",true,true\n"
                + "rank,by design,a < b,ranking,none,b (1) < a (2),,,10,a < b,false,true\n"
                + "quiet,reported only,0,share,none,0.9,0.8,1.0,10,\"[−∞, 0.05]\",false,false\n");
        StudyResults s = StudyResults.load(dir);
        assertTrue(StudyResults.isStudy(dir));
        assertEquals("A study", s.title());
        assertEquals(java.util.List.of("crash", "calm"), s.sweeps());
        assertEquals(3, s.rows().size());
        ReproductionRow first = s.rows().get(0);
        assertEquals("S89, §9", first.source());
        assertEquals(0.25, first.ciLow());
        assertTrue(Double.isNaN(s.rows().get(1).ciLow()), "a ranking has no interval");
        assertEquals(java.util.List.of("rank"), s.outside(), "a row not asserted is never counted outside");
        String html = Files.readString(Report.write(dir));
        int table = html.indexOf("<table");
        assertEquals(table, html.indexOf("<table id=\"reproduction\""), "the comparison is the first table");
        assertTrue(html.contains("1 of the 2 asserted rows are outside their band: rank."), html);
        assertTrue(html.contains("reported only"));
        assertFalse(html.contains("href=\"sweeps/crash/report.html\""), "no link to a sweep report that is not there");
    }

    @Test
    void aTableWithoutItsColumnsIsRefusedNamingThem() throws Exception {
        write("figure,quantity\nx,y\n");
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> StudyResults.load(dir));
        assertTrue(e.getMessage().contains("no column 'published'"), e.getMessage());
    }
}
