package backstop.protocol.market;

import java.math.BigDecimal;
import java.util.List;

/**
 * The fixed description of one perpetual market. Prices are ticks of {@code tickSize} quote per base unit,
 * sizes are lots of {@code lotSize} base units, and one lot at one tick is worth {@code quotePerLotTick}
 * quote micro-units exactly (derived from the two, and checked), so a notional is {@code size × price × quotePerLotTick} with no rounding.
 */
public record MarketSpec(int id, String symbol, BigDecimal tickSize, BigDecimal lotSize, long makerFeePpm,
                         long takerFeePpm, List<MarginTier> tiers, long oiImfLowerCap, long oiImfUpperCap,
                         long openInterestCap, FundingParams funding, long markBandPpm, long markSmoothingSeconds,
                         long quotePerLotTick) {

    /** A spec whose {@code quotePerLotTick} is derived from tick and lot size. */
    public MarketSpec(int id, String symbol, BigDecimal tickSize, BigDecimal lotSize, long makerFeePpm, long takerFeePpm,
                      List<MarginTier> tiers, long oiImfLowerCap, long oiImfUpperCap, long openInterestCap,
                      FundingParams funding, long markBandPpm, long markSmoothingSeconds) {
        this(id, symbol, tickSize, lotSize, makerFeePpm, takerFeePpm, tiers, oiImfLowerCap, oiImfUpperCap,
                openInterestCap, funding, markBandPpm, markSmoothingSeconds, quotePerLotTick(tickSize, lotSize, symbol));
    }

    public MarketSpec {
        tiers = List.copyOf(tiers);
        if (id < 0 || id >= 64) {
            throw new IllegalArgumentException(symbol + ": market id must be in [0, 64), got " + id);
        }
        if (tiers.isEmpty() || tiers.get(tiers.size() - 1).maxNotional() != Long.MAX_VALUE) {
            throw new IllegalArgumentException(symbol + ": the last margin tier must be unbounded");
        }
        for (int i = 1; i < tiers.size(); i++) {
            MarginTier lo = tiers.get(i - 1);
            MarginTier hi = tiers.get(i);
            if (hi.maxNotional() <= lo.maxNotional() || hi.maintenancePpm() < lo.maintenancePpm()
                    || hi.initialPpm() < lo.initialPpm()) {
                throw new IllegalArgumentException(symbol + ": margin tiers must rise with notional, tier " + i);
            }
        }
        if (takerFeePpm < 0 || makerFeePpm < -takerFeePpm) {
            throw new IllegalArgumentException(symbol + ": need takerFeePpm ≥ 0 and a maker rebate no larger than the taker fee");
        }
        if (oiImfLowerCap < 0 || (oiImfUpperCap != 0 && oiImfUpperCap <= oiImfLowerCap)) {
            throw new IllegalArgumentException(symbol + ": OI-scaled IMF needs 0 ≤ lower cap < upper cap");
        }
        if (openInterestCap < 0 || markBandPpm < 0 || markSmoothingSeconds < 0) {
            throw new IllegalArgumentException(symbol + ": openInterestCap, markBandPpm and markSmoothingSeconds must be ≥ 0");
        }
        if (quotePerLotTick != quotePerLotTick(tickSize, lotSize, symbol)) {
            throw new IllegalArgumentException(symbol + ": quotePerLotTick must equal tickSize × lotSize in micro-units");
        }
    }

    /** Notional (quote micros) of {@code size} lots at {@code price} ticks; sign follows size. */
    public long notional(long size, long price) {
        return Math.multiplyExact(Math.multiplyExact(size, price), quotePerLotTick());
    }

    /** A price in quote units to ticks, rounded to the nearest tick. */
    public long ticks(double price) {
        return Math.round(price / tickSize.doubleValue());
    }

    /** Ticks to a price in quote units (for metrics and display). */
    public double price(long ticks) {
        return ticks * tickSize.doubleValue();
    }

    /** A size in base units to lots, rounded down. */
    public long lots(double base) {
        return (long) Math.floor(base / lotSize.doubleValue() + 1e-9);
    }

    /** Lots to base units (for metrics and display). */
    public double base(long lots) {
        return lots * lotSize.doubleValue();
    }

    /** A price in ticks as exact decimal text at the tick's precision ("20024.3" for 200,243 ticks of 0.1). */
    public String priceText(long ticks) {
        return tickSize.multiply(BigDecimal.valueOf(ticks)).toPlainString();
    }

    /** A size in lots as exact decimal text at the lot's precision ("0.934" for 934 lots of 0.001). */
    public String sizeText(long lots) {
        return lotSize.multiply(BigDecimal.valueOf(lots)).toPlainString();
    }

    /** The margin tier a position of this notional (absolute, quote micros) falls in. */
    public MarginTier tier(long absNotional) {
        for (MarginTier t : tiers) {
            if (absNotional <= t.maxNotional()) {
                return t;
            }
        }
        throw new AssertionError("last tier is unbounded");
    }

    private static long quotePerLotTick(BigDecimal tick, BigDecimal lot, String symbol) {
        BigDecimal q = tick.multiply(lot).movePointRight(6);
        if (q.signum() <= 0 || q.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(symbol + ": tickSize × lotSize must be a whole number ≥ 1 of quote micro-units, got "
                    + q.toPlainString());
        }
        return q.longValueExact();
    }

    /** Starts a spec with defaults: no fees, one 10%/5% tier, no caps, hourly funding, 0.5% mark band. */
    public static Builder builder(int id, String symbol, String tickSize, String lotSize) {
        return new Builder(id, symbol, new BigDecimal(tickSize), new BigDecimal(lotSize));
    }

    /** Fluent construction of a {@link MarketSpec}. */
    public static final class Builder {
        private final int id;
        private final String symbol;
        private final BigDecimal tickSize;
        private final BigDecimal lotSize;
        private long makerFeePpm;
        private long takerFeePpm;
        private List<MarginTier> tiers = List.of(MarginTier.flat(100_000, 50_000));
        private long oiLower;
        private long oiUpper;
        private long oiCap;
        private FundingParams funding = FundingParams.HOURLY;
        private long markBandPpm = 5_000;
        private long markSmoothingSeconds;

        private Builder(int id, String symbol, BigDecimal tickSize, BigDecimal lotSize) {
            this.id = id;
            this.symbol = symbol;
            this.tickSize = tickSize;
            this.lotSize = lotSize;
        }

        public Builder fees(long makerPpm, long takerPpm) {
            this.makerFeePpm = makerPpm;
            this.takerFeePpm = takerPpm;
            return this;
        }

        public Builder tiers(List<MarginTier> tiers) {
            this.tiers = tiers;
            return this;
        }

        public Builder margin(long initialPpm, long maintenancePpm) {
            this.tiers = List.of(MarginTier.flat(initialPpm, maintenancePpm));
            return this;
        }

        /** dYdX OI-scaled IMF between these open-notional caps (quote micros). */
        public Builder oiScaledImf(long lowerCap, long upperCap) {
            this.oiLower = lowerCap;
            this.oiUpper = upperCap;
            return this;
        }

        /** Maximum open interest notional (quote micros); 0 for none. */
        public Builder openInterestCap(long cap) {
            this.oiCap = cap;
            return this;
        }

        public Builder funding(FundingParams funding) {
            this.funding = funding;
            return this;
        }

        public Builder markBandPpm(long ppm) {
            this.markBandPpm = ppm;
            return this;
        }

        /** Half-life (seconds) of the EMA that smooths the book premium in the mark; 0 for none. */
        public Builder markSmoothingSeconds(long seconds) {
            this.markSmoothingSeconds = seconds;
            return this;
        }

        public MarketSpec build() {
            return new MarketSpec(id, symbol, tickSize, lotSize, makerFeePpm, takerFeePpm, tiers, oiLower, oiUpper,
                    oiCap, funding, markBandPpm, markSmoothingSeconds);
        }
    }
}
