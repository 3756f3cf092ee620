package backstop.experiments.crash;

import backstop.protocol.ProtocolConfig;
import backstop.protocol.event.EventSink;
import backstop.protocol.money.Amounts;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptedCrashTest {
    private static Map<String, Object> run(long insuranceUnits) {
        return new ScriptedCrash(CrashSpec.standard(3))
                .run(m -> ProtocolConfig.builder(m).insuranceFundSeed(Amounts.micros(insuranceUnits)).build(), EventSink.NONE);
    }

    private static double d(Map<String, Object> s, String key) {
        return ((Number) s.get(key)).doubleValue();
    }

    @Test
    void theCrashLiquidatesAndLeavesBadDebtWhileConservingEveryMicro() {
        Map<String, Object> r = run(10_000);
        assertEquals(0L, r.get("ledger_total"));
        assertTrue(d(r, "liquidation_count") > 100, "liquidations: " + r.get("liquidation_count"));
        assertTrue(d(r, "bad_debt") > 0, "a 30% fall in 30 s through a thin book leaves bad debt");
        assertEquals(d(r, "bad_debt"), d(r, "insurance_drawn") + d(r, "uncovered_bad_debt"), 1e-6,
                "every unit of bad debt is absorbed or uncovered");
        assertTrue(d(r, "exogenous_drawdown") > 0.29 && d(r, "exogenous_drawdown") < 0.31);
    }

    @Test
    void aLargerInsuranceFundLeavesLessUncoveredOnTheSamePath() {
        Map<String, Object> small = run(1_000);
        Map<String, Object> large = run(1_000_000);
        assertEquals(d(small, "bad_debt"), d(large, "bad_debt"), 0, "the fund's size does not change the path");
        assertTrue(d(large, "uncovered_bad_debt") < d(small, "uncovered_bad_debt"));
        assertEquals(0, d(large, "uncovered_bad_debt"));
    }
}
