package backstop.agents.keepers;

import backstop.protocol.metric.Meter;
import backstop.protocol.metric.Metric;
import backstop.protocol.metric.Metric.Group;
import backstop.protocol.metric.Metric.Unit;
import backstop.protocol.metric.Readings;

import java.util.List;

/**
 * Whether keepers showed up: the liquidation calls they sent, the liquidatable accounts with a reward they passed
 * over because the gas cost more (counted per wake), and their participation — the reward on accounts they called as
 * a share of the reward on those they called or passed over (NaN when there was nothing to call).
 */
public final class KeeperMeter implements Meter {
    public static final Metric CALLS = Metric.of("keeper_calls", Group.CHAIN, Unit.COUNT, "liquidation calls keepers sent");
    public static final Metric PASSES = Metric.of("keeper_passes", Group.CHAIN, Unit.COUNT,
            "liquidatable accounts with a reward keepers passed over for gas, counted per wake");
    public static final Metric PARTICIPATION = Metric.of("keeper_participation", Group.CHAIN, Unit.FRACTION,
            "reward on accounts keepers called ÷ reward on those called or passed over");
    private static final List<Metric> METRICS = List.of(CALLS, PASSES, PARTICIPATION);

    private final List<Keeper> keepers;

    public KeeperMeter(List<Keeper> keepers) {
        this.keepers = List.copyOf(keepers);
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    @Override
    public void read(int scope, Readings out) {
        if (scope != RUN) {
            return;
        }
        long calls = 0;
        long passes = 0;
        double called = 0;
        double passed = 0;
        for (Keeper k : keepers) {
            calls += k.calls();
            passes += k.stoodDown();
            called += k.rewardCalled();
            passed += k.rewardPassed();
        }
        out.put(CALLS, calls).put(PASSES, passes)
                .put(PARTICIPATION, called + passed > 0 ? called / (called + passed) : Double.NaN);
    }
}
