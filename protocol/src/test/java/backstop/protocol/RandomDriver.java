package backstop.protocol;

import backstop.protocol.book.OrderType;
import backstop.protocol.book.Side;
import backstop.protocol.book.TimeInForce;
import backstop.protocol.event.EventLog;
import backstop.protocol.liquidation.FullCloseLiquidation;
import backstop.protocol.liquidation.PenaltySplit;
import backstop.protocol.margin.PriceSource;
import backstop.protocol.market.FundingParams;
import backstop.protocol.market.MarginTier;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Drives a protocol with a random but seed-determined stream of deposits, withdrawals, transfers, orders of
 * every kind, cancels, replaces, oracle moves (with occasional gaps), keeper liquidations and block ends.
 */
final class RandomDriver {
    final Protocol protocol;
    final EventLog log = new EventLog();
    private final SplittableRandom rnd;
    private final List<Long> orderIds = new ArrayList<>();
    private final List<Long> makerOrders = new ArrayList<>();
    private final long[] price;
    private long block = 1;
    private long time;

    RandomDriver(long seed) {
        this.rnd = new SplittableRandom(seed);
        int markets = 1 + rnd.nextInt(3);
        List<MarketSpec> specs = new ArrayList<>();
        for (int m = 0; m < markets; m++) {
            MarketSpec.Builder b = MarketSpec.builder(m, "M" + m, "0.1", "0.001")
                    .fees(rnd.nextInt(3) - 1 == 0 ? 0 : -100, 500)
                    .funding(rnd.nextBoolean() ? FundingParams.NONE : new FundingParams(20, 100_000, 500_000, 40_000_000));
            if (rnd.nextBoolean()) {
                b.tiers(List.of(new MarginTier(Amounts.micros(50_000), 100_000, 50_000), MarginTier.flat(200_000, 100_000)));
            }
            if (rnd.nextInt(4) == 0) {
                b.openInterestCap(Amounts.micros(500_000));
            }
            specs.add(b.build());
        }
        boolean keepers = rnd.nextBoolean();
        ProtocolConfig config = ProtocolConfig.builder(specs)
                .liquidation(new FullCloseLiquidation(new PenaltySplit(15_000, 300_000), rnd.nextInt(4) == 0 ? new backstop.protocol.liquidation.BankruptcyLimit() : new backstop.protocol.liquidation.SlippageLimit(50_000 + rnd.nextInt(200_000)), !keepers))
                .priceSource(rnd.nextBoolean() ? PriceSource.ORACLE : PriceSource.MARK)
                .feeToInsurancePpm(rnd.nextInt(2) * 200_000)
                .insuranceFundSeed(Amounts.micros(rnd.nextInt(5_000)))
                .insurancePerMarket(rnd.nextBoolean())
                .build();
        this.protocol = new Protocol(config, log);
        protocol.beginBlock(block, time);
        this.price = new long[markets];
        for (int m = 0; m < markets; m++) {
            price[m] = 200_000;
            protocol.setOraclePrice(m, price[m], 0);
        }
        int maker = (int) protocol.submit(new Tx.OpenAccount(99, -1, 9)).id();
        protocol.submit(new Tx.Deposit(maker, Amounts.micros(2_000_000)));
        int accounts = 4 + rnd.nextInt(10);
        for (int a = 0; a < accounts; a++) {
            int isolated = rnd.nextInt(4) == 0 ? rnd.nextInt(markets) : -1;
            int id = (int) protocol.submit(new Tx.OpenAccount(a % 3, isolated, a % 4)).id();
            protocol.submit(new Tx.Deposit(id, Amounts.micros(300 + rnd.nextInt(8_000))));
        }
    }

    /** Applies one random operation. */
    void step() {
        int accounts = protocol.accounts().count();
        int a = rnd.nextInt(accounts);
        int m = rnd.nextInt(price.length);
        int op = rnd.nextInt(100);
        if (op < 27) {
            placeRandomOrder(a, m);
        } else if (op < 35) {
            leverUp(a, m);
        } else if (op < 45) {
            if (!orderIds.isEmpty()) {
                long id = orderIds.get(rnd.nextInt(orderIds.size()));
                protocol.submit(new Tx.CancelOrder(rnd.nextInt(5) == 0 ? rnd.nextInt(accounts) : protocol.market(0).book().accountOf(id) < 0 ? a : ownerOf(id, a), id));
            }
        } else if (op < 50) {
            if (!orderIds.isEmpty()) {
                long id = orderIds.get(rnd.nextInt(orderIds.size()));
                protocol.submit(new Tx.ReplaceOrder(ownerOf(id, a), id, near(m), 1 + rnd.nextInt(3000)));
            }
        } else if (op < 60) {
            moveOracle(m);
        } else if (op < 65) {
            protocol.submit(new Tx.Deposit(a, Amounts.micros(1 + rnd.nextInt(5_000))));
        } else if (op < 70) {
            protocol.submit(new Tx.Withdraw(a, Amounts.micros(1 + rnd.nextInt(5_000))));
        } else if (op < 73) {
            protocol.submit(new Tx.Transfer(a, rnd.nextInt(accounts), Amounts.micros(1 + rnd.nextInt(2_000))));
        } else if (op < 78) {
            protocol.submit(new Tx.Liquidate(a, rnd.nextInt(accounts)));
        } else {
            endBlock();
        }
    }

    private int ownerOf(long orderId, int fallback) {
        for (int m = 0; m < price.length; m++) {
            int owner = protocol.market(m).book().accountOf(orderId);
            if (owner >= 0) {
                return owner;
            }
        }
        return fallback;
    }

    private void placeRandomOrder(int a, int m) {
        Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
        long size = 1 + rnd.nextInt(rnd.nextBoolean() ? 300 : 1_500);
        int kind = rnd.nextInt(6);
        Tx.PlaceOrder tx = switch (kind) {
            case 0 -> Tx.PlaceOrder.market(a, m, side, size);
            case 1 -> Tx.PlaceOrder.ioc(a, m, side, near(m), size);
            case 2 -> Tx.PlaceOrder.postOnly(a, m, side, near(m), size);
            case 3 -> new Tx.PlaceOrder(a, m, side, OrderType.MARKET, 0, size, TimeInForce.IOC, false, true);
            default -> Tx.PlaceOrder.limit(a, m, side, near(m), size);
        };
        var r = protocol.submit(tx);
        if (r.ok() && r.resting() > 0) {
            orderIds.add(r.id());
        }
    }

    /** Account 0 cancels its quotes and posts a fresh ladder of bids and asks around each oracle price. */
    private void requote() {
        for (long id : makerOrders) {
            protocol.submit(new Tx.CancelOrder(0, id));
        }
        makerOrders.clear();
        for (int m = 0; m < price.length; m++) {
            for (int k = 1; k <= 5; k++) {
                long step = price[m] * k * (1 + rnd.nextInt(4)) / 1_000;
                for (Side side : Side.values()) {
                    long p = side == Side.BUY ? price[m] - step : price[m] + step;
                    var r = protocol.submit(Tx.PlaceOrder.limit(0, m, side, Math.max(1, p), 200 + rnd.nextInt(800)));
                    if (r.ok() && r.resting() > 0) {
                        makerOrders.add(r.id());
                    }
                }
            }
        }
    }

    /** Takes a position with most of the account's free collateral (at ~10% initial margin). */
    private void leverUp(int a, int m) {
        long free = protocol.risk(a).freeCollateral();
        long notionalPerLot = protocol.market(m).spec().notional(1, price[m]);
        long size = free <= 0 ? 1 : Math.max(1, free * 8 / notionalPerLot);
        protocol.submit(Tx.PlaceOrder.market(a, m, rnd.nextBoolean() ? Side.BUY : Side.SELL, size));
    }

    private long near(int m) {
        return Math.max(1, price[m] + rnd.nextInt(4_001) - 2_000);
    }

    private void moveOracle(int m) {
        double move = rnd.nextInt(4) == 0 ? (rnd.nextDouble() - 0.6) * 0.3 : (rnd.nextDouble() - 0.5) * 0.02;
        price[m] = Math.max(1_000, Math.round(price[m] * (1 + move)));
        protocol.setOraclePrice(m, price[m], 0);
    }

    void endBlock() {
        requote();
        protocol.endBlock();
        block++;
        time += 1 + rnd.nextInt(5);
        protocol.beginBlock(block, time);
    }

    /** Brute-force scan: every account below maintenance margin, or flat with negative cash. */
    List<Integer> bruteForceLiquidatable() {
        List<Integer> out = new ArrayList<>();
        for (int a = 0; a < protocol.accounts().count(); a++) {
            if (protocol.margin().risk(a).liquidatable()) {
                out.add(a);
            }
        }
        return out;
    }
}
