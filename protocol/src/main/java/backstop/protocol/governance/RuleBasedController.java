package backstop.protocol.governance;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.money.Amounts;
import backstop.protocol.parameters.Parameter;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;

import java.util.List;

/**
 * Rule-based governance (DESIGN.md §4, in the spirit of the Gauntlet and Chaos Labs parameter
 * recommendations of MECHANISMS.md §10, applied automatically): at the end of every block each {@link Rule}
 * reads its observable, in list order, and when its condition holds and its cooldown has passed sets its
 * parameter through {@code ctx.parameters().set(…, by = name(), cause 0)}, which logs a
 * {@code parameter_changed} event. Rules on the same parameter see each other's changes; use thresholds with
 * a gap between them (hysteresis) so a raise and its release cannot both fire. Parameters are looked up when
 * the protocol registers its tunables (controllers come last), so a missing one fails at construction.
 */
public final class RuleBasedController implements ParameterController, Tunable {
    private static final long NEVER = Long.MIN_VALUE;

    private final String name;
    private final List<Rule> rules;
    private final ControlledParameter[] controlled;
    private final long[] lastChange;

    /**
     * @param name  the controller's name, recorded as "by" on every change it makes
     * @param rules evaluated in this order every block
     */
    public RuleBasedController(String name, List<Rule> rules) {
        if (name == null || name.isEmpty() || rules.isEmpty()) {
            throw new IllegalArgumentException("name and rules: need a name and at least one rule, got '" + name
                    + "' with " + rules.size() + " rules");
        }
        this.name = name;
        this.rules = List.copyOf(rules);
        this.controlled = new ControlledParameter[this.rules.size()];
        this.lastChange = new long[this.rules.size()];
        java.util.Arrays.fill(lastChange, NEVER);
    }

    /**
     * The example of the task: while the insurance funds cover less than {@code lowPpm} of open-interest
     * notional, raise {@code margin.scale_ppm} by {@code raisePpm} (100000 = +10%) at most once per
     * {@code cooldownBlocks}; once coverage is above {@code highPpm}, restore the starting scale.
     */
    public static RuleBasedController marginOnInsuranceCoverage(long lowPpm, long highPpm, long raisePpm,
                                                                long cooldownBlocks) {
        if (highPpm < lowPpm || raisePpm <= 0) {
            throw new IllegalArgumentException("need highPpm ≥ lowPpm and raisePpm > 0, got " + lowPpm + ", " + highPpm
                    + ", " + raisePpm);
        }
        Observable coverage = InsuranceCoverage.all();
        String scale = "margin.scale_ppm";
        return new RuleBasedController("margin-on-insurance-coverage", List.of(
                new Rule("raise-margin-on-low-coverage", coverage, Rule.Comparison.BELOW, lowPpm, scale,
                        RuleAction.scale(Amounts.PPM + raisePpm), cooldownBlocks),
                new Rule("restore-margin-on-coverage", coverage, Rule.Comparison.ABOVE, highPpm, scale,
                        RuleAction.restore(), 0)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void register(Parameters parameters) {
        for (int i = 0; i < rules.size(); i++) {
            controlled[i] = ControlledParameter.resolve(parameters, name, rules.get(i).parameter());
        }
    }

    @Override
    public void onEndBlock(ProtocolContext ctx) {
        if (controlled[0] == null) {
            register(ctx.parameters());
        }
        long block = ctx.block();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            // Read every block, so observables that sample (realized volatility) see each one.
            long observed = r.observable().observe(ctx);
            if (observed == Observable.NONE || !r.when().holds(observed, r.threshold())) {
                continue;
            }
            if (lastChange[i] != NEVER && block - lastChange[i] < r.cooldownBlocks()) {
                continue;
            }
            Parameter p = controlled[i].parameter();
            long old = p.value();
            long target = r.action().target(old, controlled[i].baseline());
            if (ctx.parameters().set(p.name(), target, name, 0) != old) {
                lastChange[i] = block;
            }
        }
    }
}
