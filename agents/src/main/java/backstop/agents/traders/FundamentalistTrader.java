package backstop.agents.traders;

import backstop.model.spec.Check;
import backstop.model.world.World;
import ec.util.MersenneTwisterFast;

/**
 * Fundamentalist trader: it anchors on a slow EWMA of the external venue's price (what it believes the asset
 * is worth — not the model's hidden reference price) and holds a position against the perp's deviation from
 * it, {@code sensitivity} × notional per unit of relative mispricing, capped at the notional. It leans against
 * overshoots, so it damps moves.
 */
public final class FundamentalistTrader extends Trader {
    /** Behaviour of one fundamentalist; {@code anchorHalfLife} in seconds. */
    public record Params(int market, double capital, double notional, double sensitivity, double anchorHalfLife,
                         double wakeSeconds, double latency) {
        public Params {
            Check.positiveAmount("notional", notional);
            Check.positive("sensitivity", sensitivity);
            Check.positive("anchor_half_life", anchorHalfLife);
        }
    }

    private final Params p;
    private double anchor;
    private double lastSeen;

    public FundamentalistTrader(int id, String population, Params params, MersenneTwisterFast rng) {
        super(id, population, params.latency(), params.capital(), params.wakeSeconds(), rng);
        this.p = params;
    }

    @Override
    public void act(World world) {
        double venue = world.venue(p.market()).price();
        if (anchor == 0) {
            anchor = venue;
        } else {
            double w = Math.pow(0.5, (world.now() - lastSeen) / p.anchorHalfLife());
            anchor = w * anchor + (1 - w) * venue;
        }
        lastSeen = world.now();
        var m = world.protocol().market(p.market());
        double mark = m.spec().price(m.markPrice());
        double mispricing = mark / anchor - 1;
        double fraction = Math.max(-1, Math.min(1, -p.sensitivity() * mispricing));
        long target = Math.round(fraction * lotsFor(world, p.market(), p.notional(), mark));
        Orders.moveTo(this, world, p.market(), target);
    }
}
