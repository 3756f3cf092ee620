package backstop.experiments.design;

import backstop.experiments.config.Mechanism;
import backstop.model.spec.Check;
import backstop.model.spec.Doc;
import backstop.protocol.breaker.CircuitBreaker;
import backstop.protocol.breaker.LiquidationPauseBand;
import backstop.protocol.breaker.LiquidationVolumeThrottle;
import backstop.protocol.breaker.OpenInterestCapBreaker;
import backstop.protocol.breaker.OracleGuard;
import backstop.protocol.breaker.OracleStalenessGuard;
import backstop.protocol.breaker.PriceBandBreaker;
import backstop.protocol.breaker.PriceDropTrip;
import backstop.protocol.breaker.StressIndex;
import backstop.protocol.breaker.StressIndexBreaker;
import backstop.protocol.breaker.WithdrawalGate;
import backstop.protocol.money.Amounts;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/** A circuit breaker of a design, chosen by {@code type}. Fractions are decimals; amounts quote units. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public sealed interface BreakerSpec {
    CircuitBreaker build();

    private static long[] ppm(List<Double> fractions, String field) {
        return Check.required(field, fractions).stream().mapToLong(Amounts::ppm).toArray();
    }

    @Mechanism(name = "price-band",
            summary = "CME-style price limits per session: soft limits pause the market, the hard limit halts it to "
                    + "the session's end",
            example = "{soft_limits: [0.07, 0.13], soft_halt_seconds: 120, hard_limit: 0.2, window_seconds: 86400}")
    record PriceBand(
            @Doc(value = "soft limits, strictly ascending and below hard_limit, as moves from the session's reference"
                    + " price (CME: [0.07, 0.13])", unit = "fraction", range = "(0, 1]", absent = "required")
            List<Double> softLimits,
            @Doc(value = "how long a soft limit halts the market, at most window_seconds (CME: 120)", unit = "seconds",
                    range = "[0, ∞)") long softHaltSeconds,
            @Doc(value = "the hard limit: halts the market until the session ends (CME: 0.2)", unit = "fraction",
                    range = "(0, 1]") double hardLimit,
            @Doc(value = "length of a session; the reference is the previous session's last price (CME: 86400)",
                    unit = "seconds", range = "[1, ∞)") long windowSeconds) implements BreakerSpec {
        @Override
        public CircuitBreaker build() {
            return new PriceBandBreaker(ppm(softLimits, "breakers.soft_limits"), softHaltSeconds,
                    Amounts.ppm(hardLimit), windowSeconds);
        }
    }

    @Mechanism(name = "oracle-guard",
            summary = "marginfi: refuse oracle prices far from an EMA reference and halt the market, longer on "
                    + "repeated breaches",
            example = "{alpha: 0.1, max_shift: 0.01, max_deviation: 0.1, confidence: 0,"
                    + " halt_ladder_seconds: [30, 120], escalation_seconds: 300}")
    record OracleDeviation(
            @Doc(value = "EMA weight of a new observation in the reference price (0.1)", unit = "fraction",
                    range = "(0, 1]") double alpha,
            @Doc(value = "largest move of the reference per observation, a share of the reference (0.01)",
                    unit = "fraction", range = "(0, 1]") double maxShift,
            @Doc(value = "an update further than this from the reference (after confidence) is refused and halts the"
                    + " market (0.1)", unit = "fraction of the reference", range = "(0, ∞)") double maxDeviation,
            @Doc(value = "assumed oracle confidence, subtracted from the deviation first (0: none)",
                    unit = "fraction of the price", range = "[0, ∞)") double confidence,
            @Doc(value = "halt length for the 1st, 2nd, … breach in a row (0: refuse the price only)", unit = "seconds",
                    range = "[0, ∞)", absent = "required") List<Long> haltLadderSeconds,
            @Doc(value = "a breach within this long of the previous one climbs a rung of the ladder", unit = "seconds",
                    range = "[0, ∞)") long escalationSeconds) implements BreakerSpec {
        @Override
        public CircuitBreaker build() {
            Check.required("breakers.halt_ladder_seconds", haltLadderSeconds);
            return new OracleGuard(Amounts.ppm(alpha), Amounts.ppm(maxShift), Amounts.ppm(maxDeviation), Amounts.ppm(confidence),
                    haltLadderSeconds.stream().mapToLong(Long::longValue).toArray(), escalationSeconds);
        }
    }

    @Mechanism(name = "oracle-staleness",
            summary = "Chainlink heartbeat: liquidations pause while the oracle is stale, and for a grace period "
                    + "after",
            example = "{heartbeat_seconds: 3600, grace_seconds: 60}")
    record OracleStaleness(
            @Doc(value = "longest oracle silence that is still fresh (Chainlink ETH/USD: 3600)", unit = "seconds",
                    range = "[1, ∞)") long heartbeatSeconds,
            @Doc(value = "liquidations stay paused this long after the first fresh update", unit = "seconds",
                    range = "[0, ∞)") long graceSeconds) implements BreakerSpec {
        @Override
        public CircuitBreaker build() {
            return new OracleStalenessGuard(heartbeatSeconds, graceSeconds);
        }
    }

    @Mechanism(name = "liquidation-pause-band",
            summary = "Drift: no liquidations while the oracle is far from its TWAP",
            example = "{band: 0.5, period_seconds: 300}")
    record PauseBand(
            @Doc(value = "divergence of the oracle from its TWAP that blocks liquidations", unit = "fraction of the TWAP",
                    range = "(0, ∞)") double band,
            @Doc(value = "the TWAP period", unit = "seconds", range = "[1, ∞)") long periodSeconds) implements BreakerSpec {
        @Override
        public CircuitBreaker build() {
            return new LiquidationPauseBand(Amounts.ppm(band), periodSeconds);
        }
    }

    @Mechanism(name = "oi-cap",
            summary = "freeze open interest while the price range over a lookback is large",
            example = "{trigger_move: 0.05, lookback_seconds: 120, stressed_cap: 1}")
    record OiCap(
            @Doc(value = "price range (max − min) / min over the lookback that counts as stress (0.1)", unit = "fraction",
                    range = "(0, ∞)") double triggerMove,
            @Doc(value = "the window the price range is taken over", unit = "seconds", range = "[1, ∞)") long lookbackSeconds,
            @Doc(value = "while stressed, the open-interest cap as a share of the open interest at the trip (1: freeze)",
                    unit = "fraction", range = "(0, ∞)") double stressedCap) implements BreakerSpec {
        @Override
        public CircuitBreaker build() {
            return new OpenInterestCapBreaker(Amounts.ppm(triggerMove), lookbackSeconds, Amounts.ppm(stressedCap));
        }
    }

    @Mechanism(name = "liquidation-volume-throttle",
            summary = "at most so much notional liquidated per market per window",
            example = "{max_notional: 100000, window_seconds: 300}")
    record VolumeThrottle(
            @Doc(value = "liquidated notional allowed per market and window", unit = "quote units", range = "(0, ∞)")
            double maxNotional,
            @Doc(value = "the window length", unit = "seconds", range = "[1, ∞)") long windowSeconds) implements BreakerSpec {
        @Override
        public CircuitBreaker build() {
            return new LiquidationVolumeThrottle(Amounts.micros(Math.round(Check.positive("breakers.max_notional", maxNotional))),
                    windowSeconds);
        }
    }

    /** One withdrawal rate limit: max({@code tvlShare} × TVL, {@code minimum}) per {@code periodSeconds}. */
    record Limiter(
            @Doc(value = "time for the withdrawal capacity to return to its baseline (dYdX: 3600, 86400)", unit = "seconds",
                    range = "[1, ∞)") long periodSeconds,
            @Doc(value = "baseline capacity as a share of TVL (dYdX: 0.01 per hour, 0.1 per day)", unit = "fraction",
                    range = "[0, ∞)") double tvlShare,
            @Doc(value = "smallest baseline capacity (dYdX: $1M per hour, $10M per day)", unit = "quote units",
                    range = "[0, ∞)") double minimum) {
    }

    @Mechanism(name = "withdrawal-gate",
            summary = "dYdX: withdrawals gated after bad debt, and rate-limited",
            example = "{gate_blocks: 50, limiters: [{period_seconds: 3600, tvl_share: 0.01, minimum: 1000000}, "
                    + "{period_seconds: 86400, tvl_share: 0.1, minimum: 10000000}]}")
    record Withdrawals(
            @Doc(value = "blocks withdrawals stay gated after a negative-collateral account is seen (dYdX: 50; 0: never)",
                    unit = "blocks", range = "[0, ∞)") long gateBlocks,
            @Doc(value = "rate limits: each allows max(tvl_share × TVL, minimum) per period_seconds", absent = "none")
            List<Limiter> limiters) implements BreakerSpec {
        @Override
        public CircuitBreaker build() {
            List<WithdrawalGate.Limiter> ls = (limiters == null ? List.<Limiter>of() : limiters).stream()
                    .map(l -> new WithdrawalGate.Limiter(l.periodSeconds(), Amounts.ppm(l.tvlShare()),
                            Amounts.micros(Math.round(l.minimum()))))
                    .toList();
            return new WithdrawalGate(gateBlocks, ls);
        }
    }

    /**
     * A stress index (realized volatility, liquidation volume, insurance drawdown, each over its full-stress
     * level) with soft (tighten OI caps) and hard (halt) states.
     */
    @Mechanism(name = "stress-index",
            summary = "a stress index (volatility, liquidations, insurance drawdown): soft state tightens OI caps, "
                    + "hard halts",
            example = "{window_seconds: 300, volatility_scale: 0.03, liquidation_scale: 0.01, drawdown_scale: 0.5, "
                    + "soft: 0.5, hard: 1, release_seconds: 60, soft_oi_cap: 1}")
    record Stress(
            @Doc(value = "trailing window for realized volatility and liquidation volume", unit = "seconds",
                    range = "[1, ∞)") long windowSeconds,
            @Doc(value = "realized volatility over the window (√Σr², not annualised) that counts as full stress (0: off)",
                    unit = "fraction", range = "[0, ∞)") double volatilityScale,
            @Doc(value = "liquidated notional in the window that counts as full stress (0: off)", unit = "fraction of TVL",
                    range = "[0, ∞)") double liquidationScale,
            @Doc(value = "insurance funds' fall from their peak that counts as full stress (0: off)",
                    unit = "fraction of the peak", range = "[0, ∞)") double drawdownScale,
            @Doc(value = "index level of the soft state (1 = one signal at full stress)", unit = "index", range = "(0, ∞)")
            double soft,
            @Doc(value = "index level of the hard state (every market halted), > soft", unit = "index", range = "(0, ∞)")
            double hard,
            @Doc(value = "the index must stay below a state's level this long before the state is left", unit = "seconds",
                    range = "[0, ∞)") long releaseSeconds,
            @Doc(value = "in the soft state, each market's open-interest cap as a share of its open interest at entry",
                    unit = "fraction", range = "(0, ∞)") double softOiCap) implements BreakerSpec {
        @Override
        public CircuitBreaker build() {
            StressIndex index = new StressIndex(windowSeconds, Amounts.ppm(volatilityScale), Amounts.ppm(liquidationScale),
                    Amounts.ppm(drawdownScale));
            return new StressIndexBreaker(index, Amounts.ppm(soft), Amounts.ppm(hard), releaseSeconds, Amounts.ppm(softOiCap));
        }
    }

    @Mechanism(name = "price-drop-trip",
            summary = "Maker ClipperMom: a price drop below tolerance × the previous price pauses liquidations",
            example = "{tolerance: 0.5, reset_seconds: 0}")
    record DropTrip(
            @Doc(value = "a new oracle price below this share of the previous one trips (Maker YFI-A: 0.5)",
                    unit = "fraction", range = "(0, 1)") double tolerance,
            @Doc(value = "time until governance re-enables liquidations (0 or less: never)", unit = "seconds")
            long resetSeconds) implements BreakerSpec {
        @Override
        public CircuitBreaker build() {
            return new PriceDropTrip(Amounts.ppm(tolerance), resetSeconds <= 0 ? Long.MAX_VALUE : resetSeconds);
        }
    }
}
