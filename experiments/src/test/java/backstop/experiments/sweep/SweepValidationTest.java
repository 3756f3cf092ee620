package backstop.experiments.sweep;

import backstop.experiments.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad sweep files and options: exit 2, a message naming the path at fault, and no output folder. */
class SweepValidationTest {
    private static final String HEAD = SweepPlanTest.HEAD;
    private static final String OK_DESIGNS = "designs: [none, dydx-v4]\nreplications: 2\n";

    /** Each bad sweep file, with a piece of the message it must produce. */
    private static Map<String, String> cases() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put(HEAD + "designs: [none, nope]\nreplications: 2\n", "bad.yaml: designs[1]: unknown preset 'nope'");
        c.put("name: t\nscenario: nowhere\n" + OK_DESIGNS, "bad.yaml: scenario: unknown scenario 'nowhere'");
        c.put("name: t\nscenario: calm\noverrides: [duration_seconds=60, \"agents[1].cuont=3\"]\n" + OK_DESIGNS,
                "bad.yaml: overrides[1]: --set agents[1].cuont: no such key (cuont)");
        c.put(HEAD + OK_DESIGNS + "parameters: {grid: {\"markets[0].venue.deph\": [1, 2]}}\n",
                "bad.yaml: parameters.grid.markets[0].venue.deph (point 0, markets[0].venue.deph=1): --set markets[0].venue.deph: no such key (deph)");
        c.put(HEAD + OK_DESIGNS + "parameters: {grid: {\"agents[1].count\": [5, -5]}}\n",
                "bad.yaml: parameters.grid.agents[1].count (point 1, agents[1].count=-5): calm: agents[1].count: must be ≥ 0, got -5");
        c.put(HEAD + OK_DESIGNS + "parameters: {grid: {duration_seconds: []}}\n",
                "bad.yaml: parameters.grid.duration_seconds: must list at least one value");
        c.put(HEAD + OK_DESIGNS + "parameters: {mode: random, samples: 3, ranges: {duration_seconds: [600, 60]}}\n",
                "bad.yaml: parameters.ranges.duration_seconds: min must be below max, got [600, 60]");
        c.put(HEAD + OK_DESIGNS + "parameters: {mode: latin-hypercube, samples: 3, ranges: {duration_seconds: [60]}}\n",
                "bad.yaml: parameters.ranges.duration_seconds: must be [min, max] (two numbers)");
        c.put(HEAD + OK_DESIGNS + "parameters: {mode: random, samples: 0, ranges: {duration_seconds: [60, 70]}}\n",
                "bad.yaml: parameters.samples: must be ≥ 1, got 0");
        c.put(HEAD + OK_DESIGNS + "parameters: {mode: sobol, samples: 2, ranges: {duration_seconds: [60, 70]}}\n",
                "bad.yaml: parameters.mode: ");
        c.put(HEAD + OK_DESIGNS + "parameters: {ranges: {duration_seconds: [60, 70]}}\n",
                "bad.yaml: parameters: mode grid takes `grid:`");
        c.put(HEAD + "designs: [none, {extends: dydx-v4, name: none}]\nreplications: 2\n",
                "bad.yaml: designs[1].name: 'none' is already the name of designs[0]");
        c.put(HEAD + "designs: [none, {extends: dydx-v4, insurance_fund: 1}]\nreplications: 2\n",
                "bad.yaml: designs[1].name: an inline design needs its own name");
        c.put(HEAD + "designs: [none, {extends: dydx-v4, name: x, insurance_fund: -1}]\nreplications: 2\n",
                "bad.yaml: designs[1]: insurance_fund: must be in [0, 1e12], got -1.0");
        c.put(HEAD + "designs: [none, {extends: dydx-v4, name: x/y}]\nreplications: 2\n",
                "bad.yaml: designs[1].name: must be a name of letters, digits, '.', '_' or '-' (it names folders), got 'x/y'");
        c.put(HEAD + "designs: [none, {extends: synthetix-v3, name: s, liquidation: {throttle: {capacity_lots: [1, 2]}}}]\n"
                + "replications: 2\n", "bad.yaml: design 's' on scenario 'calm': liquidation.throttle.capacity_lots: lists 2"
                + " values but the scenario has 1 market");
        c.put(HEAD + "designs: [synthetix-v3]\nreplications: 1\n"
                        + "parameters: {grid: {design.liquidation.throttle.capacity_lots: [[1], [1, 2]]}}\n",
                "bad.yaml (point 1): design 'synthetix-v3' on scenario 'calm': liquidation.throttle.capacity_lots: lists 2"
                        + " values but the scenario has 1 market");
        c.put(HEAD + "designs: []\nreplications: 2\n", "bad.yaml: designs: must list at least one design");
        c.put(HEAD + OK_DESIGNS + "baseline: binance\n", "bad.yaml: baseline: 'binance' is not one of the designs (none, dydx-v4)");
        c.put(HEAD + "designs: [none]\nreplications: 0\n", "bad.yaml: replications: must be ≥ 1, got 0");
        c.put(HEAD + "designs: [none]\nreplicatoins: 2\n", "bad.yaml: replicatoins: ");
        c.put(HEAD + "designs: [none]\nreplications: 2\nbase_seed: -1\n", "bad.yaml: base_seed: must be ≥ 0");
        return c;
    }

    @Test
    void eachBadSweepExitsTwoNamingItsPathAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("bad.yaml");
        Path out = tmp.resolve("out");
        for (Map.Entry<String, String> c : cases().entrySet()) {
            Files.writeString(file, c.getValue().isEmpty() ? "" : c.getKey());
            String err = stderrOf(2, "sweep", file.toString(), "--out", out.toString());
            assertTrue(err.startsWith("backstop: ") && err.contains("/" + c.getValue()), "expected «" + c.getValue() + "» in:\n" + err);
            assertFalse(Files.exists(out), "no output folder for:\n" + c.getKey());
        }
    }

    @Test
    void badOptionsExitTwoAndWriteNothing(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("ok.yaml");
        Files.writeString(file, HEAD + OK_DESIGNS);
        Path out = tmp.resolve("out");
        assertTrue(stderrOf(2, "sweep", file.toString(), "--out", out.toString(), "--threads", "0")
                .contains("--threads: must be ≥ 1, got 0"));
        assertTrue(stderrOf(2, "sweep", tmp.resolve("missing.yaml").toString(), "--out", out.toString())
                .contains("missing.yaml: no such sweep file"));
        assertFalse(Files.exists(out));
        // An existing sweep folder is never overwritten without --resume.
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "x");
        assertTrue(stderrOf(2, "sweep", file.toString(), "--out", out.toString()).contains("already exists; use --resume"));
        try (var entries = Files.list(out)) {
            assertEquals(1, entries.count());
        }
    }

    static String stderrOf(int expectedExit, String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedExit, Main.execute(args), () -> err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
