package backstop.protocol;

import backstop.protocol.book.SelfTradePrevention;
import backstop.protocol.liquidation.FullCloseLiquidation;
import backstop.protocol.liquidation.LiquidationPolicy;
import backstop.protocol.margin.MarginModel;
import backstop.protocol.margin.OiScaledMargin;
import backstop.protocol.margin.PriceSource;
import backstop.protocol.margin.TieredMargin;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.waterfall.InsuranceFundAbsorber;
import backstop.protocol.waterfall.LossAbsorber;

import java.util.List;

/**
 * Everything that defines a protocol instance: its markets and its loss-mitigation design.
 *
 * @param marketOrderSlippagePpm market orders become IOC limits this far from the oracle (Binance-style band)
 * @param feeToInsurancePpm      share of net trading fees routed to the insurance fund instead of the treasury
 * @param insuranceFundSeed      quote micros the insurance fund starts with (from outside)
 */
public record ProtocolConfig(List<MarketSpec> markets, MarginModel marginModel, PriceSource priceSource,
                             LiquidationPolicy liquidation, List<LossAbsorber> waterfall,
                             SelfTradePrevention selfTradePrevention, long marketOrderSlippagePpm,
                             long feeToInsurancePpm, long insuranceFundSeed) {

    public ProtocolConfig {
        markets = List.copyOf(markets);
        waterfall = List.copyOf(waterfall);
        if (markets.isEmpty()) {
            throw new IllegalArgumentException("markets: at least one market is required");
        }
        for (int i = 0; i < markets.size(); i++) {
            if (markets.get(i).id() != i) {
                throw new IllegalArgumentException("markets[" + i + "].id: must be " + i + ", got " + markets.get(i).id());
            }
        }
        if (marketOrderSlippagePpm <= 0 || marketOrderSlippagePpm >= 1_000_000) {
            throw new IllegalArgumentException("marketOrderSlippagePpm: must be in (0, 1000000), got " + marketOrderSlippagePpm);
        }
        if (feeToInsurancePpm < 0 || feeToInsurancePpm > 1_000_000) {
            throw new IllegalArgumentException("feeToInsurancePpm: must be in [0, 1000000], got " + feeToInsurancePpm);
        }
        if (insuranceFundSeed < 0) {
            throw new IllegalArgumentException("insuranceFundSeed: must be ≥ 0, got " + insuranceFundSeed);
        }
    }

    /** Oracle-priced, tiered and OI-scaled margin, full-close liquidation, insurance fund then uncovered. */
    public static ProtocolConfig basic(List<MarketSpec> markets) {
        return new ProtocolConfig(markets, new OiScaledMargin(new TieredMargin()), PriceSource.ORACLE,
                FullCloseLiquidation.standard(), List.of(new InsuranceFundAbsorber()),
                SelfTradePrevention.CANCEL_RESTING, 50_000, 0, 0);
    }

    public ProtocolConfig withLiquidation(LiquidationPolicy policy) {
        return new ProtocolConfig(markets, marginModel, priceSource, policy, waterfall, selfTradePrevention,
                marketOrderSlippagePpm, feeToInsurancePpm, insuranceFundSeed);
    }

    public ProtocolConfig withInsuranceFundSeed(long seed) {
        return new ProtocolConfig(markets, marginModel, priceSource, liquidation, waterfall, selfTradePrevention,
                marketOrderSlippagePpm, feeToInsurancePpm, seed);
    }

    public ProtocolConfig withPriceSource(PriceSource source) {
        return new ProtocolConfig(markets, marginModel, source, liquidation, waterfall, selfTradePrevention,
                marketOrderSlippagePpm, feeToInsurancePpm, insuranceFundSeed);
    }

    public ProtocolConfig withFeeToInsurance(long ppm) {
        return new ProtocolConfig(markets, marginModel, priceSource, liquidation, waterfall, selfTradePrevention,
                marketOrderSlippagePpm, ppm, insuranceFundSeed);
    }

    public ProtocolConfig withMarginModel(MarginModel model) {
        return new ProtocolConfig(markets, model, priceSource, liquidation, waterfall, selfTradePrevention,
                marketOrderSlippagePpm, feeToInsurancePpm, insuranceFundSeed);
    }
}
