package backstop.protocol.liquidation;

import backstop.protocol.Invariants;
import backstop.protocol.Protocol;
import backstop.protocol.book.Side;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;
import backstop.protocol.Seeds;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random markets, traders, price walks and books under each book-based policy: value and size are conserved
 * after every block, no flat account is left negative, and each throttle's cap holds.
 */
class BookLiquidationProperties {
    private static final long CAPACITY = 60;
    private static final long WINDOW = 10;

    @Property(tries = 200, seed = Seeds.PINNED)
    void conservationAndCapsHoldUnderEveryPolicy(@ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int kind = rnd.nextInt(6);
        boolean protocolTriggered = rnd.nextInt(3) > 0;
        int markets = 1 + rnd.nextInt(2);
        boolean calm = rnd.nextBoolean(); // per-block moves in [−1.7%, +1.3%], else in [−4%, +3%]
        MarketSpec[] specs = new MarketSpec[markets];
        for (int m = 0; m < markets; m++) {
            specs[m] = BookLiquidationBench.market(m, 100_000, rnd.nextBoolean() ? 50_000 : 62_500);
        }
        BookLiquidationBench b = new BookLiquidationBench(policy(kind, protocolTriggered, markets), rnd.nextInt(2_000), specs);
        Protocol p = b.p;
        int keeper = b.open("1");
        List<Integer> traders = new ArrayList<>();
        for (int i = 0; i < 3 + rnd.nextInt(6); i++) {
            long deposit = 500 + rnd.nextInt(20_000);
            int t = b.open(Long.toString(deposit));
            traders.add(t);
            for (int m = 0; m < markets; m++) {
                long lots = 1 + rnd.nextLong(deposit / (10 * markets));
                b.position(t, m, rnd.nextBoolean() ? lots : -lots, 10_000);
            }
        }
        long[] price = new long[markets];
        java.util.Arrays.fill(price, 10_000);
        List<Long> makerOrders = new ArrayList<>();
        String where = "seed " + seed + " policy " + p.config().liquidation().name();
        for (int block = 0; block < 25; block++) {
            for (long id : makerOrders) {
                p.submit(new Tx.CancelOrder(b.maker, id));
            }
            makerOrders.clear();
            for (int m = 0; m < markets; m++) {
                price[m] = Math.max(100, price[m] + price[m] * (calm ? rnd.nextInt(301) - 170 : rnd.nextInt(701) - 400) / 10_000);
                b.price(m, price[m]);
                for (long offsetPpm : new long[] {0, 5_000, 30_000, 80_000}) {
                    long band = price[m] * offsetPpm / 1_000_000;
                    makerOrders.add(rest(p, b.maker, m, Side.BUY, price[m] - band - 1, rnd.nextInt(400)));
                    makerOrders.add(rest(p, b.maker, m, Side.SELL, price[m] + band + 1, rnd.nextInt(400)));
                }
            }
            if (!protocolTriggered) {
                for (int t : traders) {
                    p.submit(new Tx.Liquidate(keeper, t));
                }
            }
            b.nextBlock(1 + rnd.nextInt(8));
            assertInvariants(b, where + " block " + block);
        }
        if (kind == 3) {
            assertOneLiquidationPerAccountPerBlock(b, where);
        }
        if (kind == 5) {
            assertWindowCapacity(b, where);
        }
    }

    private static LiquidationPolicy policy(int kind, boolean protocolTriggered, int markets) {
        PenaltySplit penalty = new PenaltySplit(15_000, 300_000);
        return switch (kind) {
            case 0 -> new PartialLiquidation(new TargetHealthRule(1_100_000), new SlippageLimit(20_000), penalty, protocolTriggered);
            case 1 -> new PartialLiquidation(CloseFactorRule.aaveV33(), new SlippageLimit(50_000), penalty, protocolTriggered);
            case 2 -> new PartialLiquidation(MarginRatioStepRule.perpV1(), new SlippageLimit(50_000), penalty, protocolTriggered);
            case 3 -> new ThrottledLiquidation(DydxBlockLimits.mainnet(), FillablePrice.dydx(), penalty, protocolTriggered);
            case 4 -> new ThrottledLiquidation(new HyperliquidChunks(Amounts.micros(20_000), 200_000, 30),
                    new SlippageLimit(100_000), PenaltySplit.NONE, protocolTriggered);
            default -> {
                long[] capacity = new long[markets];
                java.util.Arrays.fill(capacity, CAPACITY);
                yield new ThrottledLiquidation(new SynthetixWindow(capacity, WINDOW, Amounts.micros(2)),
                        new SlippageLimit(100_000), penalty, protocolTriggered);
            }
        };
    }

    private static long rest(Protocol p, int maker, int market, Side side, long price, long lots) {
        if (lots == 0 || price <= 0) {
            return -1;
        }
        TxReceipt r = p.submit(Tx.PlaceOrder.limit(maker, market, side, price, lots));
        return r.ok() ? r.id() : -1;
    }

    private static void assertInvariants(BookLiquidationBench b, String where) {
        Protocol p = b.p;
        Invariants.assertConserved(p, where);
        Invariants.assertSystemPotsNonNegative(p, where);
        for (int a = 0; a < p.accounts().count(); a++) {
            if (!p.accounts().hasPositions(a)) {
                assertTrue(p.ledger().balance(a) >= 0, "flat account " + a + " negative, " + where);
            }
        }
    }

    private static void assertOneLiquidationPerAccountPerBlock(BookLiquidationBench b, String where) {
        Set<String> seen = new HashSet<>();
        for (ProtocolEvent.Liquidation l : b.log.of(ProtocolEvent.Liquidation.class)) {
            assertTrue(seen.add(l.block() + ":" + l.account()), "two dYdX liquidations of one account in a block, " + where);
        }
    }

    /** Lots filled by liquidation orders in one market within any window of WINDOW seconds ≤ CAPACITY. */
    private static void assertWindowCapacity(BookLiquidationBench b, String where) {
        List<long[]> fills = new ArrayList<>(); // {time, market, lots}
        for (ProtocolEvent.Fill f : b.log.of(ProtocolEvent.Fill.class)) {
            if (f.liquidation()) {
                fills.add(new long[] {b.time(f.block()), f.market(), f.size()});
            }
        }
        for (long[] f : fills) {
            long inWindow = 0;
            for (long[] g : fills) {
                if (g[1] == f[1] && g[0] <= f[0] && g[0] > f[0] - WINDOW) {
                    inWindow += g[2];
                }
            }
            assertTrue(inWindow <= CAPACITY, "window capacity exceeded: " + inWindow + ", " + where);
        }
    }
}
