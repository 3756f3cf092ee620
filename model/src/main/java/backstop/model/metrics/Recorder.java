package backstop.model.metrics;

import backstop.model.world.World;
import backstop.protocol.Protocol;
import backstop.protocol.book.OrderBook;
import backstop.protocol.book.Side;
import backstop.protocol.event.EventSink;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.market.Market;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import backstop.protocol.waterfall.AutoDeleveraging;

import java.util.ArrayList;
import java.util.List;

/**
 * Samples the world every {@code sampleSeconds}, and at the run's last block, into a {@link TimeSeries} (DESIGN.md
 * §7): per market the index (external venue), oracle, mark, spread, depth within 1% and 5% of the mark, open interest
 * and last funding rate; and protocol-wide the insurance funds, cumulative bad debt, any {@link SampledColumns} a run
 * adds (the loss decomposition), liquidations that filled, ADL fills, halted markets and the gas base fee. Counters
 * come from the events it is sent. Sampling the last block makes the final row the state the run's summary reads.
 */
public final class Recorder implements EventSink {
    private static final String[] MARKET_COLUMNS = {"index", "oracle", "mark", "spread_bps", "depth_1pct", "depth_5pct",
            "open_interest", "funding_rate"};

    private final double sampleSeconds;
    private TimeSeries series;
    private double nextSample;
    private final List<SampledColumns> extra;
    private long badDebtMicros;
    private long liquidations;
    private double liquidatedNotional;
    private long adlFills;
    private final List<Double> fundingRate = new ArrayList<>();

    public Recorder(double sampleSeconds) {
        this(sampleSeconds, List.of());
    }

    /** A recorder that also samples {@code extra}'s columns, in this order, after {@code bad_debt}. */
    public Recorder(double sampleSeconds, List<SampledColumns> extra) {
        this.sampleSeconds = sampleSeconds;
        this.extra = List.copyOf(extra);
    }

    @Override
    public void accept(ProtocolEvent e) {
        if (e instanceof ProtocolEvent.BadDebt d) {
            badDebtMicros = Math.addExact(badDebtMicros, d.amount()); // summed exactly, as summary.json sums it
        } else if (e instanceof ProtocolEvent.LiquidationSettled s && s.sizeClosed() > 0) {
            liquidations++;
            liquidatedNotional += Amounts.toUnits(s.notional());
        } else if (e instanceof ProtocolEvent.PositionTransfer t && t.kind().equals(AutoDeleveraging.KIND)) {
            adlFills++;
        } else if (e instanceof ProtocolEvent.FundingPaid f) {
            while (fundingRate.size() <= f.market()) {
                fundingRate.add(0.0);
            }
            fundingRate.set(f.market(), f.ratePpb() / 1e9);
        }
    }

    /** Samples when due, and at the run's last block (called in the record phase of every block). */
    public void sample(World world) {
        if (world.now() + 1e-9 < nextSample && world.block() < world.spec().blocks()) {
            return;
        }
        nextSample = world.now() + sampleSeconds;
        Protocol p = world.protocol();
        if (series == null) {
            series = new TimeSeries(columns(p));
        }
        List<Double> row = new ArrayList<>();
        row.add(world.now());
        row.add((double) world.block());
        for (Market m : p.markets()) {
            addMarket(world, m, row);
        }
        double insurance = 0;
        for (int pot : distinctFunds(p)) {
            insurance += Amounts.toUnits(p.ledger().balance(pot));
        }
        row.add(insurance);
        row.add(badDebt());
        for (SampledColumns c : extra) {
            double[] values = c.values();
            if (values.length != c.names().size()) {
                throw new IllegalStateException(values.length + " values for the sampled columns " + c.names());
            }
            for (double v : values) {
                row.add(v);
            }
        }
        row.add((double) liquidations);
        row.add(liquidatedNotional);
        row.add((double) adlFills);
        row.add(p.markets().stream().filter(Market::halted).count() * 1.0);
        row.add(world.gas().baseFee());
        series.add(row.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private void addMarket(World world, Market m, List<Double> row) {
        MarketSpec s = m.spec();
        OrderBook book = m.book();
        double mark = s.price(m.markPrice());
        row.add(world.venue(m.id()).price());
        row.add(s.price(m.oraclePrice()));
        row.add(mark);
        boolean twoSided = book.bestBid() != OrderBook.NO_PRICE && book.bestAsk() != OrderBook.NO_PRICE;
        row.add(twoSided ? (s.price(book.bestAsk()) - s.price(book.bestBid())) / mark * 1e4 : Double.NaN);
        row.add(depth(s, book, mark, 0.01));
        row.add(depth(s, book, mark, 0.05));
        row.add(s.base(m.openInterest()) * mark);
        row.add(m.id() < fundingRate.size() ? fundingRate.get(m.id()) : 0.0);
    }

    /** Resting notional on both sides within {@code band} of the mark, quote units. */
    private static double depth(MarketSpec s, OrderBook book, double mark, double band) {
        long bidFloor = s.ticks(mark * (1 - band));
        long askCeiling = s.ticks(mark * (1 + band));
        return (s.base(book.depthWithin(Side.BUY, bidFloor)) + s.base(book.depthWithin(Side.SELL, askCeiling))) * mark;
    }

    private static int[] distinctFunds(Protocol p) {
        return p.markets().stream().mapToInt(m -> p.insuranceFundPot(m.id())).distinct().toArray();
    }

    private List<String> columns(Protocol p) {
        List<String> c = new ArrayList<>(List.of("time", "block"));
        for (Market m : p.markets()) {
            for (String name : MARKET_COLUMNS) {
                c.add(m.spec().symbol().toLowerCase(java.util.Locale.ROOT) + "_" + name);
            }
        }
        c.addAll(List.of("insurance_fund", "bad_debt"));
        for (SampledColumns e : extra) {
            c.addAll(e.names());
        }
        c.addAll(List.of("liquidations", "liquidated_notional", "adl_fills", "halted_markets", "gas_base_fee"));
        return c;
    }

    /** The samples so far (null before the first). */
    public TimeSeries series() {
        return series;
    }

    /** Cumulative bad debt so far, quote units. */
    public double badDebt() {
        return Amounts.toUnits(badDebtMicros);
    }

    public long liquidations() {
        return liquidations;
    }

    public double liquidatedNotional() {
        return liquidatedNotional;
    }

    public long adlFills() {
        return adlFills;
    }
}
