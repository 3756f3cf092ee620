package backstop.agents;

import backstop.agents.populations.Populations;
import backstop.agents.adversary.ExtractionMeter;
import backstop.agents.adversary.OracleManipulator;
import backstop.model.chain.OrderingRule;
import backstop.model.market.ImpactShape;
import backstop.model.price.ProcessSpec;
import backstop.model.sim.BackstopModel;
import backstop.model.world.WorldSpec;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.event.EventLog;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.metric.Meters;
import backstop.protocol.money.Amounts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mango Markets, 11 Oct 2022 (MECHANISMS.md §9): $5M in each of two accounts, a self-traded MNGO-PERP position
 * at $0.038, spot bought on the venue the oracle reads. With that thin venue as the only source the attacker
 * walks away with more than it put in and leaves bad debt; with a weighted median over deep venues and a
 * deviation guard, the pump never reaches the oracle.
 */
class OracleManipulationTest {
    private static WorldSpec mango(WorldSpec.Oracle oracle) {
        MarketSpec mngo = MarketSpec.builder(0, "MNGO", "0.00001", "1").margin(100_000, 50_000).build();
        WorldSpec.Asset asset = new WorldSpec.Asset(mngo, 0.038, new ProcessSpec.Gbm(0, 0.5),
                new WorldSpec.External(ImpactShape.SQUARE_ROOT, 1.0, 200_000_000, 3_600)); // a thin altcoin: impact ~1 at depth
        WorldSpec.Chain chain = new WorldSpec.Chain(OrderingRule.PRIORITY_FEE, 3_000_000_000L, 1_500_000_000L, 0.05, 0.01, 20, 20);
        return new WorldSpec("mango-test", 1, 1_800, 10, List.of(asset), new double[][] {{1}}, oracle, chain, List.of());
    }

    private record Outcome(double payoff, double withdrawn, double badDebt, double oracleMove, double leftInProtocol) {
    }

    private static Outcome attack(WorldSpec.Oracle oracle) {
        EventLog log = new EventLog();
        var attacker = new Populations.Manipulators("adversary", 1, 0, 5_000_000, 18_000_000, 4_000_000, 600, 10, 0.1, null);
        BackstopModel model = new BackstopModel(7, mango(oracle), ProtocolConfig::basic, List.of(attacker), log);
        model.runToEnd();
        var w = model.world();
        assertEquals(0, w.protocol().ledger().total());
        OracleManipulator a = (OracleManipulator) model.agents().get(0);
        // Realized bad debt plus what bankrupt accounts still hold unrealized (a position nobody will take).
        double bad = log.of(ProtocolEvent.BadDebt.class).stream().mapToLong(ProtocolEvent.BadDebt::amount).sum() / 1e6;
        for (int acct = 0; acct < w.protocol().accounts().count(); acct++) {
            bad += Math.max(0, -w.protocol().risk(acct).value()) / 1e6;
        }
        double maxOracle = log.of(ProtocolEvent.OraclePrice.class).stream().mapToLong(ProtocolEvent.OraclePrice::price).max().orElse(0);
        double firstOracle = log.of(ProtocolEvent.OraclePrice.class).get(0).price();
        return new Outcome(a.payoff(w), a.withdrawn(), bad, maxOracle / firstOracle - 1, w.protocol().tokensHeld() / 1e6);
    }

    @Test
    void aSingleThinSourceLetsTheAttackerExtractValueAndLeaveBadDebt() {
        WorldSpec.Oracle single = new WorldSpec.Oracle(List.of(new WorldSpec.Source("thin-dex", 1, 0, 1, 0, 1_500_000)), 0);
        Outcome o = attack(single);
        assertTrue(o.oracleMove() > 1.0, "the pump more than doubles the oracle: " + o.oracleMove());
        // It cannot take out more than the protocol holds, here the $10M its two accounts deposited (Mango held far
        // less than the attacker's paper profit): the long account takes it all, the short one is left bankrupt.
        assertTrue(o.withdrawn() > 9_900_000, "withdrew what the protocol held: " + o.withdrawn());
        // What is left is less than the gas of one more withdrawal ($2 at its 1,000 gwei tip), paid from those tokens.
        assertTrue(o.leftInProtocol() < 5, "and left the protocol empty: " + o.leftInProtocol());
        assertTrue(o.payoff() > 0, "net of the spot it bought: " + o.payoff());
        assertTrue(o.badDebt() > 10_000_000, "the short side is left bankrupt: " + o.badDebt());
    }

    @Test
    void aWeightedMedianWithADeviationGuardStopsIt() {
        WorldSpec.Oracle robust = new WorldSpec.Oracle(List.of(
                new WorldSpec.Source("binance", 3, 0, 1, 0, 0),
                new WorldSpec.Source("okx", 2, 0, 1, 0, 0),
                new WorldSpec.Source("thin-dex", 5, 0, 1, 0, 1_500_000)), 0.1);
        Outcome o = attack(robust);
        assertTrue(o.oracleMove() < 0.1, "the oracle barely moves: " + o.oracleMove());
        assertTrue(o.withdrawn() < 10_000_000, "withdrew " + o.withdrawn());
        assertTrue(o.payoff() < 0, "the pump is pure cost: " + o.payoff());
        assertTrue(o.badDebt() < 1, "and the protocol loses nothing: " + o.badDebt());
    }

    /** The extraction meter's two numbers, from the ledger's transfers and the tokens the protocol held at the attack. */
    @Test
    void theMeterReportsCashOutLessCapitalInAndTheTokensHeldAtTheAttack() {
        for (boolean attack : new boolean[] {true, false}) {
            EventLog log = new EventLog();
            var attacker = new Populations.Manipulators("adversary", 1, 0, 5_000_000, 18_000_000, 4_000_000, 600, 10, 0.1,
                    attack);
            WorldSpec.Oracle single = new WorldSpec.Oracle(List.of(new WorldSpec.Source("thin-dex", 1, 0, 1, 0, 1_500_000)), 0);
            BackstopModel model = new BackstopModel(7, mango(single), ProtocolConfig::basic, List.of(attacker), log);
            long[] tokensAtAttack = {-1};
            model.onRecord(s -> {
                if (tokensAtAttack[0] < 0 && model.world().now() >= 599) {
                    tokensAtAttack[0] = model.world().protocol().tokensHeld(); // the end of the block before the attack
                }
            });
            model.runToEnd();
            OracleManipulator a = (OracleManipulator) model.agents().get(0);
            long out = 0;
            for (ProtocolEvent.Transfer t : log.of(ProtocolEvent.Transfer.class)) {
                if (t.kind() == ProtocolEvent.Transfer.Kind.WITHDRAWAL) {
                    out += t.amount();
                } else if (t.kind() == ProtocolEvent.Transfer.Kind.DEPOSIT) {
                    out -= t.amount();
                }
            }
            Meters meters = new Meters(List.of(new ExtractionMeter(model.world(), List.of(a))));
            var summary = meters.summary();
            // Its accounts are the only ones: every transfer is its own, to the micro-unit.
            assertEquals(Amounts.toUnits(out), summary.get("extracted_value"), "attack " + attack);
            assertEquals(out, a.extractedMicros(model.world()));
            assertEquals(tokensAtAttack[0], a.withdrawableAtAttack(), "the tokens held when it woke at 600 s");
            assertEquals(Amounts.toUnits(tokensAtAttack[0]), summary.get("withdrawable_liquidity"));
            if (!attack) {
                assertEquals(0, a.submitted(), "no-attack sends no transaction");
                assertEquals(-10_000_000_000_000L, out, "its capital is still in the protocol");
                assertEquals(0, a.payoff(model.world()));
            } else {
                assertTrue(out > 9_000_000_000_000L - 10_000_000_000_000L, "it took back more than 90% of its $10M: " + out);
            }
        }
        // An attack needs a position; attack: false is how to have none.
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new OracleManipulator.Params(0, 5e6, 0, 4e6, 600, 10, 0.1, true));
        assertTrue(e.getMessage().startsWith("position_notional: an attack needs a position, got 0.0"), e.getMessage());
        new OracleManipulator.Params(0, 5e6, 0, 0, 600, 10, 0.1, false);
        // With no manipulator (or none that reached its attack time), nothing extracted and no liquidity to compare.
        var none = new Meters(List.of(new ExtractionMeter(null, List.of()))).summary();
        assertEquals(0.0, none.get("extracted_value"));
        assertTrue(Double.isNaN((Double) none.get("withdrawable_liquidity")));
    }
}
