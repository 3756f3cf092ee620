package backstop.experiments.scenario;

import backstop.model.price.ProcessSpec;
import backstop.model.spec.Check;
import backstop.model.world.WorldSpec;
import backstop.protocol.market.FundingParams;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;

/**
 * One market of a scenario in friendly units: prices and notionals in quote units, fractions as decimals
 * (0.05 = 5%), tick and lot sizes as decimal strings; plus the asset's exogenous process and external venue.
 */
public record MarketConfig(String symbol, double initialPrice, String tickSize, String lotSize, double initialMargin,
                           double maintenanceMargin, double makerFee, double takerFee, double openInterestCap,
                           boolean hourlyFunding, double markBand, long markSmoothingSeconds, ProcessSpec process,
                           WorldSpec.External venue) {

    public MarketConfig {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol: is required");
        }
        Check.positiveAmount("initial_price", initialPrice);
        fee("maker_fee", makerFee);
        fee("taker_fee", takerFee);
        Check.amount("open_interest_cap", openInterestCap);
        if (!(maintenanceMargin > 0 && maintenanceMargin <= initialMargin && initialMargin <= 1)) {
            throw new IllegalArgumentException("need 0 < maintenance_margin ≤ initial_margin ≤ 1, got "
                    + maintenanceMargin + " and " + initialMargin);
        }
        if (process == null || venue == null) {
            throw new IllegalArgumentException("process and venue: are required");
        }
    }

    private static void fee(String field, double value) {
        if (!(value >= -1 && value <= 1)) {
            throw new IllegalArgumentException(field + ": must be a fraction in [-1, 1] (negative: a rebate), got " + value);
        }
    }

    /** The protocol's market spec with this scenario's id. */
    public MarketSpec spec(int id) {
        return MarketSpec.builder(id, symbol, tickSize, lotSize)
                .margin(Amounts.ppm(initialMargin), Amounts.ppm(maintenanceMargin))
                .fees(Amounts.ppm(makerFee), Amounts.ppm(takerFee))
                .openInterestCap(Amounts.micros(Math.round(openInterestCap)))
                .funding(hourlyFunding ? FundingParams.HOURLY : FundingParams.NONE)
                .markBandPpm(Amounts.ppm(markBand))
                .markSmoothingSeconds(markSmoothingSeconds)
                .build();
    }
}
