package backstop.experiments.crash;

import backstop.protocol.ProtocolConfig;
import backstop.protocol.event.EventSink;
import backstop.protocol.money.Amounts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptedCrashTest {
    private static CrashResult run(long insuranceUnits) {
        return new ScriptedCrash(CrashSpec.standard(3))
                .run(m -> ProtocolConfig.builder(m).insuranceFundSeed(Amounts.micros(insuranceUnits)).build(), EventSink.NONE);
    }

    @Test
    void theCrashLiquidatesAndLeavesBadDebtWhileConservingEveryMicro() {
        CrashResult r = run(10_000);
        assertEquals(0, r.ledgerTotal());
        assertTrue(r.liquidationCount() > 100, "liquidations: " + r.liquidationCount());
        assertTrue(r.badDebt() > 0, "a 30% fall in 30 s through a thin book leaves bad debt");
        assertEquals(r.badDebt(), r.insuranceDrawn() + r.uncoveredBadDebt(), "every unit of bad debt is absorbed or uncovered");
        assertTrue(r.exogenousDrawdown() > 0.29 && r.exogenousDrawdown() < 0.31);
    }

    @Test
    void aLargerInsuranceFundLeavesLessUncoveredOnTheSamePath() {
        CrashResult small = run(1_000);
        CrashResult large = run(1_000_000);
        assertEquals(small.badDebt(), large.badDebt(), "the fund's size does not change the path or the liquidations");
        assertTrue(large.uncoveredBadDebt() < small.uncoveredBadDebt());
        assertEquals(0, large.uncoveredBadDebt());
    }
}
