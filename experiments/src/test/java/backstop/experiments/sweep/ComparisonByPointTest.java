package backstop.experiments.sweep;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** comparison_by_point.csv: each parameter point compared on its own, by hand-computed numbers. */
class ComparisonByPointTest {
    private static ParameterPoint point(int index, String scenario) {
        return new ParameterPoint(index, Map.of(ParameterPoint.SCENARIO, JsonNodeFactory.instance.textNode(scenario)));
    }

    private static RunRow row(String design, ParameterPoint p, long seed, double badDebt) {
        return new RunRow(design + "-p" + p.index() + "-s" + seed, design, p, seed, Map.of("bad_debt", badDebt));
    }

    @Test
    void eachPointIsComparedOnItsOwnSeeds(@TempDir Path dir) throws Exception {
        ParameterPoint calm = point(0, "calm");
        ParameterPoint crash = point(1, "luna-2022");
        List<RunRow> rows = new ArrayList<>(List.of(
                row("none", calm, 1, 0), row("none", calm, 2, 0), row("fund", calm, 1, 0), row("fund", calm, 2, 0),
                row("none", crash, 1, 100), row("none", crash, 2, 300), row("fund", crash, 1, 40), row("fund", crash, 2, 60)));
        SweepTables.write(dir, rows, List.of(ParameterPoint.SCENARIO), "none");
        List<String> lines = Files.readAllLines(dir.resolve(SweepTables.BY_POINT));
        assertEquals("point,param:scenario,design,metric,n,mean,ci_low,ci_high,baseline,mean_difference,"
                + "difference_ci_low,difference_ci_high,share_lower,share_higher", lines.get(0));
        assertEquals(1 + 2 * 2, lines.size(), String.join("\n", lines));
        // Point 1, design fund: mean (40 + 60) / 2 = 50; paired differences 40 − 100 = −60 and 60 − 300 = −240,
        // mean −150, lower on both seeds.
        String fundAtCrash = lines.stream().filter(l -> l.startsWith("1,luna-2022,fund,bad_debt,2,50.0,")).findFirst()
                .orElseThrow(() -> new AssertionError(String.join("\n", lines)));
        assertTrue(fundAtCrash.contains(",none,-150.0,") && fundAtCrash.endsWith(",1.0,0.0"), fundAtCrash);
        // The pooled comparison mixes the points: fund's mean over all four runs is 25.
        assertTrue(Files.readString(dir.resolve("comparison.csv")).contains("fund,bad_debt,4,25.0,"));

        SweepTables.write(dir, rows.subList(0, 4), List.of(ParameterPoint.SCENARIO), "none");
        assertFalse(Files.exists(dir.resolve(SweepTables.BY_POINT)), "one point: no per-point table");
    }
}
