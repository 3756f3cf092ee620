package backstop.experiments.results;

import backstop.model.agent.Agent;
import backstop.model.sim.BackstopModel;
import backstop.model.world.Claims;
import backstop.model.world.World;
import backstop.protocol.Protocol;
import backstop.protocol.ledger.Ledger;
import backstop.protocol.ledger.PotKind;
import backstop.protocol.metric.Meter;
import backstop.protocol.metric.Metric;
import backstop.protocol.metric.Readings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every micro-unit of a run ended up, in terms a researcher can name: Σ agent payoffs (read from the ledger,
 * {@link Claims}) − negative equity the agents walked away from + fee treasury + insurance funds + the vault's value
 * not owned by its LPs + validators (gas) + the other protocol pots (liquidator rewards, funding clearing, uncovered
 * loss) + accounts no agent owns + what came in from outside other than the agents' own deposits (insurance and vault seeds, pooled insurance
 * paid in, as the negative it leaves in the external pot) = 0, to the micro-unit. The agents' profit on external
 * venues is the venues' loss and is reported beside it.
 *
 * @param terms    each term, micro-units, in the order above
 * @param residual their sum: 0 unless value was created or destroyed somewhere
 * @param externalPnl the agents' profit on external venues (the venues' loss), quote units
 */
public record PayoffIdentity(Map<String, Long> terms, long residual, double externalPnl) {
    public static final Metric RESIDUAL = Metric.of("payoff_residual", Metric.Group.CHAIN, Metric.Unit.QUOTE,
            "the payoff identity's residual: 0 unless value was created or destroyed");

    /** The identity's residual as a metric, computed when it is read. */
    public static Meter meter(BackstopModel model) {
        return new Meter() {
            @Override
            public List<Metric> metrics() {
                return List.of(RESIDUAL);
            }

            @Override
            public void read(int scope, Readings out) {
                if (scope == RUN) {
                    out.put(RESIDUAL, of(model).residual());
                }
            }
        };
    }

    /** The identity of {@code model}'s run now (after it started). */
    public static PayoffIdentity of(BackstopModel model) {
        World world = model.world();
        List<Agent> agents = model.agents();
        Protocol p = world.protocol();
        Ledger ledger = p.ledger();
        Claims claims = world.claims();
        long payoffs = 0;
        long walkedAway = 0;
        long deposited = 0;
        long vaultClaims = 0;
        double external = 0;
        for (Agent a : agents) {
            payoffs = Math.addExact(payoffs, claims.payoffMicros(a.id()));
            walkedAway = Math.addExact(walkedAway, claims.walkedAwayMicros(a.id()));
            for (int acct : claims.accountsOf(a.id())) {
                deposited = Math.addExact(deposited, claims.netDeposited(acct));
                vaultClaims = Math.addExact(vaultClaims, claims.vaultClaim(acct));
            }
            external += a.externalPnl(world);
        }
        long insurance = 0;
        long otherPots = 0;
        long outside = 0;
        for (int pot : ledger.systemPotIds()) {
            long b = ledger.balance(pot);
            PotKind kind = ledger.kind(pot);
            if (pot == p.externalPot()) {
                outside = Math.addExact(b, deposited);
            } else if (kind == PotKind.INSURANCE_FUND) {
                insurance = Math.addExact(insurance, b);
            } else if (pot != p.treasuryPot() && pot != p.validatorsPot()) {
                otherPots = Math.addExact(otherPots, b);
            }
        }
        long vault = p.vaultAccount() < 0 ? 0 : Math.subtractExact(p.risk(p.vaultAccount()).value(), vaultClaims);
        long otherAccounts = 0;
        for (int acct = 0; acct < p.accounts().count(); acct++) {
            int owner = p.accounts().owner(acct);
            if (acct != p.vaultAccount() && (owner < 0 || owner >= agents.size())) {
                otherAccounts = Math.addExact(otherAccounts, p.risk(acct).value());
            }
        }
        Map<String, Long> terms = new LinkedHashMap<>();
        terms.put("agent_payoffs", payoffs);
        terms.put("walked_away", -walkedAway);
        terms.put("fee_treasury", ledger.balance(p.treasuryPot()));
        terms.put("insurance_funds", insurance);
        terms.put("vault_unowned", vault);
        terms.put("validators", ledger.balance(p.validatorsPot()));
        terms.put("other_pots", otherPots);
        terms.put("other_accounts", otherAccounts);
        terms.put("outside_sources", outside);
        long residual = 0;
        for (long t : terms.values()) {
            residual = Math.addExact(residual, t);
        }
        return new PayoffIdentity(terms, residual, external);
    }
}
