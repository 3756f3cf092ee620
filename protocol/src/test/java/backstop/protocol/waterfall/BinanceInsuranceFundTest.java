package backstop.protocol.waterfall;

import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.money.Amounts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Binance's insurance-fund rules (MECHANISMS.md §3): 20% net-notional cap, 7.5% / 8 h exit. */
class BinanceInsuranceFundTest {

    private static List<LossAbsorber> binanceThenAdl() {
        return List.of(BinanceInsuranceFund.standard(), new AutoDeleveraging(new BinanceRanking(), AdlPrice.BANKRUPTCY, true));
    }

    @Test
    void fundTakesOverNoPositionAboveTwentyPercentOfItsBalance() {
        // B's bankrupt position is worth 10 × $85 = $850 and its deficit $30 (AutoDeleveragingTest's case).
        AutoDeleveragingTest bigFund = new AutoDeleveragingTest();
        WaterfallFixture f = bigFund.crash(binanceThenAdl(), "4250", "120");
        // 20% of $4,250 is $850: not exceeded, so the fund could pay and no one is deleveraged.
        assertTrue(f.adl().isEmpty());
        assertEquals(10, f.size(bigFund.b));
        AutoDeleveragingTest smallFund = new AutoDeleveragingTest();
        WaterfallFixture g = smallFund.crash(binanceThenAdl(), "4249.999999", "120");
        // 20% of $4,249.999999 is below $850: capacity 0, the position goes to ADL although the fund holds far more than $30.
        assertEquals(10, g.adlLots());
        assertEquals(0, g.size(smallFund.b));
        assertEquals(Amounts.micros("4249.999999"), g.balance(g.p.insuranceFundPot(0)));
        f.assertConserved();
        g.assertConserved();
    }

    @Test
    void fundThatFellSevenAndAHalfPercentInEightHoursLeavesForEightHours() {
        WaterfallFixture f = WaterfallFixture.of(List.of(BinanceInsuranceFund.standard()), "1000");
        int fund = f.p.insuranceFundPot(0);
        f.settleDeficit("50"); // t = 0: $1,000 → $950, down 5%
        f.nextBlock(100);
        f.settleDeficit("30"); // t = 100: → $920, down 8% from the 8-hour peak: leaves until t = 28,900
        assertEquals(Amounts.micros(920), f.balance(fund));
        f.nextBlock(100);
        f.settleDeficit("10"); // t = 200: out of the market
        f.nextBlock(28_699);
        f.settleDeficit("10"); // t = 28,899: still out
        f.nextBlock(1);
        f.settleDeficit("10"); // t = 28,900: back
        assertEquals(Amounts.micros(910), f.balance(fund));
        List<ProtocolEvent.LossAbsorbed> shares = f.log.of(ProtocolEvent.LossAbsorbed.class);
        assertEquals(List.of("binance-insurance-fund", "binance-insurance-fund", "uncovered", "uncovered",
                "binance-insurance-fund"), shares.stream().map(ProtocolEvent.LossAbsorbed::absorber).toList());
        f.assertConserved();
    }

    @Test
    void fallsSpreadOverMoreThanEightHoursDoNotTriggerTheExit() {
        WaterfallFixture f = WaterfallFixture.of(List.of(BinanceInsuranceFund.standard()), "1000");
        int fund = f.p.insuranceFundPot(0);
        f.settleDeficit("50"); // t = 0: $950
        f.nextBlock(30_000);
        f.settleDeficit("30"); // t = 30,000: $920, only 3.2% below the window's peak of $950
        f.nextBlock(1);
        f.settleDeficit("10");
        assertEquals(Amounts.micros(910), f.balance(fund));
        assertTrue(f.log.of(ProtocolEvent.LossAbsorbed.class).stream().noneMatch(s -> s.absorber().equals("uncovered")));
        f.assertConserved();
    }

    @Test
    void rulesAreTunableParameters() {
        WaterfallFixture f = WaterfallFixture.of(List.of(BinanceInsuranceFund.standard()), "1000");
        assertEquals(200_000, f.p.parameters().get("insurance.binance.max_notional_ppm").value());
        assertEquals(75_000, f.p.parameters().get("insurance.binance.exit_loss_ppm").value());
        assertEquals(28_800, f.p.parameters().get("insurance.binance.window_seconds").value());
        assertEquals(28_800, f.p.parameters().get("insurance.binance.exit_seconds").value());
        f.p.parameters().set("insurance.binance.exit_loss_ppm", 0, "test", 0);
        f.settleDeficit("100");
        f.settleDeficit("100"); // 20% down, but the exit rule is off
        assertEquals(Amounts.micros(800), f.balance(f.p.insuranceFundPot(0)));
        f.assertConserved();
    }

    @Test
    void fundOutOfTheMarketSendsBankruptPositionsToAdl() {
        AutoDeleveragingTest c = new AutoDeleveragingTest();
        WaterfallFixture f = WaterfallFixture.of(binanceThenAdl(), "10000");
        c.positions(f, "120");
        f.settleDeficit("800"); // $10,000 → $9,200: down 8%, the fund leaves for 8 h
        f.price(0, "85");
        f.nextBlock(1);
        // $850 is well under 20% of $9,200 and the $30 deficit well under the fund, yet it is out: ADL.
        assertEquals(10, f.adlLots());
        assertEquals(Amounts.micros(9_200), f.balance(f.p.insuranceFundPot(0)));
        f.assertConserved();
    }
}
