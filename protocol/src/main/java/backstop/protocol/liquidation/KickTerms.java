package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;

/**
 * What {@link AuctionKick} needs of an auction policy's live terms (MECHANISMS §6; Maker's {@code dog.bark} and
 * {@code cat.bite}): the penalty, the caps on active tabs, the start price of a round and the kicking keeper's
 * incentive. The Dutch auction's {@link AuctionParameters} and the flip auction's {@link FlipParameters} implement it.
 */
interface KickTerms {
    /** Penalty on the debt, tab = debt × (1 + chop), ppm. */
    long chopPpm();

    /** No kick may lift the tabs of all active auctions above this, quote micros. */
    long holeMicros();

    /** … nor those of one market above this, quote micros. */
    long ilkHoleMicros();

    /** Start price of a round at this oracle price, ticks. */
    long top(long oracle);

    /** Pays the kicking keeper its incentive on {@code tab}; returns what was paid (0 without a keeper). */
    long payIncentive(ProtocolContext ctx, int market, int keeper, long tab);
}
