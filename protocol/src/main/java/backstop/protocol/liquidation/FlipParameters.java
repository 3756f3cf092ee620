package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.money.Amounts;
import backstop.protocol.parameters.Parameter;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;

/**
 * The live values of a flip auction's terms (MECHANISMS §9; dss flip.sol {@code file}): each is a governance parameter
 * {@code flip.*} starting from the {@link FlipTerms}. As {@link KickTerms} for {@code cat.bite}: no Hole (LIQ-1.2's
 * Cat had none in March 2020), the round starts at the oracle, and the keeper that bites is paid nothing.
 */
final class FlipParameters implements Tunable, KickTerms {
    private static final String[] NAMES = {"flip.beg_ppm", "flip.ttl_seconds", "flip.tau_seconds", "flip.chop_ppm"};
    private static final String[] DESCRIPTIONS = {"minimum bid increment (1.03 = 1030000)", "bid duration",
        "maximum auction duration", "penalty on the debt"};
    private static final long[] MIN = {Amounts.PPM + 1, 1, 1, 0};
    private static final long[] MAX = {2 * Amounts.PPM, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, Amounts.PPM};

    private final long[] initial;
    private final double lumpBase;
    private final Parameter[] handles = new Parameter[NAMES.length];

    FlipParameters(FlipTerms t) {
        this.initial = new long[] {t.begPpm(), t.ttlSeconds(), t.tauSeconds(), t.chopPpm()};
        this.lumpBase = t.lumpBase();
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

    long begPpm() {
        return get(0);
    }

    long ttlSeconds() {
        return get(1);
    }

    long tauSeconds() {
        return get(2);
    }

    @Override
    public long chopPpm() {
        return get(3);
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
