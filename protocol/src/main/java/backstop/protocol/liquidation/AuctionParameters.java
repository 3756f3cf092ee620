package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.parameters.Parameter;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.money.Amounts;

/**
 * The live values of a Dutch auction's terms (MECHANISMS §6): each is a governance parameter {@code auction.*},
 * starting from the {@link AuctionTerms}, plus Maker's four-stage breaker {@code auction.stopped} (ClipperMom).
 */
final class AuctionParameters implements Tunable, KickTerms {
    private static final String[] NAMES = {"auction.buf_ppm", "auction.tail_seconds", "auction.cusp_ppm",
        "auction.chip_ppm", "auction.tip_micros", "auction.chop_ppm", "auction.hole_micros",
        "auction.ilk_hole_micros", "auction.stopped"};
    private static final String[] DESCRIPTIONS = {"auction start price = oracle × buf",
        "seconds before an auction is reset", "reset when price < cusp × top", "keeper incentive, share of the tab",
        "keeper incentive, flat", "penalty on the debt", "cap on the tabs of all active auctions",
        "cap on the tabs of one market's auctions", "breaker: 1 no kicks, 2 also no resets, 3 also no takes"};
    private static final long[] MIN = {1, 1, 0, 0, 0, 0, 0, 0, 0};
    private static final long[] MAX = {2 * Amounts.PPM - 1, Long.MAX_VALUE, Amounts.PPM, Amounts.PPM, Long.MAX_VALUE,
        Amounts.PPM, Long.MAX_VALUE, Long.MAX_VALUE, 3};

    private final long[] initial;
    private final Parameter[] handles = new Parameter[NAMES.length];

    AuctionParameters(AuctionTerms t) {
        this.initial = new long[] {t.bufPpm(), t.tailSeconds(), t.cuspPpm(), t.chipPpm(), t.tipMicros(), t.chopPpm(),
            t.holeMicros(), t.ilkHoleMicros(), 0};
    }

    @Override
    public void register(Parameters parameters) {
        for (int i = 0; i < NAMES.length; i++) {
            handles[i] = parameters.define(NAMES[i], DESCRIPTIONS[i], initial[i], MIN[i], MAX[i]);
        }
    }

    private long get(int i) {
        return handles[i] == null ? initial[i] : handles[i].value();
    }

    long bufPpm() {
        return get(0);
    }

    long tailSeconds() {
        return get(1);
    }

    long cuspPpm() {
        return get(2);
    }

    long chipPpm() {
        return get(3);
    }

    long tipMicros() {
        return get(4);
    }

    @Override
    public long chopPpm() {
        return get(5);
    }

    @Override
    public long holeMicros() {
        return get(6);
    }

    @Override
    public long ilkHoleMicros() {
        return get(7);
    }

    /** Maker's breaker stage: 0 running, 1 no new kicks, 2 also no resets, 3 also no takes. */
    long stopped() {
        return get(8);
    }

    /** Start price of a round, ticks: top = oracle × buf, rounded down (clip.sol rmul), at least one tick. */
    @Override
    public long top(long oracle) {
        return Math.max(1, Amounts.mulDivFloor(oracle, bufPpm(), Amounts.PPM));
    }

    /**
     * Pays tip + chip × tab (clip.sol: tip + wmul(tab, chip)) from the market's insurance fund to the keeper, as far
     * as the fund holds (Maker's vow.suck); returns what was paid, 0 without a keeper.
     */
    @Override
    public long payIncentive(ProtocolContext ctx, int market, int keeper, long tab) {
        if (keeper < 0) {
            return 0;
        }
        int fund = ctx.insuranceFund(market);
        long paid = Math.min(Math.addExact(tipMicros(), Amounts.ppmFloor(tab, chipPpm())), ctx.ledger().balance(fund));
        ctx.post(fund, keeper, paid, PostingReason.LIQUIDATOR_REWARD);
        return paid;
    }
}
