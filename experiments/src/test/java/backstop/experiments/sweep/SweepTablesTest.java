package backstop.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SweepTablesTest {
    /** t(0.975, 2), from tables: the 95% two-sided quantile with three pairs. */
    private static final double T2 = 4.302652729911275;

    private static RunRow row(String design, int point, long seed, double badDebt, long liquidations) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("agents[1].count", IntNode.valueOf(10 * (point + 1)));
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("bad_debt", badDebt);
        m.put("liquidation_count", liquidations);
        return new RunRow(design + "-p" + point + "-s" + seed, design, new ParameterPoint(point, values), seed, m);
    }

    /**
     * Base on (point, seed) (0,1), (0,2), (1,1): bad debt 1, 2, 3; "cap" on the same: 2, 4, 3. Differences 1, 2, 0:
     * mean 1, sd 1, half-width T2/√3; cap's own values: mean 3, sd 1, the same half-width.
     */
    private static List<RunRow> tiny() {
        List<RunRow> rows = new ArrayList<>(List.of(
                row("base", 0, 1, 1, 5), row("base", 0, 2, 2, 5), row("base", 1, 1, 3, 5),
                row("cap", 0, 1, 2, 5), row("cap", 0, 2, 4, 5), row("cap", 1, 1, 3, 5)));
        // The tables must pair by (point, seed), not by the order rows arrive in.
        Collections.reverse(rows);
        return rows;
    }

    @Test
    void comparisonHasTheHandComputedMeansIntervalsAndPairedDifferences() throws Exception {
        String csv = new String(SweepTables.comparison(tiny(), "base"), StandardCharsets.UTF_8);
        double half = T2 / Math.sqrt(3);
        List<String> lines = csv.lines().toList();
        assertEquals(String.join(",", SweepTables.COMPARISON_HEADER), lines.get(0));
        assertEquals(5, lines.size(), csv);
        String[] base = lines.get(1).split(",", -1);
        assertEquals(List.of("base", "bad_debt", "3", "2.0"), List.of(base).subList(0, 4));
        // Commons Math inverts the t distribution to about 1e-9, hence the tolerance.
        assertEquals(2 - half, Double.parseDouble(base[4]), 1e-8);
        assertEquals(2 + half, Double.parseDouble(base[5]), 1e-8);
        assertEquals(List.of("base", "", "", "", "", ""), List.of(base).subList(6, 12));
        assertEquals("base,liquidation_count,3,5.0,5.0,5.0,base,,,,,", lines.get(2));
        String[] cap = lines.get(3).split(",", -1);
        assertEquals(List.of("cap", "bad_debt", "3", "3.0"), List.of(cap).subList(0, 4));
        assertEquals(3 - half, Double.parseDouble(cap[4]), 1e-8);
        assertEquals(3 + half, Double.parseDouble(cap[5]), 1e-8);
        assertEquals("base", cap[6]);
        assertEquals(1.0, Double.parseDouble(cap[7]), 1e-12);
        assertEquals(1 - half, Double.parseDouble(cap[8]), 1e-8);
        assertEquals(1 + half, Double.parseDouble(cap[9]), 1e-8);
        assertEquals(0.0, Double.parseDouble(cap[10]));
        assertEquals(2.0 / 3, Double.parseDouble(cap[11]));
        assertEquals("cap,liquidation_count,3,5.0,5.0,5.0,base,0.0,0.0,0.0,0.0,0.0", lines.get(4));
    }

    @Test
    void anIntervalFromOneRunIsLeftEmpty() throws Exception {
        String csv = new String(SweepTables.comparison(List.of(row("base", 0, 1, 1, 5), row("cap", 0, 1, 4, 5)), "base"),
                StandardCharsets.UTF_8);
        assertEquals("cap,bad_debt,1,4.0,,,base,3.0,,,0.0,1.0", csv.lines().toList().get(3));
    }

    @Test
    void runsTableHasOneRowPerRunSortedByIdWithParametersThenMetrics() throws Exception {
        String csv = new String(SweepTables.runs(tiny(), List.of("agents[1].count")), StandardCharsets.UTF_8);
        assertEquals(List.of(
                "run_id,design,seed,param:agents[1].count,bad_debt,liquidation_count",
                "base-p0-s1,base,1,10,1.0,5",
                "base-p0-s2,base,2,10,2.0,5",
                "base-p1-s1,base,1,20,3.0,5",
                "cap-p0-s1,cap,1,10,2.0,5",
                "cap-p0-s2,cap,2,10,4.0,5",
                "cap-p1-s1,cap,1,20,3.0,5"), csv.lines().toList());
    }
}
