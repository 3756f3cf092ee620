package backstop.agents;

import backstop.agents.keepers.Keeper;
import backstop.agents.params.Dist;
import backstop.model.world.BackstopModel;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.event.EventLog;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.liquidation.FullCloseLiquidation;
import backstop.protocol.liquidation.PenaltySplit;
import backstop.protocol.liquidation.SlippageLimit;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Black Thursday's mechanism (MECHANISMS.md §9): when gas spikes, keepers whose expected reward no longer
 * covers the gas stand down, liquidations wait while the price keeps falling, and bad debt grows — compared
 * with the same seed and the same crash without the spike.
 */
class KeeperGasTest {
    private record Outcome(long liquidations, double badDebt, long stoodDown, long calls) {
    }

    private static Outcome crash(double gasSpike) {
        EventLog log = new EventLog();
        // A long fall (−50% over 800 s) with makers that keep quoting: waiting lets positions sink deeper.
        BackstopModel model = new BackstopModel(11, TestWorlds.crash(1_200, 0.5, 800, gasSpike),
                m -> ProtocolConfig.builder(m)
                        .liquidation(new FullCloseLiquidation(new PenaltySplit(10_000, 500_000), new SlippageLimit(100_000), false))
                        .build(),
                TestWorlds.populations(300, new Dist.Constant(1_000)), log);
        model.runToEnd();
        assertEquals(0, model.world().protocol().ledger().total());
        long liquidations = log.of(ProtocolEvent.LiquidationSettled.class).stream().filter(s -> s.sizeClosed() > 0).count();
        double bad = log.of(ProtocolEvent.BadDebt.class).stream().mapToLong(ProtocolEvent.BadDebt::amount).sum() / 1e6;
        for (int a = 0; a < model.world().protocol().accounts().count(); a++) {
            bad += Math.max(0, -model.world().protocol().risk(a).value()) / 1e6;
        }
        long stood = 0;
        long calls = 0;
        for (var agent : model.world().agents()) {
            if (agent instanceof Keeper k) {
                stood += k.stoodDown();
                calls += k.calls();
            }
        }
        return new Outcome(liquidations, bad, stood, calls);
    }

    @Test
    void aGasSpikeMakesKeepersStandDownAndRaisesBadDebt() {
        Outcome calm = crash(1);
        Outcome spiked = crash(20_000);    // 0.05 → 1,000 gwei: a 400k-gas call costs ~$800
        assertTrue(calm.calls() > 0 && calm.liquidations() > 0, "without the spike keepers liquidate: " + calm);
        assertTrue(spiked.stoodDown() > calm.stoodDown(), "keepers stand down: " + spiked + " vs " + calm);
        assertTrue(spiked.liquidations() < calm.liquidations(), "fewer liquidations: " + spiked + " vs " + calm);
        assertTrue(spiked.badDebt() > calm.badDebt(), "more bad debt: " + spiked + " vs " + calm);
    }
}
