package backstop.experiments.study.adl;

import backstop.protocol.Protocol;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.book.Side;
import backstop.protocol.event.AbsorberKind;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.liquidation.FullCloseLiquidation;
import backstop.protocol.liquidation.PenaltySplit;
import backstop.protocol.liquidation.SlippageLimit;
import backstop.protocol.margin.TieredMargin;
import backstop.protocol.market.FundingParams;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays each wave of {@link OctoberWaves} on an {@link OctoberBook} through one {@link ReplayDesign}, in a fresh
 * protocol whose waterfall is that design alone, and measures what the paper measures:
 * <ul>
 *   <li><b>needed</b> — Σ over the wave's bankrupt longs of −(account value) at the mark when the waterfall takes
 *   them: what must be raised (the paper's B_needed, the mark-to-bankruptcy-price gap × size);</li>
 *   <li><b>haircut</b> — Σ over the winners of (e_noADL − e_ADL)⁺ at the wave's last price: e_ADL is the winner's
 *   account value then, e_noADL its value at the wave's start plus its starting position's gain to that price, as if
 *   the mitigation had not touched it (the paper's two-pass H, the price path held fixed). A winner that gives up
 *   a lot loses the gap to the bankruptcy price at once and, while the alt keeps falling, the rest of the fall until
 *   the wave ends; a haircut in cash loses just the cash.</li>
 * </ul>
 * Everything goes through the protocol: orders and fills for the positions, the oracle for prices, the block's end
 * for liquidation and the waterfall. The market is the alt ($0.000001 tick, 1-unit lots, 5% / 2.5% margin — 20x, as
 * Hyperliquid's SOL and HYPE, MECHANISMS.md §2 — no fees or funding); liquidation is a full close within 10% of the
 * oracle without penalty (Hyperliquid charges none). A "desk" account with cash for every lot it holds is the
 * winners' counterparty at entry, sells the longs their positions, and is HLP's liquidity where a design sends the
 * bankrupt long to the book (wealth space, and what minimal haircut leaves open); it never earns a haircut (it is on
 * the losing side).
 */
public final class AdlWaveReplay {
    /** The wave's start price in ticks: $1. */
    static final long START = 1_000_000;
    /**
     * How far above the price at which it goes bankrupt a long buys: 20%, or 2 × gap + 10% where the gap is wider, so
     * that its cash covers the 5% initial margin as it opens (this only makes the long; it enters no figure).
     */
    static double loserMarkup(double gap) {
        return Math.max(0.2, 2 * gap + 0.1);
    }
    /** The vault's seed under {@link ReplayDesign#HYPERLIQUID_ORACLE}, micros: $1B, more than any wave needs. */
    static final long VAULT = 1_000_000_000_000_000L;

    private final OctoberBook book;

    public AdlWaveReplay(OctoberBook book) {
        this.book = book;
    }

    /**
     * One wave's outcome, micros and lots.
     *
     * @param wave       the paper's wave number
     * @param needed     Σ deficits of the bankrupt longs at the mark
     * @param haircut    Σ winners' (e_noADL − e_ADL)⁺ at the wave's last price
     * @param lotsClosed lots the winners gave up
     * @param uncovered  what the design left of the deficits (rounding dust, or a design short of capacity)
     */
    public record WaveResult(int wave, long needed, long haircut, long lotsClosed, long uncovered) {
    }

    /** Every wave in order. */
    public List<WaveResult> run(List<OctoberWaves.Wave> waves, ReplayDesign design) {
        List<WaveResult> out = new ArrayList<>();
        for (OctoberWaves.Wave w : waves) {
            out.add(run(w, design));
        }
        return out;
    }

    /** One wave in a fresh protocol. */
    public WaveResult run(OctoberWaves.Wave wave, ReplayDesign design) {
        long[] uncovered = new long[1];
        Protocol p = new Protocol(config(design), e -> {
            if (e instanceof ProtocolEvent.LossAbsorbed a && a.kind() == AbsorberKind.UNCOVERED) {
                uncovered[0] += a.amount();
            }
        });
        Clock clock = new Clock(p);
        Winners w = new Winners(p, wave);
        clock.next(1);
        w.markStart();

        long steps = wave.durationSeconds() + 1;
        long neededTotal = Math.round(wave.needed() * 1e6);
        double gap = Math.max(book.gapFraction(),
                wave.needed() * 1e6 / (book.maxCloseShare() * w.lots * START));
        long needed = 0;
        long price = START;
        for (long k = 0; k < steps; k++) {
            price = Math.round(START * StrictMath.exp(-book.fallPerSecond() * k));
            long deficit = neededTotal / steps + (k < neededTotal % steps ? 1 : 0);
            needed += bankrupt(p, clock, w.desk, design, price, deficit, gap);
            clock.next(k + 1 < steps ? 1 : 0);
        }
        return new WaveResult(wave.wave(), needed, w.haircut(price), w.lotsClosed(), uncovered[0]);
    }

    private static ProtocolConfig config(ReplayDesign design) {
        MarketSpec alt = MarketSpec.builder(0, "ALT-USD", "0.000001", "1").margin(50_000, 25_000)
                .funding(FundingParams.NONE).build();
        return ProtocolConfig.builder(List.of(alt)).marginModel(new TieredMargin())
                .liquidation(new FullCloseLiquidation(PenaltySplit.NONE, new SlippageLimit(100_000), true))
                .waterfall(design.waterfall())
                .backstopVaultSeed(design == ReplayDesign.HYPERLIQUID_ORACLE ? VAULT : 0).build();
    }

    /**
     * One bankruptcy: a long bought from the desk {@link #loserMarkup} above {@code price} with just the cash to be worth
     * −{@code deficit} there, the oracle set to {@code price}, the block ended (liquidation, then the waterfall); what
     * the design leaves of the long is sold to the desk at {@code price}. Returns the deficit as the waterfall saw it.
     */
    private static long bankrupt(Protocol p, Clock clock, int desk, ReplayDesign design, long price, long deficit,
                                 double gap) {
        long lots = Math.max(1, (long) Math.ceil(deficit / (gap * price)));
        long bought = Math.round(price * (1 + loserMarkup(gap)));
        p.setOraclePrice(0, bought, 0);
        int loser = open(p, lots * (bought - price) - deficit);
        cross(p, loser, desk, bought, lots);
        p.setOraclePrice(0, price, 0);
        long needed = -p.risk(loser).value();
        if (design.bookTakesLoser()) {
            rest(p, desk, Side.BUY, price, lots);
        }
        clock.next(0);
        long left = Math.abs(p.accounts().size(loser, 0));
        if (left > 0) {
            rest(p, desk, Side.BUY, price, left);
            clock.next(0);
        }
        if (p.accounts().size(loser, 0) != 0) {
            throw new IllegalStateException("the bankrupt long kept " + p.accounts().size(loser, 0) + " lots under "
                    + design.id());
        }
        return needed;
    }

    /** The desk and the wave's winners, opened at the winners' entry; their values at the wave's start. */
    private final class Winners {
        final Protocol p;
        final int desk;
        final int[] ids;
        final long lots;
        final long[] start;
        final long[] size;

        Winners(Protocol p, OctoberWaves.Wave wave) {
            this.p = p;
            int n = book.winners();
            long entry = Math.round(START * book.winnersEntry());
            long each = Math.max(1, Math.round(wave.winnersPnl() * 1e6 / n) / (entry - START));
            lots = Math.multiplyExact(each, n);
            desk = open(p, Math.multiplyExact(Math.multiplyExact(lots, entry), 2));
            p.setOraclePrice(0, entry, 0);
            ids = new int[n];
            for (int i = 0; i < n; i++) {
                long pnl = each * (entry - START);
                ids[i] = open(p, Math.round(book.equityToPnl(i) * pnl) - pnl);
                cross(p, desk, ids[i], entry, each);
            }
            p.setOraclePrice(0, START, 0);
            start = new long[n];
            size = new long[n];
        }

        void markStart() {
            for (int i = 0; i < ids.length; i++) {
                start[i] = p.risk(ids[i]).value();
                size[i] = p.accounts().size(ids[i], 0);
            }
        }

        /** Σ (e_noADL − e_ADL)⁺ with the oracle at {@code end}: e_noADL = start value + start position's gain. */
        long haircut(long end) {
            MarketSpec alt = p.market(0).spec();
            long total = 0;
            for (int i = 0; i < ids.length; i++) {
                long withoutAdl = start[i] + alt.notional(size[i], end) - alt.notional(size[i], START);
                total += Math.max(0, withoutAdl - p.risk(ids[i]).value());
            }
            return total;
        }

        long lotsClosed() {
            long total = 0;
            for (int i = 0; i < ids.length; i++) {
                total += Math.abs(size[i]) - Math.abs(p.accounts().size(ids[i], 0));
            }
            return total;
        }
    }

    private static int open(Protocol p, long deposit) {
        int id = (int) p.submit(new Tx.OpenAccount(0, -1, 0)).id();
        if (deposit > 0) {
            check(p.submit(new Tx.Deposit(id, deposit)), "deposit");
        }
        return id;
    }

    /** The seller rests a sell, the buyer takes it: one fill of {@code lots} at {@code ticks}. */
    private static void cross(Protocol p, int buyer, int seller, long ticks, long lots) {
        rest(p, seller, Side.SELL, ticks, lots);
        TxReceipt take = check(p.submit(Tx.PlaceOrder.ioc(buyer, 0, Side.BUY, ticks, lots)), "take");
        if (take.filled() != lots) {
            throw new IllegalStateException("a cross of " + lots + " lots filled " + take.filled());
        }
    }

    private static void rest(Protocol p, int account, Side side, long ticks, long lots) {
        check(p.submit(Tx.PlaceOrder.limit(account, 0, side, ticks, lots)), "rest");
    }

    private static TxReceipt check(TxReceipt r, String what) {
        if (!r.ok()) {
            throw new IllegalStateException(what + " refused: " + r);
        }
        return r;
    }

    /** Blocks: ends the one open and starts the next {@code seconds} later. */
    private static final class Clock {
        private final Protocol p;
        private long block = 1;
        private long time;

        Clock(Protocol p) {
            this.p = p;
            p.beginBlock(block, time);
        }

        void next(long seconds) {
            p.endBlock();
            block++;
            time += seconds;
            p.beginBlock(block, time);
        }
    }
}
