package backstop.experiments.results;

import backstop.analysis.Results;
import backstop.analysis.RunResults;
import backstop.analysis.Table;
import backstop.experiments.Backstop;
import backstop.experiments.results.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** markets.csv: the summary per market, adding up to the totals, with each deficit charged to its market. */
class MarketBreakdownTest {
    /** oct-2025 to just after the alt's 70% fall (1,500–2,700 s), BTC and ETH sliding beside it. */
    private static RunResult octoberCrash(String design, String... sets) {
        List<String> all = new ArrayList<>(List.of("duration_seconds=3000"));
        all.addAll(List.of(sets));
        return Backstop.run("oct-2025", design, 1, all.toArray(String[]::new));
    }

    @Test
    void theMarketsAddUpToTheSummaryAndTheAltCarriesItsOwnBadDebt(@TempDir Path tmp) throws Exception {
        for (RunResult r : List.of(octoberCrash("none"), octoberCrash("dydx-v4", "design.insurance_fund=0"))) {
            Path dir = tmp.resolve(r.design());
            RunFolder.write(dir, r, Map.of());
            RunResults loaded = Results.load(dir);
            Table t = loaded.byMarket();
            assertEquals(List.of("BTC-USD", "ETH-USD", "ALT-USD"), t.text("market"));
            for (String metric : List.of("liquidation_count", "liquidated_notional", "bad_debt", "uncovered_bad_debt",
                    "insurance_drawn", "socialized_loss", "adl_count", "adl_notional", "halt_count")) {
                double total = Arrays.stream(t.column(metric)).sum();
                assertEquals(loaded.metric(metric), total, 1e-6 * Math.max(1, Math.abs(total)), r.design() + " " + metric);
            }
            assertEquals(loaded.metric("exogenous_drawdown"), Arrays.stream(t.column("exogenous_drawdown")).max().orElseThrow(), 1e-12);
            assertEquals(loaded.metric("mark_drawdown"), Arrays.stream(t.column("mark_drawdown")).max().orElseThrow(), 1e-12);
            double[] badDebt = t.column("bad_debt");
            assertTrue(loaded.metric("bad_debt") > 0, r.design() + ": the alt's fall leaves bad debt");
            assertTrue(badDebt[2] > 0.99 * loaded.metric("bad_debt"), r.design() + ": bad debt by market " + Arrays.toString(badDebt));
            assertTrue(t.column("exogenous_drawdown")[2] > 0.6, "the alt fell 70%");
        }
    }
}
