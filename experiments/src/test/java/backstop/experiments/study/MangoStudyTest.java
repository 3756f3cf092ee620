package backstop.experiments.study;

import backstop.analysis.Results;
import backstop.analysis.RunResults;
import backstop.analysis.Table;
import backstop.analysis.study.ReproductionRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CI version of {@code experiments/studies/mango.yaml} (issue 14, study 3; README "Study: Mango Markets"): every
 * asserted row inside its band, the one that does not reproduce (the extraction ranking: a tie at the liquidity cap)
 * still outside, and the money of every run adding up with the new metrics.
 */
class MangoStudyTest {
    private static final Path STUDY = StudyFilesTest.STUDIES.resolve("mango.yaml");
    /** The attacker's two deposits and its pump (mango-2022). */
    private static final double DEPOSITED = 10_000_000;
    private static final double PUMP = 4_000_000;

    @TempDir
    Path tmp;

    @Test
    void theShortStudyReproducesWhatItClaimsAndTheMoneyAddsUp() throws Exception {
        StudyPlan plan = StudyPlan.load(STUDY, true);
        StudyRunner.Outcome o = new StudyRunner(plan, tmp.resolve("mango"), "test")
                .run(2, new PrintStream(OutputStream.nullOutputStream()), false);
        assertTrue(o.failed().isEmpty(), "runs failed: " + o.failed());
        List<String> wrong = new ArrayList<>();
        for (ReproductionRow r : o.rows()) {
            if (r.asserted() != r.inside()) {
                wrong.add(r.figure() + (r.asserted() ? " is outside its band: " : " is now inside its band (update the"
                        + " study and README): ") + r.simulated());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("; ", wrong));

        Map<String, Map<Long, RunResults>> runs = new HashMap<>();
        for (String sweep : plan.sweeps().keySet()) {
            try (Stream<Path> dirs = Files.list(o.folder().resolve("sweeps").resolve(sweep).resolve("runs"))) {
                for (Path d : dirs.filter(Files::isDirectory).toList()) {
                    RunResults run = Results.load(d);
                    runs.computeIfAbsent(sweep, k -> new HashMap<>()).put(run.manifest().path("seed").asLong(), run);
                }
            }
        }
        for (var sweep : runs.entrySet()) {
            for (var e : sweep.getValue().entrySet()) {
                RunResults run = e.getValue();
                String where = sweep.getKey() + " seed " + e.getKey();
                assertEquals(0, run.metric("payoff_residual"), where + ": the payoff identity closes");
                double extracted = run.metric("extracted_value");
                double withdrawable = run.metric("withdrawable_liquidity");
                // Until the attack the six oracles see the same world: the liquidity it meets is the same in each.
                assertEquals(runs.get("single-thin").get(e.getKey()).metric("withdrawable_liquidity"), withdrawable, where);
                // Nobody deposits between the attack and its one withdrawal, which cannot exceed the tokens held.
                assertTrue(extracted + DEPOSITED <= withdrawable, where + ": " + extracted + " of " + withdrawable);
                // Its payoff is what it extracted plus what its accounts and its spot still hold, less the pump.
                Table agents = run.agents();
                int row = agents.text("population").indexOf("adversary");
                assertTrue(agents.value(row, "payoff") >= extracted - PUMP - 1e-6, where + ": payoff "
                        + agents.value(row, "payoff") + ", extracted " + extracted);
            }
        }
        // The extraction ranking does not reproduce because both thin designs drain the protocol to the same micro.
        for (long seed : runs.get("single-thin").keySet()) {
            assertEquals(runs.get("single-thin").get(seed).metric("extracted_value"),
                    runs.get("median-three-thin").get(seed).metric("extracted_value"), "seed " + seed);
        }
        assertFalse(o.rows().stream().filter(r -> r.figure().equals("ranking-of-oracles")).findFirst().orElseThrow()
                .asserted());
    }
}
