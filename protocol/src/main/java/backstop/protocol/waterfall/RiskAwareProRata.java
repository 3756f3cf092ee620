package backstop.protocol.waterfall;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.AbsorberKind;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.money.Amounts;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Risk-aware pro rata (RAP; Chitra, "Autodeleveraging: Impossibilities and Optimization", arXiv 2512.01112, §7.1 and
 * Algorithm 2), in the deficit stage: the deficit is taken from the winners in the loss's market as haircuts tilted
 * toward high leverage. Winner i, with account value e_i and leverage λ_i = |notional_i| / e_i, loses
 * m_i = min(cap_i, τ · w_i · e_i) with w_i = λ_i · g(λ_i), the water level τ set so that Σ m_i is the deficit;
 * cap_i = min(uPnL_i, e_i)⁺ is its profit (as in {@link SocializedLoss}: never principal, never below zero). With
 * w_i = 1 this is the paper's pro rata in equity; g is the risk model: {@link Risk#LINEAR} g(λ) = λ (levered pro
 * rata), {@link Risk#POWER} g(λ) = λ^c, {@link Risk#CVAR} g(λ) = (λ − threshold)⁺. The mass the water level
 * multiplies is {@link Mass#EQUITY} e_i · w_i (the paper's worked example, Appendix E.1, shares ∝ e_i · λ_i · g(λ_i)) or
 * {@link Mass#PROFIT} uPnL_i⁺ · w_i (the corrected Algorithm 2 of the authors' repository, {@code paper/corrected/
 * algorithms.tex}: haircut fractions min(β_i, τ · ρ(λ_i)) of PnL endowments, ρ(λ) = λ · g(λ)). When the winners' capacity is
 * short every winner with weight pays its cap and the rest goes on. The paper's severity θ (a budget below the
 * deficit) is not modelled: like every absorber this one covers what it can of the whole deficit.
 *
 * <p>Exact in integers: λ and g(λ) in ppm (floored), w_i · e_i = |notional_i| · g(λ_i); accounts are capped in
 * ascending cap / weight (ties by id) while τ · weight reaches the cap; the others get ⌊budget · k_i / K⌋ and the
 * micros left by rounding go one each to the largest remainders, ties to the lower id. A winner of weight 0 (CVaR
 * below the threshold) pays nothing. The haircut is a cash posting; cost bases are untouched.
 */
public final class RiskAwareProRata implements LossAbsorber {
    /** The risk model g that turns leverage into risk. */
    public enum Risk { LINEAR, POWER, CVAR }

    /** What a winner's risk weight w_i = λ_i · g(λ_i) multiplies: its equity, or its unrealized profit. */
    public enum Mass { EQUITY, PROFIT }

    private final Risk risk;
    private final int exponent;
    private final long thresholdPpm;
    private final Mass mass;

    /** Equity mass (the worked example), as {@link #RiskAwareProRata(Risk, int, long, Mass)}. */
    public RiskAwareProRata(Risk risk, int exponent, long thresholdPpm) {
        this(risk, exponent, thresholdPpm, Mass.EQUITY);
    }

    /**
     * @param exponent     POWER: c in g(λ) = λ^c, in [1, 4]; ignored otherwise
     * @param thresholdPpm CVAR: the leverage above which a winner counts as risky, ppm (900_000 = 0.9×), ≥ 0
     * @param mass         what the risk weight multiplies
     */
    public RiskAwareProRata(Risk risk, int exponent, long thresholdPpm, Mass mass) {
        if (risk == null) {
            throw new IllegalArgumentException("risk: is required");
        }
        if (mass == null) {
            throw new IllegalArgumentException("mass: is required");
        }
        if (risk == Risk.POWER && (exponent < 1 || exponent > 4)) {
            throw new IllegalArgumentException("exponent: must be in [1, 4], got " + exponent);
        }
        if (thresholdPpm < 0) {
            throw new IllegalArgumentException("thresholdPpm: must be ≥ 0, got " + thresholdPpm);
        }
        this.risk = risk;
        this.exponent = exponent;
        this.thresholdPpm = thresholdPpm;
        this.mass = mass;
    }

    @Override
    public String name() {
        return "risk-aware-pro-rata";
    }

    @Override
    public AbsorberKind kind() {
        return AbsorberKind.SOCIALIZED;
    }

    @Override
    public long capacity(ProtocolContext ctx, int market) {
        long total = 0;
        for (AdlCandidate w : AdlCandidate.winners(ctx, market, -1)) {
            if (weight(w).signum() > 0) {
                total = Math.addExact(total, w.haircuttableProfit());
            }
        }
        return total;
    }

    @Override
    public long absorb(ProtocolContext ctx, int account, int market, long deficit, long causeId) {
        List<AdlCandidate> winners = AdlCandidate.winners(ctx, market, account);
        long[] caps = new long[winners.size()];
        BigInteger[] weights = new BigInteger[winners.size()];
        for (int i = 0; i < caps.length; i++) {
            caps[i] = winners.get(i).haircuttableProfit();
            weights[i] = weight(winners.get(i));
        }
        long[] haircuts = allocate(caps, weights, deficit);
        long paid = 0;
        for (int i = 0; i < caps.length; i++) {
            if (haircuts[i] > 0) {
                ctx.post(winners.get(i).account(), account, haircuts[i], PostingReason.SOCIALIZED_LOSS);
                paid += haircuts[i];
            }
        }
        return paid;
    }

    /** g(λ) in ppm for a leverage λ in ppm. */
    public long riskPpm(long leveragePpm) {
        return switch (risk) {
            case LINEAR -> leveragePpm;
            case POWER -> BigInteger.valueOf(leveragePpm).pow(exponent)
                    .divide(BigInteger.valueOf(Amounts.PPM).pow(exponent - 1)).longValueExact();
            case CVAR -> Math.max(0, leveragePpm - thresholdPpm);
        };
    }

    /**
     * A winner's weight mass: {@link Mass#EQUITY} w_i · e_i = |notional| · g(λ) (quote micros × ppm),
     * {@link Mass#PROFIT} w_i · uPnL_i⁺ = uPnL⁺ · λ · g(λ) (micros × ppm²); 0 without value or position.
     */
    public BigInteger weight(AdlCandidate c) {
        if (c.accountValue() <= 0 || c.notional() == 0) {
            return BigInteger.ZERO;
        }
        long notional = Math.abs(c.notional());
        long leveragePpm = Amounts.mulDivFloor(notional, Amounts.PPM, c.accountValue());
        BigInteger g = BigInteger.valueOf(riskPpm(leveragePpm));
        return switch (mass) {
            case EQUITY -> BigInteger.valueOf(notional).multiply(g);
            case PROFIT -> BigInteger.valueOf(Math.max(0, c.unrealizedPnl())).multiply(BigInteger.valueOf(leveragePpm))
                    .multiply(g);
        };
    }

    /**
     * Algorithm 2's weighted water-filling: haircuts m_i ∈ [0, caps_i] summing to min(budget, Σ caps over positive
     * weights), m_i = min(caps_i, τ · weights_i). Candidates are in ascending account id.
     */
    static long[] allocate(long[] caps, BigInteger[] weights, long budget) {
        int n = caps.length;
        long[] out = new long[n];
        Integer[] byRatio = new Integer[n];
        long capacity = 0;
        BigInteger mass = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            byRatio[i] = i;
            if (weights[i].signum() > 0) {
                capacity = Math.addExact(capacity, caps[i]);
                mass = mass.add(weights[i]);
            }
        }
        if (capacity <= budget) {
            for (int i = 0; i < n; i++) {
                out[i] = weights[i].signum() > 0 ? caps[i] : 0;
            }
            return out;
        }
        // Ascending cap / weight (weight 0 last: never capped), by cross-multiplication; ties by id.
        Arrays.sort(byRatio, (x, y) -> {
            if (weights[x].signum() == 0 || weights[y].signum() == 0) {
                return weights[x].signum() != weights[y].signum() ? weights[y].signum() - weights[x].signum() : x - y;
            }
            int c = BigInteger.valueOf(caps[x]).multiply(weights[y]).compareTo(BigInteger.valueOf(caps[y]).multiply(weights[x]));
            return c != 0 ? c : x - y;
        });
        long left = budget;
        boolean[] capped = new boolean[n];
        for (int i : byRatio) {
            // Capped when τ · w_i ≥ cap_i at the level the uncapped rest would need: left · w_i ≥ cap_i · mass.
            if (weights[i].signum() == 0
                    || BigInteger.valueOf(left).multiply(weights[i]).compareTo(BigInteger.valueOf(caps[i]).multiply(mass)) < 0) {
                break;
            }
            out[i] = caps[i];
            capped[i] = true;
            left -= caps[i];
            mass = mass.subtract(weights[i]);
        }
        List<Integer> open = new ArrayList<>();
        BigInteger[] remainder = new BigInteger[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            if (!capped[i] && weights[i].signum() > 0) {
                BigInteger[] qr = BigInteger.valueOf(left).multiply(weights[i]).divideAndRemainder(mass);
                out[i] = qr[0].longValueExact();
                remainder[i] = qr[1];
                given += out[i];
                open.add(i);
            }
        }
        open.sort((x, y) -> {
            int c = remainder[y].compareTo(remainder[x]);
            return c != 0 ? c : x - y;
        });
        for (int k = 0; k < left - given; k++) {
            out[open.get(k)]++;     // fewer than open.size() micros are left, and an open account is below its cap
        }
        return out;
    }
}
