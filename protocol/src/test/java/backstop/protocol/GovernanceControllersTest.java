package backstop.protocol;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.governance.InsuranceCoverage;
import backstop.protocol.governance.Observable;
import backstop.protocol.governance.PidController;
import backstop.protocol.governance.ParameterController;
import backstop.protocol.governance.RuleBasedController;
import backstop.protocol.margin.ScaledMargin;
import backstop.protocol.margin.TieredMargin;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rule-based and PID governance on the margin scale, driven by insurance coverage (fund ÷ open-interest
 * notional). Setup: one BTC market, a 1 BTC position at 20,000, so open-interest notional is 20,000 and
 * coverage in ppm is fund × 10⁶ / 20,000.
 */
class GovernanceControllersTest {
    /** The trader's account id (the maker is opened first, as 0). */
    private static final int TRADER = 1;

    private static Fixture protocol(long fundUnits, ScaledMargin margin, ParameterController controller) {
        Fixture f = new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build()))
                .marginModel(margin)
                .insuranceFundSeed(Amounts.micros(fundUnits))
                .controllers(List.of(controller)).build());
        int maker = f.open("1000000");
        int trader = f.open("10000");
        assertEquals(TRADER, trader);
        f.price(0, 20_000);
        f.trade(trader, maker, 0, 20_000, 1);
        return f;
    }

    private static void topUpInsurance(Fixture f, long units) {
        assertTrue(f.p.submit(new Tx.InsuranceTopUp(0, Amounts.micros(units), "test")).ok());
    }

    private static long scale(Fixture f) {
        return f.p.parameters().get(ScaledMargin.PARAMETER).value();
    }

    private static List<ProtocolEvent.ParameterChanged> changes(Fixture f) {
        return f.log.of(ProtocolEvent.ParameterChanged.class);
    }

    @Test
    void ruleRaisesMarginWhileCoverageIsLowAtMostOncePerCooldownThenRestoresIt() {
        // Raise 10% below 1% coverage, at most every 3 blocks; restore above 2%. Fund 100: coverage 0.5%.
        RuleBasedController rules = RuleBasedController.marginOnInsuranceCoverage(10_000, 20_000, 100_000, 3);
        Fixture f = protocol(100, new ScaledMargin(new TieredMargin()), rules);
        long[] expected = {1_100_000, 1_100_000, 1_100_000, 1_210_000, 1_210_000, 1_210_000, 1_331_000};
        for (int block = 1; block <= 7; block++) {
            f.nextBlock(1);
            assertEquals(expected[block - 1], scale(f), "after block " + block);
        }
        List<ProtocolEvent.ParameterChanged> raised = changes(f);
        assertEquals(3, raised.size());
        assertEquals(List.of(1L, 4L, 7L), raised.stream().map(ProtocolEvent.ParameterChanged::block).toList());
        assertEquals("1000000", raised.get(0).oldValue());
        assertEquals("1100000", raised.get(0).newValue());
        assertEquals("1331000", raised.get(2).newValue());
        assertEquals("margin-on-insurance-coverage", raised.get(2).by());
        assertEquals(ScaledMargin.PARAMETER, raised.get(2).parameter());
        // The scale is in force: MMR 5% × 1.331 × 20,000 = 1,331
        assertEquals(Amounts.micros(1_331), f.p.risk(TRADER).maintenanceRequirement());

        topUpInsurance(f, 200); // 300: coverage 1.5%, between the thresholds: hold
        f.nextBlock(1);
        f.nextBlock(1);
        f.nextBlock(1);
        assertEquals(1_331_000, scale(f));
        topUpInsurance(f, 200); // 500: coverage 2.5% > 2%: restore the starting scale
        f.nextBlock(1);
        assertEquals(1_000_000, scale(f));
        ProtocolEvent.ParameterChanged restored = changes(f).get(3);
        assertEquals(11, restored.block());
        assertEquals("1331000", restored.oldValue());
        assertEquals("1000000", restored.newValue());
        assertEquals(Amounts.micros(1_000), f.p.risk(TRADER).maintenanceRequirement());
        f.nextBlock(1);
        assertEquals(4, changes(f).size(), "restoring an unchanged value logs nothing");
        assertEquals(0, f.p.ledger().total());
    }

    @Test
    void aRuleThatCannotMoveItsParameterDoesNotRestartItsCooldown() {
        // Scale capped at 1.1×. Block 1 raises to 1.1×; block 4 fires but 1.21× clamps to 1.1×: no change, so
        // the cooldown still counts from block 1 and, once the scale is lowered, block 5 raises it again.
        RuleBasedController rules = RuleBasedController.marginOnInsuranceCoverage(10_000, 20_000, 100_000, 3);
        Fixture f = protocol(100, new ScaledMargin(new TieredMargin(), 1_000_000, 500_000, 1_100_000), rules);
        for (int block = 1; block <= 4; block++) {
            f.nextBlock(1);
        }
        assertEquals(1, changes(f).size());
        f.p.parameters().set(ScaledMargin.PARAMETER, 1_000_000, "test", 0);
        f.nextBlock(1);
        assertEquals(1_100_000, scale(f));
        assertEquals(5, changes(f).get(2).block());
        assertEquals("margin-on-insurance-coverage", changes(f).get(2).by());
        assertEquals(0, f.p.ledger().total());
    }

    @Test
    void controllerOnAParameterNoPolicyRegistersFailsAtConstructionNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Protocol(
                ProtocolConfig.builder(List.of(Fixture.btc(0).build()))
                        .controllers(List.of(RuleBasedController.marginOnInsuranceCoverage(10_000, 20_000, 100_000, 3)))
                        .build(), ev -> { }));
        assertTrue(e.getMessage().contains("'margin.scale_ppm'"), e.getMessage());
        assertTrue(e.getMessage().contains("margin-on-insurance-coverage"), e.getMessage());
    }

    @Test
    void pidStepsMatchHandComputedValues() {
        // e = 20,000 ppm setpoint − coverage; u = 1,000,000 + 10·e + J + 2·Δe, J += 5·e; a step every 2 blocks.
        PidController pid = new PidController("pid", InsuranceCoverage.all(), 20_000, ScaledMargin.PARAMETER,
                10, 5, 2, 2);
        Fixture f = protocol(100, new ScaledMargin(new TieredMargin()), pid);
        f.nextBlock(1); // block 1, coverage 5,000: e = 15,000; P 150,000; J 75,000; D 0 → 1,225,000
        assertEquals(1_225_000, scale(f));
        f.nextBlock(1); // block 2: no step
        assertEquals(1_225_000, scale(f));
        f.nextBlock(1); // block 3: e = 15,000; P 150,000; J 150,000; D 0 → 1,300,000
        assertEquals(1_300_000, scale(f));
        assertEquals(150_000, pid.integralTerm());
        topUpInsurance(f, 200);
        f.nextBlock(1); // block 4: no step
        f.nextBlock(1); // block 5, coverage 15,000: e = 5,000; P 50,000; J 175,000; D 2·(−10,000) → 1,205,000
        assertEquals(1_205_000, scale(f));
        assertEquals(List.of(1L, 3L, 5L), changes(f).stream().map(ProtocolEvent.ParameterChanged::block).toList());
        assertTrue(changes(f).stream().allMatch(c -> c.by().equals("pid")));
        assertEquals(Amounts.micros("1205"), f.p.risk(TRADER).maintenanceRequirement()); // 5% × 1.205 × 20,000
        assertEquals(0, f.p.ledger().total());
    }

    /** Hands out the given values, one per block; {@link Observable#NONE} after them. */
    private static final class Scripted implements Observable {
        private final long[] values;
        private int next = -1;
        private long block = -1;

        Scripted(long... values) {
            this.values = values;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public long observe(ProtocolContext ctx) {
            if (ctx.block() != block) {
                block = ctx.block();
                next++;
            }
            return next < values.length ? values[next] : NONE;
        }
    }

    @Test
    void pidIntegralStopsAtTheBoundSoTheOutputLeavesSaturationAsSoonAsTheErrorTurns() {
        // Pure integral, ki = 1, setpoint 0, scale bounds [0.5×, 2×]. e = −observed.
        Scripted observed = new Scripted(-400_000, -400_000, -400_000, -400_000, 100_000, 1_500_000, -100_000);
        PidController pid = new PidController("pid", observed, 0, ScaledMargin.PARAMETER, 0, 1, 0, 1);
        Fixture f = protocol(100, new ScaledMargin(new TieredMargin(), 1_000_000, 500_000, 2_000_000), pid);
        // J: 400k, 800k, then capped at 2M − 1M = 1M (twice), 900k; then −1.5M capped at 0.5M − 1M = −500k; −400k.
        // Without anti-windup J would reach 1.6M and the 5th step would still output 2M (clamped 2.5M).
        long[] expected = {1_400_000, 1_800_000, 2_000_000, 2_000_000, 1_900_000, 500_000, 600_000, 600_000};
        for (int block = 1; block <= expected.length; block++) {
            f.nextBlock(1);
            assertEquals(expected[block - 1], scale(f), "after block " + block);
        }
        assertEquals(6, changes(f).size(), "one event per change, none for 2M → 2M or when nothing is observed");
        assertEquals(0, f.p.ledger().total());
    }

    @Test
    void rulesHoldWhileTheObservableIsUndefined() {
        RuleBasedController rules = RuleBasedController.marginOnInsuranceCoverage(10_000, 20_000, 100_000, 0);
        Fixture f = new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build()))
                .marginModel(new ScaledMargin(new TieredMargin())).controllers(List.of(rules)).build());
        f.nextBlock(1); // no open interest: coverage undefined, the empty fund does not count as 0%
        assertEquals(1_000_000, scale(f));
        assertTrue(changes(f).isEmpty());
        assertEquals(0, f.p.ledger().total());
    }
}
