package backstop.protocol.waterfall;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.ledger.Ledger;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.ledger.PotKind;

/**
 * One member protocol's draw on a shared {@link InsurancePool}: it pays up to what the pool holds and the member's
 * cap still allows. The amount leaves the pool and enters this protocol through its external pot (reason
 * {@code INSURANCE_DRAW}), so the ledger stays balanced and Σ ledgers + pool is conserved.
 */
public final class PooledInsuranceAbsorber implements LossAbsorber {
    private final InsurancePool pool;
    private final String member;

    /**
     * @param pool   the pool shared with the other member protocols
     * @param member this protocol's name in the pool (unique)
     * @param cap    the most this protocol may draw from the pool in total, quote micros (≥ 0)
     */
    public PooledInsuranceAbsorber(InsurancePool pool, String member, long cap) {
        if (pool == null || member == null) {
            throw new IllegalArgumentException("pool and member: must not be null");
        }
        pool.admit(member, cap);
        this.pool = pool;
        this.member = member;
    }

    @Override
    public String name() {
        return "pooled-insurance";
    }

    public String member() {
        return member;
    }

    @Override
    public long capacity(ProtocolContext ctx, int market) {
        return pool.available(member);
    }

    @Override
    public long absorb(ProtocolContext ctx, int account, int market, long deficit, long causeId) {
        long taken = pool.draw(member, deficit);
        ctx.post(externalPot(ctx.ledger()), account, taken, PostingReason.INSURANCE_DRAW);
        return taken;
    }

    /** The ledger's pot for the world outside the protocol. */
    private static int externalPot(Ledger ledger) {
        for (int pot : ledger.systemPotIds()) {
            if (ledger.kind(pot) == PotKind.EXTERNAL) {
                return pot;
            }
        }
        throw new IllegalStateException("the ledger has no external pot");
    }
}
