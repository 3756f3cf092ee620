package backstop.analysis;

import backstop.analysis.stats.Estimate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepResultsTest {
    @TempDir
    Path tmp;

    @Test
    void metricValuesComeInSeedOrderNotFileOrder() throws IOException {
        SweepResults s = SweepResults.load(Fixtures.sweep(tmp));
        assertEquals(List.of("base", "vault"), s.designs());
        assertArrayEquals(new long[] {2, 10}, s.seeds());
        assertArrayEquals(new double[] {10, 30}, s.metric("base", "bad_debt"));
        assertEquals(List.of("base-s2", "base-s10"), s.runIds("base"));
        // Two parameter points of seed 2 keep their run-id order, ahead of seed 10.
        assertEquals(List.of("vault-s2-a", "vault-s2-b", "vault-s10"), s.runIds("vault"));
        assertArrayEquals(new double[] {50, 70, 400}, s.metric("vault", "liquidated_notional"));
    }

    @Test
    void parametersAndMetricsAreSplitByColumnName() throws IOException {
        SweepResults s = SweepResults.load(Fixtures.sweep(tmp));
        assertEquals(List.of("markets[0].venue.depth"), s.parameters());
        assertEquals(List.of("loss_borne", "bad_debt", "liquidated_notional", "max_cascade_size"), s.metrics());
        assertThrows(IllegalArgumentException.class, () -> s.metric("base", "param:markets[0].venue.depth"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.metric("nope", "bad_debt"));
        assertTrue(e.getMessage().contains("no design 'nope'"), e.getMessage());
    }

    @Test
    void estimateIsTheTIntervalOfTheDesignsRuns() throws IOException {
        // base bad debt 10, 30: mean 20, sd √200; t(0.975, 1) = 12.706205; half = 12.706205 × √200 / √2 = 127.06205.
        Estimate e = SweepResults.load(Fixtures.sweep(tmp)).estimate("base", "bad_debt");
        assertEquals(20, e.mean(), 1e-12);
        assertEquals(20 - 127.06205, e.ciLow(), 1e-4);
        assertEquals(20 + 127.06205, e.ciHigh(), 1e-4);
    }

    @Test
    void runFoldersComparisonAndSpecAreReachable() throws IOException {
        SweepResults s = SweepResults.load(Fixtures.sweep(tmp));
        assertEquals(12.5, s.run("vault-s2-a").metric("bad_debt"));
        assertEquals(2, s.comparison().orElseThrow().rows());
        assertEquals("base", s.comparison().orElseThrow().cell(1, "baseline"));
        assertEquals(2, s.spec().path("seeds").size());
        assertThrows(IllegalArgumentException.class, () -> s.run("missing"));
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> s.run("base-s2"));
        assertTrue(e.getMessage().contains("base-s2"), e.getMessage());
    }

    @Test
    void missingRunsCsvAndColumnsAreNamed(@TempDir Path other) throws IOException {
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> SweepResults.load(other));
        assertTrue(e.getMessage().contains("runs.csv: file not found"), e.getMessage());
        Fixtures.write(other.resolve("runs.csv"), "run_id,seed,bad_debt\na,1,0\n");
        e = assertThrows(ResultFormatException.class, () -> SweepResults.load(other));
        assertTrue(e.getMessage().contains("missing column 'design'"), e.getMessage());
        Fixtures.write(other.resolve("runs.csv"), "run_id,design,seed\na,x,1.5\n");
        e = assertThrows(ResultFormatException.class, () -> SweepResults.load(other));
        assertTrue(e.getMessage().contains("line 2, column 'seed': not an integer: 1.5"), e.getMessage());
        assertFalse(other.resolve("comparison.csv").toFile().exists());
    }
}
