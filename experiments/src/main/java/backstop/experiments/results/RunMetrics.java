package backstop.experiments.results;

import backstop.model.metrics.SampledColumns;
import backstop.protocol.OpenLosses;
import backstop.protocol.Protocol;
import backstop.protocol.event.EventSink;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.market.Market;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import backstop.protocol.waterfall.AutoDeleveraging;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The headline numbers of one run, kept while it runs: counters from the protocol's events, and per block the
 * insurance funds and the peak-to-trough drawdowns of the exogenous and mark prices. {@link Summary} turns
 * them, with the agents' payoffs, into {@code summary.json}, and keeps the same per market for {@code markets.csv}.
 */
public final class RunMetrics implements EventSink {
    private Protocol protocol;
    long liquidations;
    long partialLiquidations;
    long liquidatedNotional;
    long adlCount;
    long adlNotional;
    long haltCount;
    double haltedSeconds;
    long fees;
    long insuranceStart = Long.MIN_VALUE;
    long insuranceMin = Long.MAX_VALUE;
    long insuranceEnd;
    private double[] exoPeak;
    private double[] markPeak;
    double exogenousDrawdown;
    double markDrawdown;
    long blocks;
    private final java.util.Set<Long> partialIds = new java.util.HashSet<>();
    private MarketTally markets;
    private LossTally losses;
    private long vaultNetDeposits;
    private OpenLosses open;
    private long openAt = -1;

    /** Connects the metrics to the protocol whose events they receive (for units, pots and the ledger). */
    public void attach(Protocol p) {
        this.protocol = p;
        this.losses = new LossTally(p);
        this.markets = new MarketTally(p, losses);
    }

    /** The same metrics per market (see {@link MarketTally}), in market-id order, then the vault's row. */
    public List<MarketRow> markets() {
        return markets == null ? List.of() : markets.rows(openLosses(), vaultNetDeposits);
    }

    /** The open losses now, valued once per event count (the summary and markets.csv read them together). */
    private OpenLosses openLosses() {
        if (openAt != protocol.lastEventId() || open == null) {
            open = protocol.openLosses();
            openAt = protocol.lastEventId();
        }
        return open;
    }

    /** The run's loss decomposition now ({@link LossTally}), quote micros by name; empty before block 1. */
    Map<String, Long> losses() {
        return losses == null ? Map.of() : losses.parts(-1, openLosses(), vaultNetDeposits);
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
                Map<String, Long> now = losses();
                double[] v = new double[names.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = units(now.getOrDefault(names.get(i), 0L));
                }
                return v;
            }
        };
    }

    /** Accounts still open with negative equity at the oracle, the vault excluded. */
    int insolventAccounts() {
        return protocol == null ? 0 : openLosses().insolventAccounts();
    }

    /** The backstop vault's PnL now (0 without a vault), quote micros. */
    long vaultPnl() {
        return losses == null ? 0 : losses.vaultPnl(openLosses(), vaultNetDeposits);
    }

    @Override
    public void accept(ProtocolEvent e) {
        if (e instanceof ProtocolEvent.Transfer t && t.kind() == ProtocolEvent.Transfer.Kind.VAULT_DEPOSIT) {
            vaultNetDeposits += t.amount(); // LPs may deposit at genesis, before the metrics are attached
        } else if (e instanceof ProtocolEvent.Transfer t && t.kind() == ProtocolEvent.Transfer.Kind.VAULT_WITHDRAWAL) {
            vaultNetDeposits -= t.amount();
        }
        long adl = 0;
        if (e instanceof ProtocolEvent.PositionTransfer t && t.kind().equals(AutoDeleveraging.KIND)) {
            adl = Math.abs(protocol.market(t.market()).spec().notional(t.size(), t.price()));
        }
        if (markets != null) {
            losses.accept(e);
            markets.accept(e, adl);
        }
        if (e instanceof ProtocolEvent.Liquidation l && l.partial()) {
            partialIds.add(l.id());
        } else if (e instanceof ProtocolEvent.LiquidationSettled s && s.sizeClosed() > 0) {
            liquidations++;
            liquidatedNotional += s.notional();
            if (partialIds.remove(s.causeId())) {
                partialLiquidations++;
            }
        } else if (e instanceof ProtocolEvent.PositionTransfer t && t.kind().equals(AutoDeleveraging.KIND)) {
            adlCount++;
            adlNotional += adl;
        } else if (e instanceof ProtocolEvent.Halt h && h.halted() && h.market() >= 0) {
            haltCount++;
        } else if (e instanceof ProtocolEvent.Fill f) {
            fees += f.takerFee() + f.makerFee();
        }
    }

    /** End of a block: sample insurance funds, halts and drawdowns ({@code exogenous[i]} is asset i's price). */
    public void endOfBlock(double[] exogenous, double blockSeconds) {
        blocks++;
        long insurance = insurance();
        if (insuranceStart == Long.MIN_VALUE) {
            insuranceStart = insurance;
        }
        insuranceMin = Math.min(insuranceMin, insurance);
        insuranceEnd = insurance;
        int n = exogenous.length;
        if (exoPeak == null) {
            exoPeak = exogenous.clone();
            markPeak = new double[n];
        }
        boolean halted = false;
        for (int i = 0; i < n; i++) {
            Market m = protocol.market(i);
            MarketSpec s = m.spec();
            double mark = s.price(m.markPrice());
            exoPeak[i] = Math.max(exoPeak[i], exogenous[i]);
            markPeak[i] = Math.max(markPeak[i], mark);
            exogenousDrawdown = Math.max(exogenousDrawdown, 1 - exogenous[i] / exoPeak[i]);
            markDrawdown = Math.max(markDrawdown, 1 - mark / markPeak[i]);
            markets.drawdowns(i, 1 - exogenous[i] / exoPeak[i], 1 - mark / markPeak[i]);
            halted |= m.halted();
        }
        if (halted) {
            haltedSeconds += blockSeconds;
        }
    }

    /** Σ of the distinct insurance-fund pots, quote micros. */
    long insurance() {
        return Arrays.stream(protocol.markets().stream().mapToInt(m -> protocol.insuranceFundPot(m.id())).distinct().toArray())
                .mapToLong(pot -> protocol.ledger().balance(pot)).sum();
    }

    /** Peak-to-trough drawdown of the mark relative to the exogenous one: > 1 when the protocol amplified the fall. */
    double amplification() {
        return exogenousDrawdown > 0 ? markDrawdown / exogenousDrawdown : Double.NaN;
    }

    public static double units(long micros) {
        return Amounts.toUnits(micros);
    }
}
