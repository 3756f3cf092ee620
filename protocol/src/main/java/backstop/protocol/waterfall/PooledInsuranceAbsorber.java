package backstop.protocol.waterfall;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.AbsorberKind;
import backstop.protocol.ledger.Ledger;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.ledger.PotKind;

/**
 * A draw on a shared {@link InsurancePool}: it pays up to what the pool holds and the member's cap still allows.
 * The member is either this protocol (the pool is shared with other protocols) or, per market, the market whose
 * position went bankrupt (the pool is shared by the markets of this protocol, each capped: pooled versus
 * per-market funds, MECHANISMS.md open problems). The amount leaves the pool and enters this protocol through its
 * external pot (reason {@code INSURANCE_DRAW}), so the ledger stays balanced and Σ ledgers + pool is conserved.
 */
public final class PooledInsuranceAbsorber implements LossAbsorber {
    /** A per-market member's name in the pool: this prefix and the market's symbol. */
    public static final String MARKET_MEMBER = "market:";
    private final InsurancePool pool;
    private final String member;
    private final long capPerMarket;

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
        this.capPerMarket = -1;
    }

    private PooledInsuranceAbsorber(InsurancePool pool, long capPerMarket) {
        if (pool == null || capPerMarket < 0) {
            throw new IllegalArgumentException("pool: must not be null; capPerMarket: must be ≥ 0, got " + capPerMarket);
        }
        this.pool = pool;
        this.member = null;
        this.capPerMarket = capPerMarket;
    }

    /**
     * Every market of this protocol a member of {@code pool} ({@code market:<symbol>}, admitted when it first
     * needs the pool), each drawing at most {@code capPerMarket} quote micros in total (≥ 0).
     */
    public static PooledInsuranceAbsorber perMarket(InsurancePool pool, long capPerMarket) {
        return new PooledInsuranceAbsorber(pool, capPerMarket);
    }

    /** The pool it draws on. */
    public InsurancePool pool() {
        return pool;
    }

    @Override
    public String name() {
        return "pooled-insurance";
    }

    @Override
    public AbsorberKind kind() {
        return AbsorberKind.INSURANCE;
    }

    /** This protocol's name in the pool; null when each market is a member. */
    public String member() {
        return member;
    }

    private String member(ProtocolContext ctx, int market) {
        if (member != null) {
            return member;
        }
        String name = MARKET_MEMBER + ctx.market(market).spec().symbol();
        if (!pool.isMember(name)) {
            pool.admit(name, capPerMarket);
        }
        return name;
    }

    @Override
    public long capacity(ProtocolContext ctx, int market) {
        return pool.available(member(ctx, market));
    }

    @Override
    public long absorb(ProtocolContext ctx, int account, int market, long deficit, long causeId) {
        long taken = pool.draw(member(ctx, market), deficit);
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
