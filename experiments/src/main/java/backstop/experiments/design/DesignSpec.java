package backstop.experiments.design;

import backstop.experiments.config.ConfigException;
import backstop.model.spec.Check;
import backstop.model.spec.Doc;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.margin.PriceSource;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import backstop.protocol.waterfall.LossAbsorber;

import java.util.ArrayList;
import java.util.List;

/**
 * A loss-mitigation design as data: the mechanisms and their parameters, read from a preset file or written
 * inline in a sweep. {@link #build} composes a fresh {@link ProtocolConfig} for one protocol instance, so the
 * same world can run under any design.
 *
 * @param insuranceFund quote units each insurance fund starts with
 * @param vault         quote units the backstop vault starts with (0: none)
 * @param vaultLockupSeconds how long LP deposits in the vault are locked (default 4 days, Hyperliquid's HLP)
 */
public record DesignSpec(
        @Doc(value = "the design's name, as results and tables label it", absent = "required") String name,
        @Doc(value = "one line on what the design is (backstop presets prints it)", absent = "none") String description,
        @Doc(value = "the sources its numbers cite (MECHANISMS.md reference tags)", absent = "[]") List<String> sources,
        @Doc(value = "the price margins and liquidations are valued at: the ORACLE, or the protocol's MARK price",
                absent = "ORACLE") PriceSource priceSource,
        @Doc(value = "the margin model", absent = "tiered") MarginSpec margin,
        @Doc(value = "the liquidation policy", absent = "required") LiquidationSpec liquidation,
        @Doc(value = "the loss waterfall: what pays a bankrupt account's deficit, in list order",
                absent = "[insurance-fund]") List<AbsorberSpec> waterfall,
        @Doc(value = "circuit breakers (at most one tunable breaker of each type)", absent = "[]") List<BreakerSpec> breakers,
        @Doc(value = "governance controllers; every change they make is logged", absent = "[]")
        List<ControllerSpec> controllers,
        @Doc(value = "a venue's own margin fractions and fees, replacing the scenario's in every market",
                absent = "none: the scenario's") MarketOverrides marketOverrides,
        @Doc(value = "what each insurance fund starts with", unit = "quote units", range = "[0, 1e12]", absent = "0")
        double insuranceFund,
        @Doc(value = "one insurance fund per market instead of one shared fund", absent = "false") boolean insurancePerMarket,
        @Doc(value = "what the backstop vault starts with (0: no vault)", unit = "quote units", range = "[0, 1e12]",
                absent = "0") double vault,
        @Doc(value = "how long LP deposits in the vault are locked (Hyperliquid HLP: 4 days)", unit = "seconds",
                range = "[0, ∞)", absent = "345600") Long vaultLockupSeconds,
        @Doc(value = "share of trading fees paid into the insurance fund", unit = "fraction", range = "[0, 1]", absent = "0")
        double feeToInsurance) {

    public DesignSpec {
        Check.required("name", name);
        sources = sources == null ? List.of() : List.copyOf(sources);
        priceSource = priceSource == null ? PriceSource.ORACLE : priceSource;
        margin = margin == null ? new MarginSpec.Tiered() : margin;
        Check.required("liquidation", liquidation);
        waterfall = waterfall == null ? List.of(new AbsorberSpec.InsuranceFund()) : List.copyOf(waterfall);
        controllers = controllers == null ? List.of() : List.copyOf(controllers);
        breakers = breakers == null ? List.of() : List.copyOf(breakers);
        checkParts(liquidation, margin, waterfall, breakers, controllers);
        Check.amount("insurance_fund", insuranceFund);
        Check.amount("vault", vault);
        vaultLockupSeconds = vaultLockupSeconds == null ? 4 * 24 * 3600L : Check.atLeast("vault_lockup_seconds", vaultLockupSeconds, 0);
        Check.fraction("fee_to_insurance", feeToInsurance);
    }

    /**
     * Builds every part once, so that the checks the protocol's own constructors make are refused here, at
     * validation (exit 2, naming the part), rather than when a run starts. A breaker's parameters are named by
     * its type ({@code breaker.price_drop_trip.tolerance_ppm}), so a design holds at most one tunable breaker of
     * each type; a second is refused the same way.
     */
    private static void checkParts(LiquidationSpec liquidation, MarginSpec margin, List<AbsorberSpec> waterfall,
                                   List<BreakerSpec> breakers, List<ControllerSpec> controllers) {
        built("", () -> liquidation.build(liquidation.listedMarkets()));
        built("", margin::build);
        for (int i = 0; i < waterfall.size(); i++) {
            AbsorberSpec a = waterfall.get(i);
            built("waterfall[" + i + "]: ", () -> a.build(0));
        }
        for (int i = 0; i < controllers.size(); i++) {
            built("controllers[" + i + "]: ", controllers.get(i)::build);
        }
        backstop.protocol.parameters.Parameters probe = new backstop.protocol.parameters.Parameters();
        for (int i = 0; i < breakers.size(); i++) {
            backstop.protocol.breaker.CircuitBreaker b = built("breakers[" + i + "]: ", breakers.get(i)::build);
            if (b instanceof backstop.protocol.parameters.Tunable t) {
                try {
                    t.register(probe);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("breakers[" + i + "]: a second " + b.name() + " breaker; a design"
                            + " may hold one of each type (" + e.getMessage() + ")");
                }
            }
        }
    }

    private static <T> T built(String where, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    /**
     * A venue's own margin fractions and fees, replacing the scenario's in every market (each null keeps the
     * scenario's): presets model one large-cap market of their venue.
     */
    public record MarketOverrides(
            @Doc(value = "initial margin fraction of every market, one flat tier (1/leverage: 0.02 = 50×)",
                    unit = "fraction", range = "(0, 1]", absent = "the scenario's") Double initialMargin,
            @Doc(value = "maintenance margin fraction of every market, ≤ initial_margin", unit = "fraction",
                    range = "(0, 1]", absent = "the scenario's") Double maintenanceMargin,
            @Doc(value = "maker fee on notional (negative: a rebate)", unit = "fraction", range = "[-1, 1]",
                    absent = "the scenario's") Double makerFee,
            @Doc(value = "taker fee on notional", unit = "fraction", range = "[-1, 1]", absent = "the scenario's")
            Double takerFee) {
        public MarketOverrides {
            if (initialMargin != null && maintenanceMargin != null
                    && !(maintenanceMargin > 0 && maintenanceMargin <= initialMargin && initialMargin <= 1)) {
                throw new IllegalArgumentException("market_overrides: need 0 < maintenance_margin ≤ initial_margin ≤ 1");
            }
        }

        MarketSpec apply(MarketSpec m) {
            backstop.protocol.market.MarginTier tier = m.tiers().get(0);
            long imf = initialMargin != null ? Amounts.ppm(initialMargin) : tier.initialPpm();
            long mmf = maintenanceMargin != null ? Amounts.ppm(maintenanceMargin) : tier.maintenancePpm();
            List<backstop.protocol.market.MarginTier> tiers = initialMargin == null && maintenanceMargin == null
                    ? m.tiers() : List.of(backstop.protocol.market.MarginTier.flat(imf, mmf));
            return new MarketSpec(m.id(), m.symbol(), m.tickSize(), m.lotSize(),
                    makerFee != null ? Amounts.ppm(makerFee) : m.makerFeePpm(),
                    takerFee != null ? Amounts.ppm(takerFee) : m.takerFeePpm(), tiers, m.oiImfLowerCap(),
                    m.oiImfUpperCap(), m.openInterestCap(), m.funding(), m.markBandPpm(), m.markSmoothingSeconds());
        }
    }

    /**
     * Refuses this design on a scenario of {@code markets} markets when a per-market list of it does not fit them
     * ({@code liquidation.throttle.capacity_lots}: one value, or one per market): a {@link ConfigException} (exit 2)
     * naming the design, the scenario and the key, before a run starts.
     */
    public void checkMarkets(int markets, String scenario) {
        try {
            liquidation.build(markets);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("design '" + name + "' on scenario '" + scenario + "': " + e.getMessage());
        }
    }

    /** The protocol config of this design over these markets; {@code seed} feeds any randomized mechanism. */
    public ProtocolConfig build(List<MarketSpec> scenarioMarkets, long seed) {
        List<MarketSpec> markets = marketOverrides == null ? scenarioMarkets
                : scenarioMarkets.stream().map(marketOverrides::apply).toList();
        List<LossAbsorber> absorbers = new ArrayList<>();
        for (int i = 0; i < waterfall.size(); i++) {
            absorbers.add(waterfall.get(i).build(seed + 31L * i));
        }
        return ProtocolConfig.builder(markets)
                .priceSource(priceSource)
                .marginModel(margin.build())
                .liquidation(liquidation.build(markets.size()))
                .waterfall(absorbers)
                .breakers(breakers.stream().map(BreakerSpec::build).toList())
                .controllers(controllers.stream().map(ControllerSpec::build).toList())
                .insuranceFundSeed(Amounts.micros(Math.round(insuranceFund)))
                .insurancePerMarket(insurancePerMarket)
                .backstopVaultSeed(Amounts.micros(Math.round(vault)))
                .vaultLockupSeconds(vaultLockupSeconds)
                .feeToInsurancePpm(Amounts.ppm(feeToInsurance))
                .build();
    }
}
