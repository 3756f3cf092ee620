package backstop.experiments.results;

import backstop.protocol.metric.Meter;
import backstop.protocol.metric.Meters;

import java.util.ArrayList;
import java.util.List;

/**
 * The order of a run's meters, which is the order of {@code summary.json} (DESIGN.md §7): the loss decomposition
 * first ({@link LossTally}: {@code loss_borne} and its parts, then {@code bad_debt}), then the insurance funds,
 * deleveraging and liquidations, cascades, halts and drawdowns, the agents' payoffs and fees, what oracle
 * manipulators extracted, the chain's metrics, the payoff identity's residual, the keepers', and the run's size. Each metric is declared by the meter that
 * produces it, so runs.csv, reports and charts need no per-metric code.
 */
public final class Summary {
    private Summary() {
    }

    /**
     * A run's meters in summary order: the protocol's from {@code m}, the cascades', the agents' payoffs, then
     * {@code world} (the manipulators' extraction, the chain's, the payoff identity's and the keepers' meters of a world
     * run, in that order, so the extraction prints with the agents' payoffs; none for the scripted crash) and the run's
     * size.
     */
    public static Meters meters(RunMetrics m, Meter cascades, Meter payoffs, List<Meter> world, RunSize size) {
        List<Meter> all = new ArrayList<>(List.of(m.losses(), m.fund(), m.adl(), m.liquidations(), m.auctions(), cascades, m.halts(),
                m.drawdowns(), payoffs, m.fees()));
        all.addAll(world);
        all.add(size);
        return new Meters(all);
    }
}
