package backstop.experiments.results;

import backstop.model.metrics.SampledColumns;
import backstop.protocol.OpenLosses;
import backstop.protocol.Protocol;
import backstop.protocol.breaker.HaltMeter;
import backstop.protocol.event.EventSink;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.liquidation.AuctionMeter;
import backstop.protocol.liquidation.LiquidationMeter;
import backstop.protocol.market.DrawdownMeter;
import backstop.protocol.market.Market;
import backstop.protocol.metric.Meter;
import backstop.protocol.metric.Meters;
import backstop.protocol.money.Amounts;
import backstop.protocol.trading.FeeMeter;
import backstop.protocol.waterfall.AdlMeter;
import backstop.protocol.waterfall.InsuranceFundMeter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The protocol's meters of one run, fed while it runs: the loss decomposition ({@link LossTally}), the insurance funds,
 * auto-deleveraging, liquidations, halts, drawdowns and fees, each declared by the mechanism that produces it.
 * {@link Summary} puts them in summary order with the meters of the world, the agents and the run; they also give
 * {@code markets.csv} its rows and the time series its loss columns.
 */
public final class RunMetrics implements EventSink {
    private Protocol protocol;
    private LossTally losses;
    private InsuranceFundMeter fund;
    private AdlMeter adl;
    private LiquidationMeter liquidations;
    private AuctionMeter auctions;
    private HaltMeter halts;
    private DrawdownMeter drawdowns;
    private FeeMeter fees;
    private List<Meter> fed = List.of();
    private double[] exogenous;
    private long vaultNetDeposits;
    private long blocks;
    private OpenLosses open;
    private long openAt = -1;

    /**
     * Connects the metrics to the protocol whose events they receive (for units, pots and the ledger), before its first
     * agent acts; events before it (the protocol's genesis) move no value any meter counts, bar vault deposits.
     */
    public void attach(Protocol p) {
        if (protocol != null) {
            throw new IllegalStateException("run metrics attached twice");
        }
        this.protocol = p;
        List<Market> markets = p.markets();
        losses = new LossTally(p, this::openLosses, () -> vaultNetDeposits);
        fund = new InsuranceFundMeter(this::insurance);
        adl = new AdlMeter(markets.stream().map(Market::spec).toList());
        liquidations = new LiquidationMeter(markets.size());
        auctions = new AuctionMeter(markets.stream().map(Market::spec).toList());
        halts = new HaltMeter(markets.size(), () -> markets.stream().anyMatch(Market::halted));
        drawdowns = new DrawdownMeter(markets, i -> exogenous[i]);
        fees = new FeeMeter();
        fed = List.of(losses, fund, adl, liquidations, auctions, halts, drawdowns, fees);
    }

    /** Whether {@link #attach} has run. */
    public boolean attached() {
        return protocol != null;
    }

    /** The loss decomposition (losses, the vault's PnL, insolvent accounts). */
    Meter losses() {
        return losses;
    }

    Meter fund() {
        return fund;
    }

    Meter adl() {
        return adl;
    }

    Meter liquidations() {
        return liquidations;
    }

    /** Collateral auctions (flip and Dutch): kicks, zero-bid share, bad debt over collateral auctioned. */
    Meter auctions() {
        return auctions;
    }

    Meter halts() {
        return halts;
    }

    Meter drawdowns() {
        return drawdowns;
    }

    Meter fees() {
        return fees;
    }

    /** Blocks closed so far. */
    long blocks() {
        return blocks;
    }

    /** The protocol these metrics follow. */
    Protocol protocol() {
        return protocol;
    }

    /** The open losses now, valued once per event count (the summary and markets.csv read them together). */
    private OpenLosses openLosses() {
        if (openAt != protocol.lastEventId() || open == null) {
            open = protocol.openLosses();
            openAt = protocol.lastEventId();
        }
        return open;
    }

    /**
     * The run's loss decomposition as time-series columns: {@link LossTally#NAMES} but {@code bad_debt} (the recorder's
     * own column), valued as {@code summary.json} values them, so the last sample of a run is its summary's; zeros
     * before {@link #attach}.
     */
    public SampledColumns lossColumns() {
        List<String> names = LossTally.NAMES.stream().filter(n -> !n.equals("bad_debt")).toList();
        return new SampledColumns() {
            @Override
            public List<String> names() {
                return names;
            }

            @Override
            public double[] values() {
                Map<String, Long> now = losses == null ? Map.of() : losses.parts(Meter.RUN, openLosses(), vaultNetDeposits);
                double[] v = new double[names.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Amounts.toUnits(now.getOrDefault(names.get(i), 0L));
                }
                return v;
            }
        };
    }

    @Override
    public void accept(ProtocolEvent e) {
        if (e instanceof ProtocolEvent.Transfer t && t.kind() == ProtocolEvent.Transfer.Kind.VAULT_DEPOSIT) {
            vaultNetDeposits += t.amount();
        } else if (e instanceof ProtocolEvent.Transfer t && t.kind() == ProtocolEvent.Transfer.Kind.VAULT_WITHDRAWAL) {
            vaultNetDeposits -= t.amount();
        }
        for (Meter m : fed) {
            m.accept(e);
        }
    }

    /** End of a block: the meters that sample the world do ({@code exogenous[i]} is market i's exogenous price). */
    public void endOfBlock(double[] exogenous, double blockSeconds) {
        this.exogenous = exogenous;
        blocks++;
        for (Meter m : fed) {
            m.endOfBlock(blockSeconds);
        }
    }

    /** Σ of the distinct insurance-fund pots, quote micros. */
    private long insurance() {
        return Arrays.stream(protocol.markets().stream().mapToInt(m -> protocol.insuranceFundPot(m.id())).distinct().toArray())
                .mapToLong(pot -> protocol.ledger().balance(pot)).sum();
    }

    /** The rows of {@code markets.csv} from {@code meters}: one per market in id order, then the vault's if there is one. */
    public List<MarketRow> markets(Meters meters) {
        if (protocol == null) {
            return List.of();
        }
        List<MarketRow> rows = new java.util.ArrayList<>();
        for (Market m : protocol.markets()) {
            rows.add(new MarketRow(m.spec().symbol(), meters.market(m.id())));
        }
        if (protocol.vaultAccount() >= 0) {
            rows.add(new MarketRow(LossTally.VAULT_ROW, meters.market(Meter.VAULT)));
        }
        return rows;
    }
}
