package backstop.protocol;

import backstop.protocol.margin.AccountRisk;
import backstop.protocol.margin.LiquidationPrice;
import backstop.protocol.margin.OiScaledMargin;
import backstop.protocol.margin.TieredMargin;
import backstop.protocol.market.MarginTier;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-computed margin numbers (MECHANISMS.md §1–§2), checked against the protocol's own state. */
class MarginWorkedExamplesTest {
    private static final double EPS = 1e-6;

    @Test
    void requirementsAndHealthOfOneLongPosition() {
        Fixture f = Fixture.of(Fixture.btc(0).build());
        int maker = f.open("1000000");
        int trader = f.open("2000");
        f.price(0, 20_000);
        f.trade(trader, maker, 0, 20_000, 1);
        // 1 BTC at $20,000: cash 2,000 − 20,000 = −18,000, value 2,000; IMR 10% = 2,000; MMR 5% = 1,000.
        AccountRisk r = f.p.risk(trader);
        assertEquals(Amounts.micros(-18_000), f.balance(trader));
        assertEquals(Amounts.micros(2_000), r.value());
        assertEquals(Amounts.micros(2_000), r.initialRequirement());
        assertEquals(Amounts.micros(1_000), r.maintenanceRequirement());
        assertEquals(2.0, r.health(), EPS);
        f.price(0, 19_000);
        // value 1,000 at $19,000; MMR 950 → health 1000/950.
        assertEquals(1000.0 / 950.0, f.p.risk(trader).health(), EPS);
        f.assertInvariants();
    }

    @Test
    void dydxIsolatedLiquidationPriceMatchesTheEngine() {
        // p' = (e − s·p) / (|s|·MMF − s) = (2000 − 20000) / (0.05 − 1) = 18,947.368…
        assertEquals(18_947.368421, LiquidationPrice.isolated(2_000, 1, 20_000, 0.05), 1e-6);
        Fixture f = Fixture.of(Fixture.btc(0).build());
        int maker = f.open("1000000");
        int trader = f.openIsolated(0, "2000");
        f.price(0, 20_000);
        f.trade(trader, maker, 0, 20_000, 1);
        assertEquals(18_947.368421, LiquidationPrice.of(trader, 0, f.p.accounts(), f.p.ledger(), f.p.markets(), f.p.margin()), 1e-6);
        f.price(0, 18_947.4);
        assertFalse(contains(f.p.risk().sweep(), trader), "one tick above p' the account is safe");
        f.price(0, 18_947.3);
        assertTrue(contains(f.p.risk().sweep(), trader), "one tick below p' the index finds it");
    }

    @Test
    void dydxCrossLiquidationPriceAccountsForOtherPositions() {
        // Long 1 BTC at 20,000 and short 10 ETH at 1,000 on 3,000 of collateral; ETH's MMR_o = 5% × 10,000 = 500.
        // p' = (e − s·p − MMR_o) / (|s|·MMF − s) = (3000 − 20000 − 500) / (0.05 − 1) = 18,421.0526…
        assertEquals(18_421.052632, LiquidationPrice.cross(3_000, 1, 20_000, 0.05, 500), 1e-6);
        MarketSpec eth = MarketSpec.builder(1, "ETH", "0.01", "0.01").margin(100_000, 50_000)
                .funding(backstop.protocol.market.FundingParams.NONE).build();
        Fixture f = Fixture.of(Fixture.btc(0).build(), eth);
        int maker = f.open("1000000");
        int trader = f.open("3000");
        f.price(0, 20_000);
        f.price(1, 1_000);
        f.trade(trader, maker, 0, 20_000, 1);
        f.trade(maker, trader, 1, 1_000, 10);
        assertEquals(Amounts.micros(3_000), f.p.risk(trader).value());
        assertEquals(18_421.052632, LiquidationPrice.of(trader, 0, f.p.accounts(), f.p.ledger(), f.p.markets(), f.p.margin()), 1e-6);
        // Bankruptcy: value reaches 0 when BTC = 20,000 − 3,000 = 17,000.
        assertEquals(17_000, LiquidationPrice.bankruptcy(trader, 0, f.p.accounts(), f.p.ledger(), f.p.markets(), f.p.margin()), 1e-6);
        f.price(0, 18_421.1);
        assertFalse(contains(f.p.risk().sweep(), trader));
        f.price(0, 18_421.0);
        assertTrue(contains(f.p.risk().sweep(), trader));
    }

    @Test
    void dydxOpenInterestScaledInitialMargin() {
        // base IMF 5%, caps $0.5M–$1M (tier 4 "Isolated"), open notional $750k: scaling 0.5,
        // IMF = 0.05 + 0.5 × (1 − 0.05) = 52.5%.
        assertEquals(525_000, OiScaledMargin.effectiveImf(50_000, Amounts.micros(750_000), Amounts.micros(500_000), Amounts.micros(1_000_000)));
        assertEquals(50_000, OiScaledMargin.effectiveImf(50_000, Amounts.micros(400_000), Amounts.micros(500_000), Amounts.micros(1_000_000)));
        assertEquals(1_000_000, OiScaledMargin.effectiveImf(50_000, Amounts.micros(2_000_000), Amounts.micros(500_000), Amounts.micros(1_000_000)));
    }

    @Test
    void openInterestScalingRefusesAnOrderThatFixedMarginWouldAllow() {
        MarketSpec spec = Fixture.btc(0).margin(50_000, 30_000)
                .oiScaledImf(Amounts.micros(500_000), Amounts.micros(1_000_000)).build();
        Fixture f = Fixture.of(spec);
        int maker = f.open("10000000");
        int whale = f.open("10000000");
        f.price(0, 20_000);
        f.trade(whale, maker, 0, 20_000, 37.5); // open interest $750k → IMF 52.5%
        int trader = f.open("1000");
        // 1,000 of collateral backs $20,000 at the base 5%, but not at 52.5%.
        assertEquals(backstop.protocol.tx.TxResult.INSUFFICIENT_MARGIN, f.p.submit(
                backstop.protocol.tx.Tx.PlaceOrder.limit(trader, 0, backstop.protocol.book.Side.BUY, f.ticks(0, 20_000), f.lots(0, 1))).result());
    }

    @Test
    void sizeTiersRaiseTheFractionForLargerPositions() {
        // Hyperliquid BTC: 40x (IM 2.5%, MM 1.25%) below $150M notional; above it, here 20x (5% / 2.5%).
        List<MarginTier> tiers = List.of(new MarginTier(Amounts.micros(150_000_000), 25_000, 12_500),
                MarginTier.flat(50_000, 25_000));
        MarketSpec spec = MarketSpec.builder(0, "BTC", "1", "0.001").tiers(tiers).build();
        TieredMargin model = new TieredMargin();
        backstop.protocol.market.Market m = new backstop.protocol.market.Market(spec, null);
        assertEquals(12_500, model.maintenancePpm(m, Amounts.micros(150_000_000)));
        assertEquals(25_000, model.maintenancePpm(m, Amounts.micros(150_000_001)));
        assertEquals(Amounts.micros(150_000_000), model.maintenanceStableUpTo(m, Amounts.micros(1_000)));
    }

    private static boolean contains(int[] accounts, int account) {
        for (int a : accounts) {
            if (a == account) {
                return true;
            }
        }
        return false;
    }
}
