package backstop.experiments.results;

import backstop.analysis.Results;
import backstop.analysis.RunResults;
import backstop.analysis.Table;
import backstop.experiments.Backstop;
import backstop.experiments.CompressedScenarios;
import backstop.experiments.results.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loss decomposition on Black Thursday compressed to one hour (ETH −50% in 45 minutes, the gas spike and thin
 * liquidity with it), where the losses the audit found unreported are large: the Hyperliquid vault's takeover losses,
 * and under Maker's auctions the negative equity of accounts still open and unsold inventory.
 */
class LossDecompositionTest {
    private static final List<String> PARTS = List.of("insurance_drawn", "vault_loss", "adl_haircut", "socialized_loss",
            "funding_bump_loss", "uncovered_bad_debt", "open_insolvency", "auction_shortfall");

    private static RunResults blackThursday(String design, Path tmp) throws Exception {
        RunResult r = Backstop.run("black-thursday-2020", design, 1, CompressedScenarios.oneHour("black-thursday-2020"));
        Path dir = tmp.resolve(design);
        RunFolder.write(dir, r, Map.of());
        return Results.load(dir);
    }

    private static void assertAddsUp(RunResults r, String design) {
        double parts = PARTS.stream().mapToDouble(r::metric).sum();
        assertEquals(r.metric("loss_borne"), parts, 1e-5, design + ": loss_borne is the sum of its parts");
        // Realised bad debt is exactly what the waterfall's stages took.
        double absorbed = r.metric("insurance_drawn") + r.metric("vault_absorbed") + r.metric("socialized_loss")
                + r.metric("funding_bump_loss") + r.metric("uncovered_bad_debt");
        assertTrue(absorbed <= r.metric("bad_debt") + 1e-5 && r.metric("bad_debt") <= absorbed + r.metric("adl_haircut") + 1e-5,
                design + ": bad debt " + r.metric("bad_debt") + " vs absorbed " + absorbed);
        Table t = r.byMarket();
        for (String metric : List.of("loss_borne", "insurance_drawn", "vault_loss", "adl_haircut", "uncovered_bad_debt",
                "open_insolvency", "auction_shortfall", "bad_debt")) {
            double total = Arrays.stream(t.column(metric)).sum();
            assertEquals(r.metric(metric), total, 1e-5 * Math.max(1, Math.abs(total)), design + " markets.csv " + metric);
        }
    }

    /**
     * timeseries.csv carries the decomposition over time, valued as summary.json values it: its last row (the run's
     * last block is always sampled) is the summary, to the last digit, in memory and as written.
     */
    @Test
    void theTimeSeriesEndsAtTheSummarysLosses(@TempDir Path tmp) throws Exception {
        for (String design : List.of("hyperliquid", "maker-liq2")) {
            RunResult run = Backstop.run("black-thursday-2020", design, 1, CompressedScenarios.oneHour("black-thursday-2020"));
            Path dir = tmp.resolve(design);
            RunFolder.write(dir, run, Map.of());
            RunResults r = Results.load(dir);
            Table ts = r.timeseries();
            int last = ts.rows() - 1;
            assertEquals(r.metric("blocks"), ts.column("block")[last], design + ": the last block is sampled");
            for (String name : LossTally.NAMES) {
                double summary = ((Number) run.summary().get(name)).doubleValue();
                assertEquals(summary, run.timeseries().column(name)[run.timeseries().size() - 1], 0,
                        design + " " + name + ": the last sample is the summary's");
                assertEquals(r.metric(name), ts.column(name)[last], 0, design + " " + name + " in timeseries.csv");
            }
            double[] borne = ts.column("loss_borne");
            assertEquals(0, borne[0], 0, design + ": nothing borne at the first sample");
            assertTrue(r.metric("loss_borne") > 1_000_000, design + ": a crash's loss: " + r.metric("loss_borne"));
            int firstLoss = 0;
            while (borne[firstLoss] == 0) {
                firstLoss++;
            }
            assertTrue(firstLoss < last, design + ": the loss shows before the end, at sample " + firstLoss + " of " + last);
        }
    }

    @Test
    void theHyperliquidVaultsTakeoverLossIsBorneAndCounted(@TempDir Path tmp) throws Exception {
        RunResults r = blackThursday("hyperliquid", tmp);
        assertAddsUp(r, "hyperliquid");
        assertEquals(0, r.metric("bad_debt"), 1e-9, "the vault takes every bankrupt position over");
        assertTrue(r.metric("vault_loss") > 1_000_000, "but loses millions on them: " + r.metric("vault_loss"));
        assertEquals(-r.metric("vault_pnl"), r.metric("vault_loss"), 1e-6);
        assertTrue(r.metric("loss_borne") >= r.metric("vault_loss"));
        assertEquals(List.of("ETH-USD", LossTally.VAULT_ROW), r.byMarket().text("market"));
    }

    @Test
    void makersOpenInsolvencyAndUnsoldInventoryAreBorneAndCounted(@TempDir Path tmp) throws Exception {
        RunResults r = blackThursday("maker-liq2", tmp);
        assertAddsUp(r, "maker-liq2");
        assertTrue(r.metric("insolvent_accounts") > 100, "accounts left open below zero: " + r.metric("insolvent_accounts"));
        assertTrue(r.metric("open_insolvency") > Math.max(1_000_000, r.metric("bad_debt")),
                "the unrealised loss exceeds the realised one: " + r.metric("open_insolvency") + " vs " + r.metric("bad_debt"));
        assertTrue(r.metric("auction_shortfall") > 100_000, "auctions still running below their tabs: "
                + r.metric("auction_shortfall"));
    }
}
