package backstop.model.world;

import backstop.protocol.metric.Meter;
import backstop.protocol.metric.Metric;
import backstop.protocol.metric.Metric.Group;
import backstop.protocol.metric.Metric.Unit;
import backstop.protocol.metric.Readings;

import java.util.List;

/**
 * What the chain did to the agents' transactions: gas paid to validators (the validators' pot, refunds of reverted
 * calls already netted), transactions dropped past their last block, and transactions whose sender could not pay.
 */
public final class ChainMeter implements Meter {
    public static final Metric GAS_PAID = Metric.of("gas_paid", Group.CHAIN, Unit.QUOTE, "gas paid to validators, net of refunds");
    public static final Metric EXPIRED = Metric.of("tx_expired", Group.CHAIN, Unit.COUNT,
            "transactions dropped past their last block");
    public static final Metric UNPAID = Metric.of("tx_gas_unpaid", Group.CHAIN, Unit.COUNT,
            "transactions whose sender could not pay the gas");
    private static final List<Metric> METRICS = List.of(GAS_PAID, EXPIRED, UNPAID);

    private final World world;

    public ChainMeter(World world) {
        this.world = world;
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    @Override
    public void read(int scope, Readings out) {
        if (scope == RUN) {
            out.put(GAS_PAID, world.protocol().ledger().balance(world.protocol().validatorsPot()))
                    .put(EXPIRED, world.expiredTransactions())
                    .put(UNPAID, world.unpaidTransactions());
        }
    }
}
