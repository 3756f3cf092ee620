package backstop.experiments.design;

import backstop.model.spec.Check;
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
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/** A circuit breaker of a design, chosen by {@code type}. Fractions are decimals; amounts quote units. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = BreakerSpec.PriceBand.class, name = "price-band"),
        @JsonSubTypes.Type(value = BreakerSpec.OracleDeviation.class, name = "oracle-guard"),
        @JsonSubTypes.Type(value = BreakerSpec.OracleStaleness.class, name = "oracle-staleness"),
        @JsonSubTypes.Type(value = BreakerSpec.PauseBand.class, name = "liquidation-pause-band"),
        @JsonSubTypes.Type(value = BreakerSpec.OiCap.class, name = "oi-cap"),
        @JsonSubTypes.Type(value = BreakerSpec.VolumeThrottle.class, name = "liquidation-volume-throttle"),
        @JsonSubTypes.Type(value = BreakerSpec.Withdrawals.class, name = "withdrawal-gate"),
        @JsonSubTypes.Type(value = BreakerSpec.Stress.class, name = "stress-index"),
        @JsonSubTypes.Type(value = BreakerSpec.DropTrip.class, name = "price-drop-trip"),
})
public sealed interface BreakerSpec {
    CircuitBreaker build();

    private static long[] ppm(List<Double> fractions, String field) {
        Check.required(field, fractions);
        return fractions.stream().mapToLong(f -> Amounts.ppm(Check.fraction(field, f))).toArray();
    }

    /** CME-like bands: soft limits halt for {@code softHaltSeconds}, the hard limit until the window ends. */
    record PriceBand(List<Double> softLimits, long softHaltSeconds, double hardLimit, long windowSeconds) implements BreakerSpec {
        @Override
        public CircuitBreaker build() {
            return new PriceBandBreaker(ppm(softLimits, "breakers.soft_limits"), softHaltSeconds,
                    Amounts.ppm(Check.fraction("breakers.hard_limit", hardLimit)), windowSeconds);
        }
    }

    /** marginfi EMA-reference band: refuse oracle prices beyond {@code maxDeviation}, escalating halts. */
    record OracleDeviation(double alpha, double maxShift, double maxDeviation, double confidence, List<Long> haltLadderSeconds,
                           long escalationSeconds) implements BreakerSpec {
        @Override
        public CircuitBreaker build() {
            Check.required("breakers.halt_ladder_seconds", haltLadderSeconds);
            return new OracleGuard(Amounts.ppm(alpha), Amounts.ppm(maxShift), Amounts.ppm(maxDeviation), Amounts.ppm(confidence),
                    haltLadderSeconds.stream().mapToLong(Long::longValue).toArray(), escalationSeconds);
        }
    }

    /** Chainlink heartbeat staleness: pause liquidations until a grace period after a fresh price. */
    record OracleStaleness(long heartbeatSeconds, long graceSeconds) implements BreakerSpec {
        @Override
        public CircuitBreaker build() {
            return new OracleStalenessGuard(heartbeatSeconds, graceSeconds);
        }
    }

    /** Drift: block liquidations while the oracle is more than {@code band} from its TWAP over {@code periodSeconds}. */
    record PauseBand(double band, long periodSeconds) implements BreakerSpec {
        @Override
        public CircuitBreaker build() {
            return new LiquidationPauseBand(Amounts.ppm(band), periodSeconds);
        }
    }

    /** Freeze open interest at {@code stressedCap} of its level while the price range over the lookback exceeds a move. */
    record OiCap(double triggerMove, long lookbackSeconds, double stressedCap) implements BreakerSpec {
        @Override
        public CircuitBreaker build() {
            return new OpenInterestCapBreaker(Amounts.ppm(triggerMove), lookbackSeconds, Amounts.ppm(stressedCap));
        }
    }

    /** At most {@code maxNotional} (quote units) liquidated per market per window. */
    record VolumeThrottle(double maxNotional, long windowSeconds) implements BreakerSpec {
        @Override
        public CircuitBreaker build() {
            return new LiquidationVolumeThrottle(Amounts.micros(Math.round(Check.positive("breakers.max_notional", maxNotional))),
                    windowSeconds);
        }
    }

    /** One withdrawal rate limit: max({@code tvlShare} × TVL, {@code minimum}) per {@code periodSeconds}. */
    record Limiter(long periodSeconds, double tvlShare, double minimum) {
    }

    /** dYdX: gate withdrawals for {@code gateBlocks} after bad debt; rate limits as listed. */
    record Withdrawals(long gateBlocks, List<Limiter> limiters) implements BreakerSpec {
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
    record Stress(long windowSeconds, double volatilityScale, double liquidationScale, double drawdownScale, double soft,
                  double hard, long releaseSeconds, double softOiCap) implements BreakerSpec {
        @Override
        public CircuitBreaker build() {
            StressIndex index = new StressIndex(windowSeconds, Amounts.ppm(volatilityScale), Amounts.ppm(liquidationScale),
                    Amounts.ppm(drawdownScale));
            return new StressIndexBreaker(index, Amounts.ppm(soft), Amounts.ppm(hard), releaseSeconds, Amounts.ppm(softOiCap));
        }
    }

    /** Maker ClipperMom: a price below {@code tolerance} × the previous pauses liquidations for {@code resetSeconds}. */
    record DropTrip(double tolerance, long resetSeconds) implements BreakerSpec {
        @Override
        public CircuitBreaker build() {
            return new PriceDropTrip(Amounts.ppm(tolerance), resetSeconds <= 0 ? Long.MAX_VALUE : resetSeconds);
        }
    }
}
