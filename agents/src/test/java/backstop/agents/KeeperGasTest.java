package backstop.agents;

import backstop.agents.keepers.Keeper;
import backstop.agents.params.Dist;
import backstop.model.sim.BackstopModel;
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
        return crash(gasSpike, new PenaltySplit(10_000, 500_000));
    }

    private static Outcome crash(double gasSpike, PenaltySplit penalty) {
        EventLog log = new EventLog();
        // A long fall (−50% over 800 s) with makers that keep quoting: waiting lets positions sink deeper.
        BackstopModel model = new BackstopModel(11, TestWorlds.crash(1_200, 0.5, 800, gasSpike),
                m -> ProtocolConfig.builder(m)
                        .liquidation(new FullCloseLiquidation(penalty, new SlippageLimit(100_000), false))
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
        for (var agent : model.agents()) {
            if (agent instanceof Keeper k) {
                stood += k.stoodDown();
                calls += k.calls();
                // What it holds net of the gas it paid never falls below zero by more than the calls it had in flight.
                double net = k.capital() + k.payoff(model.world());
                assertTrue(net >= -0.05 * k.capital(), "a keeper paid " + k.gasPaid() + " of gas on " + k.capital()
                        + " of capital and is left with " + net);
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

    @Test
    void keepersReadTheDesignsRealRewardAndDoNotCallForNothing() {
        // The same crash with the keeper's share of the penalty at 0: whatever reward_rate the scenario believes, a
        // call earns nothing, so keepers never call, and an account that pays nothing is no opportunity passed over.
        Outcome unpaid = crash(1, new PenaltySplit(10_000, 0));
        Outcome paid = crash(1);
        assertTrue(paid.calls() > 0, "paid keepers call: " + paid);
        assertEquals(0, unpaid.calls(), "unpaid keepers never call: " + unpaid);
        assertEquals(0, unpaid.stoodDown(), "nothing to stand down from: " + unpaid);
        assertTrue(paid.stoodDown() > 0, "paid keepers weigh gas and sometimes pass: " + paid);
        assertTrue(unpaid.badDebt() >= paid.badDebt(), "and the protocol is not better off: " + unpaid + " vs " + paid);
    }
}
