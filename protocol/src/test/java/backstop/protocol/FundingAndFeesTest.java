package backstop.protocol;

import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.market.FundingParams;
import backstop.protocol.money.Amounts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Funding (MECHANISMS.md §2, Hyperliquid/Binance formula) and the fee split, with hand-computed numbers. */
class FundingAndFeesTest {
    @Test
    void fundingRateIsPremiumPlusClampedInterestScaledToTheInterval() {
        FundingParams hourly = FundingParams.HOURLY;
        // Premium 0: F = 0 + clamp(0.01% − 0, ±0.05%) = 0.01% per 8 h → 0.00125% per hour = 12,500 ppb.
        assertEquals(12_500, hourly.ratePerInterval(0));
        // Premium +0.1%: F = 0.1% + clamp(0.01% − 0.1%, ±0.05%) = 0.05% per 8 h → 62,500 ppb per hour.
        assertEquals(62_500, hourly.ratePerInterval(1_000_000));
        // Premium −0.02%: F = −0.02% + clamp(0.03%) = 0.01% → the interest rate again.
        assertEquals(12_500, hourly.ratePerInterval(-200_000));
        // A 100% premium hits the 4% per hour cap.
        assertEquals(40_000_000, hourly.ratePerInterval(1_000_000_000));
    }

    @Test
    void hourlyFundingMovesExactlyFromLongsToShorts() {
        Fixture f = Fixture.of(Fixture.btc(0).funding(FundingParams.HOURLY).build());
        int shortSide = f.open("100000");
        int longSide = f.open("100000");
        f.price(0, 20_000);
        f.trade(longSide, shortSide, 0, 20_000, 1);
        long longBefore = f.balance(longSide);
        long shortBefore = f.balance(shortSide);
        for (int i = 0; i < 3600; i++) {
            f.price(0, 20_000);
            f.nextBlock(1);
        }
        f.p.endBlock();
        // No book, last trade = oracle → premium 0 → 0.00125% of $20,000 = $0.25 per hour.
        List<ProtocolEvent.FundingPaid> paid = f.log.of(ProtocolEvent.FundingPaid.class);
        assertEquals(1, paid.size());
        assertEquals(12_500, paid.get(0).ratePpb());
        assertEquals(Amounts.micros("0.25"), longBefore - f.balance(longSide));
        assertEquals(Amounts.micros("0.25"), f.balance(shortSide) - shortBefore);
        assertEquals(0, paid.get(0).dust());
        f.assertInvariants();
    }

    @Test
    void feesSplitBetweenTreasuryInsuranceAndMakerRebate() {
        // Taker 5 bp, maker −1 bp (rebate), 25% of net fees to the insurance fund; 1 BTC at $20,000:
        // taker pays $10, maker receives $2, net $8 → insurance $2, treasury $6.
        ProtocolConfig config = ProtocolConfig.builder(List.of(Fixture.btc(0).fees(-100, 500).build()))
                .feeToInsurancePpm(250_000).build();
        Fixture f = new Fixture(config);
        int maker = f.open("100000");
        int taker = f.open("100000");
        f.price(0, 20_000);
        f.trade(taker, maker, 0, 20_000, 1);
        assertEquals(Amounts.micros(100_000 - 20_000 - 10), f.balance(taker));
        assertEquals(Amounts.micros(100_000 + 20_000 + 2), f.balance(maker));
        assertEquals(Amounts.micros(2), f.p.ledger().balance(f.p.insuranceFundPot(0)));
        assertEquals(Amounts.micros(6), f.p.ledger().balance(f.p.treasuryPot()));
        ProtocolEvent.Fill fill = f.log.of(ProtocolEvent.Fill.class).get(0);
        assertEquals(Amounts.micros(10), fill.takerFee());
        assertEquals(-Amounts.micros(2), fill.makerFee());
        f.assertInvariants();
    }
}
