package backstop.experiments.results;

import backstop.experiments.config.ConfigException;
import backstop.protocol.event.ProtocolEvent;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * How much of a run's event stream goes to its events file: {@code none} (no file), {@code losses} (what a loss
 * study needs, {@link #LOSS_EVENTS}) or {@code full} (every event). The level filters only the file: the summary,
 * markets.csv, timeseries.csv and the cascade metrics are computed in the simulation from the event bus, so they
 * are the same at every level. {@code backstop run} writes {@code full}, a sweep {@code losses}.
 */
public enum EventLevel {
    /** No events file at all. */
    @JsonProperty("none") NONE,
    /** The events of {@link #LOSS_EVENTS} only. */
    @JsonProperty("losses") LOSSES,
    /** Every event, as the protocol emitted it. */
    @JsonProperty("full") FULL;

    /**
     * Every event type, with what {@code losses} keeps of it (a type mapped to "never" is dropped). Kept: the
     * liquidations and their settlement (the book fills they made, the position and cash moves they caused),
     * ADL and vault takeovers, bad debt and who absorbed it, halts, breaker and parameter changes, insurance
     * top-ups, the oracle moves the world attributed to the protocol's own flow (the links that make a cascade
     * deeper) and the accounts opened (so an account id names its owner and class). Dropped: ordinary fills,
     * refused transactions, deposits and withdrawals, funding, book housekeeping and exogenous oracle prices —
     * timeseries.csv has the prices. A kept event's {@code cause_id} may point to a dropped event (a liquidation
     * caused by an exogenous price move, an auction take by a keeper's transaction): that id is then not in the
     * file. Cascades rebuilt from a {@code losses} file equal those of a {@code full} one, since the protocol logs
     * a liquidation only when it closes something (an attempt that could fill nothing emits no event) and every
     * link between liquidations is kept. A test pins that every event type is listed here.
     */
    public static final Map<Class<? extends ProtocolEvent>, Predicate<ProtocolEvent>> LOSS_EVENTS = lossEvents();

    /** The level of {@code backstop run} (and of a GUI run's saved folder). */
    public static final EventLevel RUN_DEFAULT = FULL;
    /** The level of a sweep's runs (and of its Slurm shards) unless the sweep file or --events says otherwise. */
    public static final EventLevel SWEEP_DEFAULT = LOSSES;

    private static Map<Class<? extends ProtocolEvent>, Predicate<ProtocolEvent>> lossEvents() {
        Predicate<ProtocolEvent> always = e -> true;
        Predicate<ProtocolEvent> never = e -> false;
        Predicate<ProtocolEvent> caused = e -> e.causeId() != 0;
        Map<Class<? extends ProtocolEvent>, Predicate<ProtocolEvent>> m = new LinkedHashMap<>();
        m.put(ProtocolEvent.Liquidation.class, always);
        m.put(ProtocolEvent.LiquidationSettled.class, always);
        m.put(ProtocolEvent.Fill.class, e -> ((ProtocolEvent.Fill) e).liquidation());
        m.put(ProtocolEvent.PositionTransfer.class, always);
        m.put(ProtocolEvent.AuctionBid.class, always);
        m.put(ProtocolEvent.AuctionDealt.class, always);
        m.put(ProtocolEvent.BadDebt.class, always);
        m.put(ProtocolEvent.LossAbsorbed.class, always);
        m.put(ProtocolEvent.Halt.class, always);
        m.put(ProtocolEvent.BreakerAdded.class, always);
        m.put(ProtocolEvent.ParameterChanged.class, always);
        m.put(ProtocolEvent.InsuranceTopUp.class, always);
        m.put(ProtocolEvent.AccountOpened.class, always);
        // Attributed to a liquidation's flow (or another protocol event): the cascade links. Exogenous prices have 0.
        m.put(ProtocolEvent.OraclePrice.class, caused);
        // An auction's equity and surplus moves have the auction's liquidation as cause; users' deposits have 0.
        m.put(ProtocolEvent.Transfer.class, caused);
        m.put(ProtocolEvent.TxRejected.class, never);
        m.put(ProtocolEvent.FundingPaid.class, never);
        m.put(ProtocolEvent.OrderRemoved.class, never);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Whether an event of this level goes to the file. */
    public boolean keeps(ProtocolEvent e) {
        return switch (this) {
            case NONE -> false;
            case FULL -> true;
            case LOSSES -> {
                Predicate<ProtocolEvent> rule = LOSS_EVENTS.get(e.getClass());
                if (rule == null) {
                    throw new IllegalStateException("event type " + e.type() + " is not classified in EventLevel.LOSS_EVENTS");
                }
                yield rule.test(e);
            }
        };
    }

    /** The name used in files and on the command line: {@code none}, {@code losses}, {@code full}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }

    /** The level named {@code value}; refuses another value naming {@code where} (a CLI option or config key). */
    public static EventLevel parse(String value, String where) {
        for (EventLevel l : values()) {
            if (l.label().equals(value)) {
                return l;
            }
        }
        throw new ConfigException(where + ": '" + value + "' is not an event level; use one of "
                + Arrays.stream(values()).map(EventLevel::label).collect(Collectors.joining(", ")));
    }
}
