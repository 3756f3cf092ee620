package backstop.experiments.results;

import backstop.protocol.OpenLosses;
import backstop.protocol.Protocol;
import backstop.protocol.event.AbsorberKind;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.metric.Meter;
import backstop.protocol.metric.Metric;
import backstop.protocol.metric.Metric.Group;
import backstop.protocol.metric.Metric.Unit;
import backstop.protocol.metric.Readings;
import backstop.protocol.waterfall.AutoDeleveraging;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The loss decomposition of one run: who bore what, per market, so that every unit of a loss is somewhere named.
 * {@code loss_borne} is the total borne by parties other than the defaulting accounts:
 * <pre>
 *   loss_borne = insurance_drawn + vault_loss + adl_haircut + socialized_loss + funding_bump_loss
 *              + uncovered_bad_debt + open_insolvency + auction_shortfall
 * </pre>
 * <ul>
 *   <li>the first five and {@code uncovered_bad_debt} are the waterfall's shares of realised deficits
 *   ({@code loss_absorbed} events by {@link AbsorberKind}), and together with what the vault absorbed they add up
 *   to {@code bad_debt};</li>
 *   <li>{@code adl_haircut} also counts what deleveraged winners gave up in the position stage: per {@code adl}
 *   transfer, what the winner paid above the margin price (Σ max(0, notional at the ADL price − notional at the
 *   margin price)), plus profit haircuts posted to the bankrupt account ({@code ADL_HAIRCUT});</li>
 *   <li>{@code vault_loss} = max(0, −{@code vault_pnl}), the vault's PnL being its equity at the oracle at the end,
 *   less what it holds for running auctions, its seed and its LPs' net deposits — so what the vault absorbed from the
 *   waterfall and lost on positions it took over is in it, once;</li>
 *   <li>{@code open_insolvency} and {@code auction_shortfall} are the losses still open at the end
 *   ({@link OpenLosses}): negative equity of accounts still open and unsold auction inventory below its tab, at the
 *   final oracle price.</li>
 * </ul>
 * A deficit belongs to the market the protocol charges it to (the bankrupt account's last market), an ADL haircut to
 * the transfer's market; the vault's PnL spans markets and is its own row of {@code markets.csv}. As a {@link Meter} it
 * reports these, the vault's PnL and the count of insolvent accounts still open.
 */
final class LossTally implements Meter {
    /** Name of the markets.csv row of what cannot be charged to one market (the backstop vault's PnL). */
    static final String VAULT_ROW = "(vault)";

    private static final Group L = Group.LOSSES;
    static final Metric LOSS_BORNE = Metric.perMarket("loss_borne", L, Unit.QUOTE,
            "everything others than the defaulting accounts bear: the sum of the eight parts below");
    static final Metric VAULT_LOSS = Metric.perMarket("vault_loss", L, Unit.QUOTE,
            "the backstop vault's loss, max(0, −vault_pnl): what it absorbed and lost on positions it took over");
    /** The decomposition, in order: {@code loss_borne}, its eight parts, {@code bad_debt}, {@code vault_absorbed}. */
    static final List<Metric> PARTS = List.of(LOSS_BORNE,
            Metric.perMarket("insurance_drawn", L, Unit.QUOTE, "realised deficits paid by insurance funds"),
            VAULT_LOSS,
            Metric.perMarket("adl_haircut", L, Unit.QUOTE, "what deleveraged winners gave up against the margin price"),
            Metric.perMarket("socialized_loss", L, Unit.QUOTE, "realised deficits spread over accounts"),
            Metric.perMarket("funding_bump_loss", L, Unit.QUOTE, "realised deficits recovered through a funding-rate bump"),
            Metric.perMarket("uncovered_bad_debt", L, Unit.QUOTE, "realised deficits nobody named paid"),
            Metric.perMarket("open_insolvency", L, Unit.QUOTE,
                    "Σ max(0, −equity) at the final oracle price of accounts still open"),
            Metric.perMarket("auction_shortfall", L, Unit.QUOTE,
                    "what running auctions' unsold lots and pending shortfalls would leave uncovered"),
            Metric.perMarket("bad_debt", L, Unit.QUOTE, "realised deficits, whoever bore them"),
            Metric.perMarket("vault_absorbed", L, Unit.QUOTE, "realised deficits the backstop vault took"));
    static final Metric VAULT_PNL = Metric.of("vault_pnl", L, Unit.QUOTE,
            "the backstop vault's equity change, net of its seed and its LPs' deposits");
    static final Metric INSOLVENT = Metric.of("insolvent_accounts", L, Unit.COUNT,
            "accounts still open below zero equity at the end");
    private static final List<Metric> METRICS = declared();

    private static List<Metric> declared() {
        List<Metric> all = new java.util.ArrayList<>(PARTS);
        all.add(VAULT_PNL);
        all.add(INSOLVENT);
        return List.copyOf(all);
    }

    /** The names of {@link #parts}, in order. */
    static final List<String> NAMES = PARTS.stream().map(Metric::name).toList();

    private final Protocol protocol;
    private final int n;
    final long[] badDebt;
    private final Map<AbsorberKind, long[]> absorbed = new EnumMap<>(AbsorberKind.class);
    final long[] adlTransferHaircut;
    final long[] adlPostedHaircut;
    private final Map<Long, Integer> deficitMarket = new HashMap<>();
    private int lastAdlMarket = -1;
    private final Supplier<OpenLosses> open;
    private final LongSupplier vaultNetDeposits;

    /** The losses of {@code protocol}, valued with {@code open} (the losses still open now) and the vault LPs' net deposits. */
    LossTally(Protocol protocol, Supplier<OpenLosses> open, LongSupplier vaultNetDeposits) {
        this.protocol = protocol;
        this.open = open;
        this.vaultNetDeposits = vaultNetDeposits;
        this.n = protocol.markets().size();
        this.badDebt = new long[n];
        this.adlTransferHaircut = new long[n];
        this.adlPostedHaircut = new long[n];
        for (AbsorberKind k : AbsorberKind.values()) {
            absorbed.put(k, new long[n]);
        }
        protocol.ledger().addListener((from, to, amount, reason) -> {
            if (reason == PostingReason.ADL_HAIRCUT) {
                if (lastAdlMarket < 0) {
                    throw new IllegalStateException("an ADL haircut of " + amount + " before any ADL transfer");
                }
                adlPostedHaircut[lastAdlMarket] += amount;
            }
        });
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    @Override
    public void read(int scope, Readings out) {
        OpenLosses now = open.get();
        long netDeposits = vaultNetDeposits.getAsLong();
        if (scope == VAULT) {
            long vaultLoss = Math.max(0, -vaultPnl(now, netDeposits));
            out.put(LOSS_BORNE, vaultLoss).put(VAULT_LOSS, vaultLoss);
            return;
        }
        Map<String, Long> p = parts(scope, now, netDeposits);
        for (Metric m : PARTS) {
            out.put(m, p.get(m.name()));
        }
        if (scope == RUN) {
            out.put(VAULT_PNL, vaultPnl(now, netDeposits)).put(INSOLVENT, now.insolventAccounts());
        }
    }

    @Override
    public void accept(ProtocolEvent e) {
        if (e instanceof ProtocolEvent.BadDebt d) {
            int m = protocol.accounts().lastMarket(d.account());
            deficitMarket.put(d.id(), m);
            badDebt[m] += d.amount();
        } else if (e instanceof ProtocolEvent.LossAbsorbed a) {
            Integer m = deficitMarket.get(a.causeId());
            if (m == null) {
                throw new IllegalStateException("loss_absorbed " + a.id() + " is not caused by a bad_debt event");
            }
            absorbed.get(a.kind())[m] += a.amount();
        } else if (e instanceof ProtocolEvent.PositionTransfer t && t.kind().equals(AutoDeleveraging.KIND)) {
            lastAdlMarket = t.market();
            MarketSpec spec = protocol.market(t.market()).spec();
            long paid = spec.notional(t.size(), t.price());
            long atMargin = spec.notional(t.size(), protocol.margin().marginPrice(t.market()));
            adlTransferHaircut[t.market()] += Math.max(0, paid - atMargin);
        }
    }

    /**
     * The vault's PnL now: own equity at the oracle less its seed and {@code netDeposits}, what LPs deposited less what
     * they withdrew; 0 without a vault.
     */
    long vaultPnl(OpenLosses open, long netDeposits) {
        if (protocol.vaultAccount() < 0) {
            return 0;
        }
        return open.vaultOwnValue() - protocol.config().backstopVaultSeed() - netDeposits;
    }

    /**
     * The decomposition of market {@code m}, or with {@code m} = −1 the run's total (which alone includes the vault's
     * loss), quote micros by name in {@link #NAMES} order (which markets.csv follows).
     */
    Map<String, Long> parts(int m, OpenLosses open, long vaultNetDeposits) {
        Map<String, Long> p = new LinkedHashMap<>();
        long vaultLoss = m >= 0 ? 0 : Math.max(0, -vaultPnl(open, vaultNetDeposits));
        long adl = sum(m, AbsorberKind.ADL) + sum(m, adlTransferHaircut) + sum(m, adlPostedHaircut);
        long borne = sum(m, AbsorberKind.INSURANCE) + vaultLoss + adl + sum(m, AbsorberKind.SOCIALIZED)
                + sum(m, AbsorberKind.FUNDING_BUMP) + sum(m, AbsorberKind.UNCOVERED)
                + sum(m, open.openInsolvency()) + sum(m, open.pendingLiquidationLoss());
        p.put("loss_borne", borne);
        p.put("insurance_drawn", sum(m, AbsorberKind.INSURANCE));
        p.put("vault_loss", vaultLoss);
        p.put("adl_haircut", adl);
        p.put("socialized_loss", sum(m, AbsorberKind.SOCIALIZED));
        p.put("funding_bump_loss", sum(m, AbsorberKind.FUNDING_BUMP));
        p.put("uncovered_bad_debt", sum(m, AbsorberKind.UNCOVERED));
        p.put("open_insolvency", sum(m, open.openInsolvency()));
        p.put("auction_shortfall", sum(m, open.pendingLiquidationLoss()));
        p.put("bad_debt", sum(m, badDebt));
        p.put("vault_absorbed", sum(m, AbsorberKind.VAULT));
        assert List.copyOf(p.keySet()).equals(NAMES) : p.keySet();
        return p;
    }

    private long sum(int m, AbsorberKind kind) {
        return sum(m, absorbed.get(kind));
    }

    private long sum(int m, long[] perMarket) {
        if (m >= 0) {
            return perMarket[m];
        }
        long s = 0;
        for (long v : perMarket) {
            s = Math.addExact(s, v);
        }
        return s;
    }
}
