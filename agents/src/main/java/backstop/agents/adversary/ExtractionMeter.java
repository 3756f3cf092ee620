package backstop.agents.adversary;

import backstop.model.world.World;
import backstop.protocol.metric.Meter;
import backstop.protocol.metric.Metric;
import backstop.protocol.metric.Metric.Group;
import backstop.protocol.metric.Metric.Unit;
import backstop.protocol.metric.Readings;

import java.util.List;

/**
 * What the oracle manipulators took (MECHANISMS.md §9, Mango Markets), exact from the ledger:
 * <ul>
 *   <li>{@code extracted_value}: Σ over the manipulators' accounts of the cash withdrawn from the protocol less the
 *   capital deposited ({@link OracleManipulator#extractedMicros}); 0 without manipulators. Unlike an agent's payoff it
 *   counts neither what its accounts still hold nor the spot it bought, only cash that left the protocol;</li>
 *   <li>{@code withdrawable_liquidity}: the tokens the protocol held when the attack started (the earliest
 *   manipulator's first wake at or after its {@code attack_time}, before any pump): −(external pot) − (validators
 *   pot), every deposit not yet withdrawn or paid as gas — the most any one withdrawal could take, since the protocol
 *   refuses more ({@code PROTOCOL_ILLIQUID}). It includes the attacker's own deposits. NaN when no manipulator reached
 *   its attack time (none in the scenario, or the run ended first).</li>
 * </ul>
 * A run with an attack therefore reports {@code extracted_value ÷ withdrawable_liquidity} ≤ 1 minus the attacker's
 * share of the deposits, the Mango study's quantity.
 */
public final class ExtractionMeter implements Meter {
    public static final Metric EXTRACTED = Metric.of("extracted_value", Group.AGENTS, Unit.QUOTE,
            "cash the oracle manipulators withdrew from the protocol less the capital they deposited");
    public static final Metric WITHDRAWABLE = Metric.of("withdrawable_liquidity", Group.AGENTS, Unit.QUOTE,
            "tokens the protocol held when the attack started, the ceiling on any withdrawal (NaN without an attack)");
    private static final List<Metric> METRICS = List.of(EXTRACTED, WITHDRAWABLE);

    private final World world;
    private final List<OracleManipulator> manipulators;

    public ExtractionMeter(World world, List<OracleManipulator> manipulators) {
        this.world = world;
        this.manipulators = List.copyOf(manipulators);
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
        long extracted = 0;
        long withdrawable = -1;
        double firstAttack = Double.POSITIVE_INFINITY;
        for (OracleManipulator m : manipulators) {
            extracted = Math.addExact(extracted, m.extractedMicros(world));
            if (m.withdrawableAtAttack() >= 0 && m.attackTime() < firstAttack) {
                firstAttack = m.attackTime();
                withdrawable = m.withdrawableAtAttack();
            }
        }
        out.put(EXTRACTED, extracted);
        if (withdrawable >= 0) {
            out.put(WITHDRAWABLE, withdrawable);
        } else {
            out.put(WITHDRAWABLE, Double.NaN);
        }
    }
}
