package backstop.protocol;

import backstop.protocol.book.SelfTradePrevention;
import backstop.protocol.breaker.CircuitBreaker;
import backstop.protocol.governance.ParameterController;
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
 * Everything that defines a protocol instance: its markets and its loss-mitigation design. Policies may be
 * stateful, so build a fresh config for every protocol instance.
 *
 * @param marketOrderSlippagePpm market orders become IOC limits this far from the oracle (Binance-style band)
 * @param feeToInsurancePpm      share of net trading fees routed to the insurance fund instead of the treasury
 * @param insuranceFundSeed      quote micros each insurance fund starts with (from outside)
 * @param insurancePerMarket     one insurance fund per market (dYdX isolated markets) instead of one shared
 * @param backstopVaultSeed      quote micros the protocol's backstop vault account starts with; 0: no vault
 * @param vaultLockupSeconds     how long an LP's vault deposit is locked before it may be withdrawn (HLP: 4 days)
 */
public record ProtocolConfig(List<MarketSpec> markets, MarginModel marginModel, PriceSource priceSource,
                             LiquidationPolicy liquidation, List<LossAbsorber> waterfall,
                             List<CircuitBreaker> breakers, List<ParameterController> controllers,
                             SelfTradePrevention selfTradePrevention, long marketOrderSlippagePpm,
                             long feeToInsurancePpm, long insuranceFundSeed, boolean insurancePerMarket,
                             long backstopVaultSeed, long vaultLockupSeconds) {

    public ProtocolConfig {
        markets = List.copyOf(markets);
        waterfall = List.copyOf(waterfall);
        breakers = List.copyOf(breakers);
        controllers = List.copyOf(controllers);
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
        if (insuranceFundSeed < 0 || backstopVaultSeed < 0 || vaultLockupSeconds < 0) {
            throw new IllegalArgumentException("insuranceFundSeed, backstopVaultSeed and vaultLockupSeconds: must be ≥ 0");
        }
    }

    /** Oracle-priced, tiered and OI-scaled margin, full-close liquidation, insurance fund then uncovered. */
    public static ProtocolConfig basic(List<MarketSpec> markets) {
        return builder(markets).build();
    }

    /** Starts from the basic design. */
    public static Builder builder(List<MarketSpec> markets) {
        return new Builder(markets);
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        Builder b = new Builder(markets);
        b.marginModel = marginModel;
        b.priceSource = priceSource;
        b.liquidation = liquidation;
        b.waterfall = waterfall;
        b.breakers = breakers;
        b.controllers = controllers;
        b.selfTradePrevention = selfTradePrevention;
        b.marketOrderSlippagePpm = marketOrderSlippagePpm;
        b.feeToInsurancePpm = feeToInsurancePpm;
        b.insuranceFundSeed = insuranceFundSeed;
        b.insurancePerMarket = insurancePerMarket;
        b.backstopVaultSeed = backstopVaultSeed;
        b.vaultLockupSeconds = vaultLockupSeconds;
        return b;
    }

    /** Fluent construction of a {@link ProtocolConfig}. */
    public static final class Builder {
        private final List<MarketSpec> markets;
        private MarginModel marginModel = new OiScaledMargin(new TieredMargin());
        private PriceSource priceSource = PriceSource.ORACLE;
        private LiquidationPolicy liquidation = FullCloseLiquidation.standard();
        private List<LossAbsorber> waterfall = List.of(new InsuranceFundAbsorber());
        private List<CircuitBreaker> breakers = List.of();
        private List<ParameterController> controllers = List.of();
        private SelfTradePrevention selfTradePrevention = SelfTradePrevention.CANCEL_RESTING;
        private long marketOrderSlippagePpm = 50_000;
        private long feeToInsurancePpm;
        private long insuranceFundSeed;
        private boolean insurancePerMarket;
        private long backstopVaultSeed;
        private long vaultLockupSeconds = 4 * 24 * 3600;

        private Builder(List<MarketSpec> markets) {
            this.markets = markets;
        }

        public Builder marginModel(MarginModel m) {
            this.marginModel = m;
            return this;
        }

        public Builder priceSource(PriceSource s) {
            this.priceSource = s;
            return this;
        }

        public Builder liquidation(LiquidationPolicy p) {
            this.liquidation = p;
            return this;
        }

        public Builder waterfall(List<LossAbsorber> absorbers) {
            this.waterfall = absorbers;
            return this;
        }

        public Builder breakers(List<CircuitBreaker> b) {
            this.breakers = b;
            return this;
        }

        public Builder controllers(List<ParameterController> c) {
            this.controllers = c;
            return this;
        }

        public Builder selfTradePrevention(SelfTradePrevention stp) {
            this.selfTradePrevention = stp;
            return this;
        }

        public Builder marketOrderSlippagePpm(long ppm) {
            this.marketOrderSlippagePpm = ppm;
            return this;
        }

        public Builder feeToInsurancePpm(long ppm) {
            this.feeToInsurancePpm = ppm;
            return this;
        }

        public Builder insuranceFundSeed(long micros) {
            this.insuranceFundSeed = micros;
            return this;
        }

        public Builder insurancePerMarket(boolean perMarket) {
            this.insurancePerMarket = perMarket;
            return this;
        }

        public Builder backstopVaultSeed(long micros) {
            this.backstopVaultSeed = micros;
            return this;
        }

        /** LP lock-up of vault deposits, seconds (default 4 days, Hyperliquid's HLP). */
        public Builder vaultLockupSeconds(long seconds) {
            this.vaultLockupSeconds = seconds;
            return this;
        }

        public ProtocolConfig build() {
            return new ProtocolConfig(markets, marginModel, priceSource, liquidation, waterfall, breakers, controllers,
                    selfTradePrevention, marketOrderSlippagePpm, feeToInsurancePpm, insuranceFundSeed,
                    insurancePerMarket, backstopVaultSeed, vaultLockupSeconds);
        }
    }
}
