package backstop.protocol.waterfall;

import backstop.protocol.ProtocolTestAccess;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.market.FundingParams;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Socialized loss on winners' profit, and Drift's funding-bump socialization (MECHANISMS.md §3, §5). */
class SocializationTest {
    int s1;
    int s2;
    int s3;
    int m;

    /** M is long 20 against S1 (4 at $100), S2 (6 at $100), S3 (10 at $110); the oracle is then $85. */
    WaterfallFixture winners(List<LossAbsorber> waterfall) {
        WaterfallFixture f = WaterfallFixture.of(waterfall, "0");
        s1 = f.open("50");
        s2 = f.open("200");
        s3 = f.open("1000");
        m = f.open("10000");
        f.price(0, "110");
        f.trade(m, s3, 0, "110", 10);
        f.price(0, "100");
        f.trade(m, s1, 0, "100", 4);
        f.trade(m, s2, 0, "100", 6);
        f.price(0, "85");
        return f;
    }

    @Test
    void socializedLossTakesWinnersProfitProRataRoundedAgainstThemButNeverMoreThanTheDeficit() {
        WaterfallFixture f = winners(List.of(new SocializedLoss()));
        // Profits $60, $90, $250 (Σ $400). A 7-micro deficit: ⌈7 × 60/400⌉ = 2, ⌈7 × 90/400⌉ = 2, then S3 pays
        // only the 3 still owed (its ⌈4.375⌉ = 5 would overshoot).
        long before1 = f.balance(s1);
        long before2 = f.balance(s2);
        long before3 = f.balance(s3);
        int bankrupt = f.settleDeficit("0.000007");
        assertEquals(2, before1 - f.balance(s1));
        assertEquals(2, before2 - f.balance(s2));
        assertEquals(3, before3 - f.balance(s3));
        assertEquals(0, f.balance(bankrupt));
        assertEquals(before1 + before2 + before3 - 7, f.balance(s1) + f.balance(s2) + f.balance(s3));
        f.assertConserved();
    }

    @Test
    void socializedLossTakesAllProfitWhenItIsShortAndPassesTheRestOn() {
        WaterfallFixture f = winners(List.of(new SocializedLoss()));
        long before3 = f.balance(s3);
        f.settleDeficit("500");
        ProtocolEvent.BadDebt debt = f.log.of(ProtocolEvent.BadDebt.class).get(0);
        List<ProtocolEvent.LossAbsorbed> shares = f.shares(debt);
        assertEquals(Amounts.micros(400), shares.get(0).amount());
        assertEquals("uncovered", shares.get(1).absorber());
        assertEquals(Amounts.micros(100), shares.get(1).amount());
        assertEquals(Amounts.micros(250), before3 - f.balance(s3));
        assertEquals(0, f.balance(m) - Amounts.micros(10_000 - 1_100 - 1_000), "the loser M pays nothing");
        f.assertConserved();
    }

    @Test
    void driftFundingBumpChargesTenDollarsPerSolOnBothSides() {
        // Drift's example: a $2M residual over 200,000 SOL of |long| + |short| base is $10 per SOL.
        MarketSpec sol = MarketSpec.builder(0, "SOL", "0.01", "0.1").margin(100_000, 50_000).funding(FundingParams.NONE).build();
        WaterfallFixture f = new WaterfallFixture(ProtocolConfig.builder(List.of(sol))
                .waterfall(List.of(new FundingBumpSocialization())).build());
        int a = f.open("2000000");
        int b = f.open("2000000");
        int c = f.open("2000000");
        int d = f.open("2000000");
        f.price(0, "100");
        f.trade(a, c, 0, "100", 600_000); // 60,000 SOL in 0.1-SOL lots
        f.trade(b, c, 0, "100", 100_000);
        f.trade(b, d, 0, "100", 300_000);
        long[] before = {f.balance(a), f.balance(b), f.balance(c), f.balance(d)};
        int bankrupt = f.settleDeficit("2000000");
        // Longs 60,000 + 40,000 and shorts 70,000 + 30,000 SOL pay $10 a SOL each.
        assertEquals(Amounts.micros(600_000), before[0] - f.balance(a));
        assertEquals(Amounts.micros(400_000), before[1] - f.balance(b));
        assertEquals(Amounts.micros(700_000), before[2] - f.balance(c));
        assertEquals(Amounts.micros(300_000), before[3] - f.balance(d));
        assertEquals(0, f.balance(bankrupt));
        ProtocolEvent.BadDebt debt = f.log.of(ProtocolEvent.BadDebt.class).get(0);
        assertEquals("funding-bump", f.shares(debt).get(0).absorber());
        assertEquals(1, f.shares(debt).size());
        f.assertConserved();
    }

    @Test
    void fundingBumpRoundsAgainstHoldersButStopsAtTheDeficit() {
        WaterfallFixture f = winners(List.of(new FundingBumpSocialization()));
        // 5 micros over 40 lots of |size| (M 20, S1 4, S2 6, S3 10), ascending id S1, S2, S3, M:
        // ⌈5 × 4/40⌉ = 1, ⌈5 × 6/40⌉ = 1, ⌈5 × 10/40⌉ = 2, then M pays the 1 left of its ⌈2.5⌉ = 3.
        long[] before = {f.balance(s1), f.balance(s2), f.balance(s3), f.balance(m)};
        f.settleDeficit("0.000005");
        assertEquals(1, before[0] - f.balance(s1));
        assertEquals(1, before[1] - f.balance(s2));
        assertEquals(2, before[2] - f.balance(s3));
        assertEquals(1, before[3] - f.balance(m));
        f.assertConserved();
    }

    @Test
    void postingFromAWinnerRefreshesItsRiskSoItIsFoundLiquidatable() {
        WaterfallFixture f = winners(List.of(new SocializedLoss()));
        // S1: value $110, maintenance 5% × $340 = $17. Absorbers take winners' cash through ctx.post; taking $95
        // leaves $15 < $17, and the risk index must know it at once (core change in Operations.post).
        ProtocolTestAccess.context(f.p).post(s1, f.p.externalPot(), Amounts.micros(95), PostingReason.WITHDRAWAL);
        assertTrue(f.p.risk().isLiquidatable(s1));
        f.assertConserved();
    }
}
