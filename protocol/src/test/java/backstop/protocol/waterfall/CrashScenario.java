package backstop.protocol.waterfall;

import backstop.protocol.ProtocolConfig;
import backstop.protocol.book.Side;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seed-determined crash: leveraged traders open positions against each other around $100, then the oracle gaps
 * by 5–45% in one or more blocks, sometimes with a few resting quotes from a maker on the far side of the gap, so
 * that some accounts are liquidated in the book at a loss (deficit stage) and some are left bankrupt with open
 * positions (position stage). The waterfall is the caller's; the scenario never depends on it.
 */
final class CrashScenario {
    final WaterfallFixture f;
    private final SplittableRandom rnd;
    private final int markets;
    private final int maker;
    private final long[] price;

    CrashScenario(long seed, int markets, List<LossAbsorber> waterfall, long insuranceMicros, boolean perMarket) {
        this.rnd = new SplittableRandom(seed);
        this.markets = markets;
        List<MarketSpec> specs = new ArrayList<>();
        for (int m = 0; m < markets; m++) {
            specs.add(WaterfallFixture.market(m));
        }
        this.f = new WaterfallFixture(ProtocolConfig.builder(specs).waterfall(waterfall)
                .insuranceFundSeed(insuranceMicros).insurancePerMarket(perMarket).build());
        this.price = new long[markets];
        for (int m = 0; m < markets; m++) {
            price[m] = 10_000;
            f.p.setOraclePrice(m, price[m], 0);
        }
        this.maker = f.open("1000000");
        int traders = 6 + rnd.nextInt(10);
        int first = maker + 1;
        for (int i = 0; i < traders; i++) {
            int id = f.open("0");
            f.p.submit(new Tx.Deposit(id, Amounts.micros(20 + rnd.nextInt(500)) + rnd.nextInt(1_000_000)));
        }
        for (int k = 0; k < 3 * traders; k++) {
            int buyer = first + rnd.nextInt(traders);
            int seller = first + rnd.nextInt(traders);
            if (buyer != seller) {
                trade(buyer, seller, rnd.nextInt(markets), 9_700 + rnd.nextInt(601), 1 + rnd.nextInt(15));
            }
        }
    }

    /** A fill at {@code ticks} if both sides can afford it; nothing otherwise. */
    private void trade(int buyer, int seller, int market, long ticks, long lots) {
        TxReceipt rest = f.p.submit(Tx.PlaceOrder.limit(seller, market, Side.SELL, ticks, lots));
        if (!rest.ok()) {
            return;
        }
        f.p.submit(Tx.PlaceOrder.ioc(buyer, market, Side.BUY, ticks, lots));
        if (f.p.market(market).book().orderCount() > 0) {
            f.p.submit(new Tx.CancelOrder(seller, rest.id()));
        }
    }

    /** One block: every market's oracle gaps 5–45% up or down, sometimes into a few resting quotes. */
    void crash() {
        for (int m = 0; m < markets; m++) {
            boolean down = rnd.nextBoolean();
            long move = price[m] * (5 + rnd.nextInt(41)) / 100;
            price[m] = down ? price[m] - move : price[m] + move;
            if (rnd.nextBoolean()) {
                for (int q = 0; q < 1 + rnd.nextInt(4); q++) {
                    long away = price[m] * (1 + rnd.nextInt(9)) / 100;
                    f.p.submit(Tx.PlaceOrder.limit(maker, m, down ? Side.BUY : Side.SELL,
                            down ? price[m] - away : price[m] + away, 1 + rnd.nextInt(10)));
                }
            }
            f.p.setOraclePrice(m, price[m], 0);
        }
        f.nextBlock(1 + rnd.nextInt(20_000));
    }

    /** A block with no price change. */
    /** {@code crashes} crash blocks then two calm ones; {@code afterBlock} sees each block's index. */
    void run(int crashes, java.util.function.IntConsumer afterBlock) {
        for (int i = 0; i < crashes + 2; i++) {
            if (i < crashes) {
                crash();
            } else {
                calm();
            }
            afterBlock.accept(i);
        }
    }

    void calm() {
        f.nextBlock(1);
    }
}
