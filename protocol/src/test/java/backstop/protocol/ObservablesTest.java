package backstop.protocol;

import backstop.protocol.book.Side;
import backstop.protocol.governance.BadDebtWindow;
import backstop.protocol.governance.InsuranceCoverage;
import backstop.protocol.governance.Observable;
import backstop.protocol.governance.RealizedVolatility;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What governance controllers watch, read from a live protocol. */
class ObservablesTest {

    private static Fixture twoMarkets(boolean perMarketFunds) {
        Fixture f = new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build(), Fixture.btc(1).build()))
                .insuranceFundSeed(Amounts.micros(100)).insurancePerMarket(perMarketFunds).build());
        int maker = f.open("1000000");
        int trader = f.open("100000");
        f.price(0, 20_000);
        f.price(1, 10_000);
        f.trade(trader, maker, 0, 20_000, 1);
        f.trade(trader, maker, 1, 10_000, 1);
        return f;
    }

    @Test
    void insuranceCoverageIsFundOverOpenInterestNotionalInPpm() {
        // Per-market funds of 100 each; OI notional 20,000 and 10,000.
        Fixture f = twoMarkets(true);
        assertEquals(6_666, InsuranceCoverage.all().observe(f.p.context())); // ⌊200 / 30,000 × 10⁶⌋
        assertEquals(5_000, InsuranceCoverage.of(0).observe(f.p.context())); // 100 / 20,000
        assertEquals(10_000, InsuranceCoverage.of(1).observe(f.p.context())); // 100 / 10,000
        // One shared fund of 100 is counted once.
        Fixture shared = twoMarkets(false);
        assertEquals(3_333, InsuranceCoverage.all().observe(shared.p.context()));
        assertEquals(10_000, InsuranceCoverage.of(1).observe(shared.p.context()));
        // Open interest is valued at the oracle: market 0 at 40,000 → 200 / 50,000
        f.price(0, 40_000);
        assertEquals(4_000, InsuranceCoverage.all().observe(f.p.context()));
        assertEquals(0, f.p.ledger().total());
    }

    @Test
    void driftsInsuranceFloorOfTenBasisPointsOfOpenInterestIs1000Ppm() {
        // MECHANISMS §5: Drift keeps a standing insurance floor of 10 bps of OI notional. A fund of 20 against
        // a 1 BTC position at 20,000 sits exactly on it; a rule threshold of 1000 ppm encodes that floor.
        Fixture f = new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build()))
                .insuranceFundSeed(Amounts.micros(20)).build());
        int maker = f.open("1000000");
        int trader = f.open("5000");
        f.price(0, 20_000);
        f.trade(trader, maker, 0, 20_000, 1);
        assertEquals(1_000, InsuranceCoverage.all().observe(f.p.context()));
        assertEquals(0, f.p.ledger().total());
    }

    @Test
    void insuranceCoverageIsUndefinedWithoutOpenInterest() {
        Fixture f = Fixture.of(Fixture.btc(0).build());
        f.price(0, 20_000);
        assertEquals(Observable.NONE, InsuranceCoverage.all().observe(f.p.context()));
        assertEquals(0, f.p.ledger().total());
    }

    @Test
    void badDebtWindowSumsTheLastBlocksOnly() {
        // ProtocolTest's gap-down: sold at 17,700, the trader ends 300 short (bad debt 300) in block 1.
        Fixture f = Fixture.of(Fixture.btc(0).build());
        BadDebtWindow window = new BadDebtWindow(3);
        assertEquals(0, window.observe(f.p.context())); // starts listening
        int maker = f.open("1000000");
        int trader = f.open("2000");
        f.price(0, 20_000);
        f.trade(trader, maker, 0, 20_000, 1);
        f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 17_700), f.lots(0, 1)));
        f.price(0, 18_000);
        f.nextBlock(1);
        // In block 2 a second account goes 300 short the same way.
        int second = f.open("2000");
        f.trade(second, maker, 0, 18_000, 1);
        f.p.submit(Tx.PlaceOrder.limit(maker, 0, Side.BUY, f.ticks(0, 15_700), f.lots(0, 1)));
        f.price(0, 16_000);
        assertEquals(Amounts.micros(300), window.observe(f.p.context()), "block 2 before its liquidations");
        f.nextBlock(1);
        long[] expected = {600, 300, 0};
        for (long units : expected) { // blocks 3, 4, 5: the window is the current block and the 2 before
            assertEquals(Amounts.micros(units), window.observe(f.p.context()), "block " + f.p.block());
            f.nextBlock(1);
        }
        assertEquals(0, f.p.ledger().total());
    }

    @Test
    void realizedVolatilitySamplesOncePerBlock() {
        // λ = 0.5 from 0: 1,000 → 1,100 in one second: σ = √(0.5 · ln²1.1 · 31,536,000) = 378.466631...
        Fixture f = Fixture.of(Fixture.btc(0).build());
        RealizedVolatility vol = new RealizedVolatility(0, 500_000, 0);
        f.price(0, 1_000);
        assertEquals(0, vol.observe(f.p.context()));
        f.nextBlock(1);
        f.price(0, 1_100);
        long once = vol.observe(f.p.context());
        assertEquals(378_466_632, once); // ppm, rounded up
        assertEquals(once, vol.observe(f.p.context()), "a second read in the block does not sample again");
        assertEquals(0, f.p.ledger().total());
    }
}
