package backstop.experiments.crash;

import backstop.agents.AgentClass;
import backstop.agents.RolePayoffs;
import backstop.experiments.results.RunMetrics;
import backstop.experiments.results.RunSize;
import backstop.experiments.results.Summary;
import backstop.model.metrics.CascadeTracker;
import backstop.protocol.Protocol;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.book.Side;
import backstop.protocol.event.EventSink;
import backstop.protocol.liquidation.Auction;
import backstop.protocol.liquidation.DutchAuctionLiquidation;
import backstop.protocol.market.Market;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A crash fed straight to the protocol, with no agent world: leveraged accounts open positions while prices
 * are calm, one market maker re-quotes a thin ladder around the oracle every block, and the oracle then
 * falls along a scripted path. Liquidations, bad debt and insurance use follow from the protocol's design
 * alone, so designs can be compared on exactly the same inputs. Where a design waits for keepers, one
 * mechanical keeper calls {@code Liquidate} on every account in the protocol's public liquidatable list at
 * the start of each block, and buys whatever a Dutch auction offers at least 2% through the oracle.
 */
public final class ScriptedCrash {
    private final CrashSpec spec;

    public ScriptedCrash(CrashSpec spec) {
        this.spec = spec;
    }

    /**
     * Runs the crash under the design {@code design} builds from the market list, sending every event to
     * {@code sink}; returns the run's summary (the same metrics, by name, as a world run).
     */
    public Map<String, Object> run(Function<List<MarketSpec>, ProtocolConfig> design, EventSink sink) {
        long started = System.nanoTime();
        MarketSpec market = MarketSpec.builder(0, "BTC-USD", "0.1", "0.001")
                .margin(spec.initialMarginPpm(), spec.maintenanceMarginPpm())
                .fees(-100, 500)
                .build();
        ProtocolConfig config = design.apply(List.of(market));
        RunMetrics metrics = new RunMetrics();
        CascadeTracker cascades = new CascadeTracker();
        Protocol p = new Protocol(config, e -> {
            metrics.accept(e);
            cascades.accept(e);
            sink.accept(e);
        });
        metrics.attach(p);
        SplittableRandom rnd = new SplittableRandom(spec.seed());
        long block = 1;
        p.beginBlock(block, 0);
        long start = market.ticks(spec.startPrice());
        p.setOraclePrice(0, start, 0);
        long makerCapital = Amounts.micros((long) spec.makerCapital());
        int maker = open(p, makerCapital, 1);
        int keeper = open(p, Amounts.micros(10_000_000), 3);
        List<Integer> traders = new ArrayList<>();
        long tradersCapital = 0;
        for (int i = 0; i < spec.traders(); i++) {
            long deposit = Amounts.micros(500 + rnd.nextInt(4_500));
            tradersCapital += deposit;
            traders.add(open(p, deposit, 0));
        }
        List<Long> quotes = new ArrayList<>();
        for (int b = 0; b < spec.blocks(); b++) {
            long price = spec.priceAt(b, start, rnd);
            p.setOraclePrice(0, price, 0);
            if (config.liquidation().keeperTriggered()) {
                for (int target : p.risk().liquidatableAccounts()) {
                    p.submit(new Tx.Liquidate(keeper, target));
                }
            }
            if (config.liquidation() instanceof DutchAuctionLiquidation auctions) {
                takeBargains(p, auctions, keeper, price);
            }
            requote(p, maker, price, quotes, rnd);
            if (b < spec.entryBlocks()) {
                enter(p, traders, b, rnd);
            }
            p.endBlock();
            metrics.endOfBlock(new double[] {market.price(price)}, spec.blockSeconds());
            block++;
            p.beginBlock(block, block * spec.blockSeconds());
        }
        p.endBlock();
        long tradersValue = 0;
        for (int t : traders) {
            tradersValue += p.risk(t).value();
        }
        Map<AgentClass, Double> pnl = Map.of(
                AgentClass.TRADER, Amounts.toUnits(tradersValue - tradersCapital),
                AgentClass.MARKET_MAKER, Amounts.toUnits(p.risk(maker).value() - makerCapital));
        Map<String, Object> summary = new LinkedHashMap<>(Summary.meters(metrics, cascades.meter(), new RolePayoffs(() -> pnl),
                List.of(), new RunSize(metrics, (System.nanoTime() - started) / 1e9)).summary());
        summary.put("ledger_total", p.ledger().total());
        return summary;
    }

    /** The keeper buys an auction's whole lot once it trades 2% through the oracle (either side). */
    private static void takeBargains(Protocol p, DutchAuctionLiquidation auctions, int keeper, long oracle) {
        for (Auction a : List.copyOf(auctions.auctions())) {
            long price = auctions.takePrice(a.id(), p.now());
            boolean bargain = a.side() > 0 ? price <= oracle * 98 / 100 : price >= oracle * 102 / 100;
            if (bargain && a.lots() > 0) {
                p.submit(new Tx.TakeAuction(keeper, a.id(), a.lots(), price));
            }
        }
    }

    private static int open(Protocol p, long deposit, int tag) {
        int id = (int) p.submit(new Tx.OpenAccount(tag == 1 ? -1 : p.accounts().count(), -1, tag)).id();
        p.submit(new Tx.Deposit(id, deposit));
        return id;
    }

    /** Each trader enters once, in the entry window, with leverage drawn from [2, maxLeverage]; 80% go long. */
    private void enter(Protocol p, List<Integer> traders, int b, SplittableRandom rnd) {
        Market m = p.market(0);
        for (int i = b; i < traders.size(); i += spec.entryBlocks()) {
            int t = traders.get(i);
            double leverage = 2 + rnd.nextDouble() * (spec.maxLeverage() - 2);
            long notional = (long) (p.risk(t).value() * leverage);
            long size = Math.max(1, notional / m.spec().notional(1, m.oraclePrice()));
            Side side = rnd.nextDouble() < 0.8 ? Side.BUY : Side.SELL;
            p.submit(Tx.PlaceOrder.market(t, 0, side, size));
        }
    }

    /** The maker cancels its ladder and posts a fresh one: levels every 0.1%, each a few BTC deep. */
    private void requote(Protocol p, int maker, long price, List<Long> quotes, SplittableRandom rnd) {
        for (long id : quotes) {
            p.submit(new Tx.CancelOrder(maker, id));
        }
        quotes.clear();
        Market m = p.market(0);
        for (int k = 1; k <= spec.bookLevels(); k++) {
            long step = price * k / 1_000;
            long size = m.spec().lots(spec.levelSizeBase() * (0.5 + rnd.nextDouble()));
            for (Side side : Side.values()) {
                long at = side == Side.BUY ? price - step : price + step;
                var r = p.submit(Tx.PlaceOrder.postOnly(maker, 0, side, Math.max(1, at), size));
                if (r.ok() && r.resting() > 0) {
                    quotes.add(r.id());
                }
            }
        }
    }
}
