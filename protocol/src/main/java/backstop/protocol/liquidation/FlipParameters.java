package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.money.Amounts;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;

/**
 * The live values of a flip auction's terms (MECHANISMS §9; dss flip.sol {@code file}): each is a governance parameter
 * {@code flip.*} starting from the {@link FlipTerms}. As {@link KickTerms} for {@code cat.bite}: no Hole (LIQ-1.2's
 * Cat had none in March 2020), the round starts at the oracle, and the keeper that bites is paid nothing.
 */
final class FlipParameters implements Tunable, KickTerms {
    private final GovernedSetting beg;
    private final GovernedSetting ttl;
    private final GovernedSetting tau;
    private final GovernedSetting chop;
    private final double lumpBase;

    FlipParameters(FlipTerms t) {
        beg = new GovernedSetting("flip.beg_ppm", "begPpm", "minimum bid increment (1.03 = 1030000)", t.begPpm(),
                Amounts.PPM + 1, 2 * Amounts.PPM);
        ttl = new GovernedSetting("flip.ttl_seconds", "ttlSeconds", "bid duration", t.ttlSeconds(), 1, Long.MAX_VALUE / 4);
        tau = new GovernedSetting("flip.tau_seconds", "tauSeconds", "maximum auction duration", t.tauSeconds(), 1,
                Long.MAX_VALUE / 4);
        chop = new GovernedSetting("flip.chop_ppm", "chopPpm", "penalty on the debt", t.chopPpm(), 0, Amounts.PPM);
        this.lumpBase = t.lumpBase();
    }

    @Override
    public void register(Parameters parameters) {
        for (GovernedSetting g : new GovernedSetting[] {beg, ttl, tau, chop}) {
            g.register(parameters);
        }
    }

    long begPpm() {
        return beg.get();
    }

    long ttlSeconds() {
        return ttl.get();
    }

    long tauSeconds() {
        return tau.get();
    }

    @Override
    public long chopPpm() {
        return chop.get();
    }

    double lumpBase() {
        return lumpBase;
    }

    /** Cat's {@code lump} in lots of market {@code m} (at least one lot). */
    long lumpLots(ProtocolContext ctx, int m) {
        return Math.max(1, ctx.market(m).spec().lots(lumpBase));
    }

    @Override
    public long holeMicros() {
        return Long.MAX_VALUE / 4;
    }

    @Override
    public long ilkHoleMicros() {
        return Long.MAX_VALUE / 4;
    }

    @Override
    public long top(long oracle) {
        return oracle;
    }

    @Override
    public long payIncentive(ProtocolContext ctx, int market, int keeper, long tab) {
        return 0;
    }
}
