package backstop.experiments.scenario;

import backstop.model.price.ProcessSpec;
import backstop.model.spec.Check;
import backstop.model.spec.Doc;
import backstop.model.world.WorldSpec;
import backstop.protocol.market.FundingParams;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;

/**
 * One market of a scenario in friendly units: prices and notionals in quote units, fractions as decimals
 * (0.05 = 5%), tick and lot sizes as decimal strings; plus the asset's exogenous process and external venue.
 */
public record MarketConfig(
        @Doc(value = "the market's symbol, e.g. BTC-USD", absent = "required") String symbol,
        @Doc(value = "the asset's starting price", unit = "quote units", range = "(0, 1e12]") double initialPrice,
        @Doc("price increment, a decimal string (\"0.1\"); tick × lot must be a whole micro-unit") String tickSize,
        @Doc("size increment in base units, a decimal string (\"0.001\")") String lotSize,
        @Doc(value = "initial margin fraction (1 / max leverage: 0.05 = 20×)", unit = "fraction", range = "(0, 1]")
        double initialMargin,
        @Doc(value = "maintenance margin fraction, ≤ initial_margin", unit = "fraction", range = "(0, 1]")
        double maintenanceMargin,
        @Doc(value = "maker fee on notional (negative: a rebate; -0.0001 = 1 bp rebate)", unit = "fraction",
                range = "[-1, 1]") double makerFee,
        @Doc(value = "taker fee on notional (0.0005 = 5 bp)", unit = "fraction", range = "[-1, 1]") double takerFee,
        @Doc(value = "open-interest cap (0: none)", unit = "quote units", range = "[0, 1e12]") double openInterestCap,
        @Doc("hourly funding (Binance/Hyperliquid formula); false: no funding") boolean hourlyFunding,
        @Doc(value = "the mark price may sit at most this far from the oracle (0.005 = 0.5%)", unit = "fraction",
                range = "[0, ∞)") double markBand,
        @Doc(value = "half-life of the EMA smoothing the book premium in the mark (Hyperliquid: 150)", unit = "seconds",
                range = "[0, ∞)") long markSmoothingSeconds,
        @Doc(value = "the asset's exogenous price process", absent = "required") ProcessSpec process,
        @Doc(value = "the external spot venue the oracle reads and arbitrageurs trade", absent = "required")
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
