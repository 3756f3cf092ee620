package backstop.experiments.design;

import backstop.protocol.ProtocolConfig;
import backstop.protocol.market.MarketSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetsTest {
    private static final List<MarketSpec> BTC = List.of(MarketSpec.builder(0, "BTC", "0.1", "0.001").build());

    @Test
    void everyListedPresetLoadsAndBuildsAFreshConfig() {
        for (String name : Presets.NAMES) {
            DesignSpec d = Presets.load(name);
            assertEquals(name, d.name());
            ProtocolConfig a = d.build(BTC, 1);
            ProtocolConfig b = d.build(BTC, 1);
            assertNotSame(a.liquidation(), b.liquidation(), name + ": policies are stateful, so each build is fresh");
        }
    }

    @Test
    void everyPresetFileIsListed() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/presets"))) {
            Set<String> onDisk = files.map(f -> f.getFileName().toString().replace(".yaml", "")).collect(Collectors.toSet());
            assertEquals(Set.copyOf(Presets.NAMES), onDisk);
        }
    }

    @Test
    void badDesignsNameTheOffendingKeyAndValue() {
        backstop.experiments.config.ConfigException unknownKey = assertThrows(backstop.experiments.config.ConfigException.class, () -> Presets.parse("""
                name: x
                liquidation: {type: full-close, penalty: {rate: 0.01, keeper_share: 0}, limit: {type: slippage, slippage: 0.1}}
                insurance_fundd: 5
                """, "inline"));
        assertTrue(unknownKey.getMessage().contains("insurance_fundd"), unknownKey.getMessage());
        backstop.experiments.config.ConfigException range = assertThrows(backstop.experiments.config.ConfigException.class, () -> Presets.parse("""
                name: x
                liquidation: {type: full-close, penalty: {rate: 1.5, keeper_share: 0}, limit: {type: slippage, slippage: 0.1}}
                """, "inline"));
        assertTrue(range.getMessage().contains("penalty.rate: must be in [0, 1], got 1.5"), range.getMessage());
        backstop.experiments.config.ConfigException type = assertThrows(backstop.experiments.config.ConfigException.class, () -> Presets.parse("""
                name: x
                liquidation: {type: no-such-policy}
                """, "inline"));
        assertTrue(type.getMessage().contains("no-such-policy"), type.getMessage());
        backstop.experiments.config.ConfigException preset = assertThrows(backstop.experiments.config.ConfigException.class, () -> Presets.load("nonesuch"));
        assertTrue(preset.getMessage().contains("known: none"), preset.getMessage());
    }

    @Test
    void theHyperliquidPresetChunksItsBookStepAndTheTakeoverRefusesAWindowThrottle() {
        var policy = (backstop.protocol.liquidation.BackstopVaultTakeover) Presets.load("hyperliquid").build(BTC, 1).liquidation();
        assertTrue(policy.bookThrottle() instanceof backstop.protocol.liquidation.HyperliquidChunks);
        backstop.experiments.config.ConfigException window = assertThrows(backstop.experiments.config.ConfigException.class,
                () -> Presets.parse("""
                        name: x
                        liquidation:
                          type: vault-takeover
                          threshold: 0.5
                          book_slippage: 0.1
                          book_throttle: {type: synthetix, capacity_lots: [100], window_seconds: 60, flag_reward: 0}
                          penalty: {rate: 0, keeper_share: 0}
                          max_vault_notional: 1.0e9
                        vault: 1000000
                        """, "inline"));
        assertTrue(window.getMessage().contains("book_throttle: the synthetix throttle continues liquidations across blocks"),
                window.getMessage());
    }

    @Test
    void theSynthetixPresetsSingleCapacityCoversEveryMarket() {
        List<MarketSpec> three = List.of(MarketSpec.builder(0, "BTC", "0.1", "0.001").build(),
                MarketSpec.builder(1, "ETH", "0.01", "0.01").build(), MarketSpec.builder(2, "ALT", "0.001", "0.1").build());
        DesignSpec synthetix = Presets.load("synthetix-v3");
        synthetix.checkMarkets(3, "three");
        assertEquals(List.of(360_000L, 360_000L, 360_000L), windowCapacities(synthetix.build(three, 1), 3));
        assertEquals(List.of(360_000L), windowCapacities(synthetix.build(BTC, 1), 1));
        DesignSpec perMarket = DesignOverrides.apply(synthetix, List.of("design.liquidation.throttle.capacity_lots=[5, 0, 7]"));
        assertEquals(List.of(5L, 0L, 7L), windowCapacities(perMarket.build(three, 1), 3));
    }

    @Test
    void aCapacityListOfAnotherLengthThanTheMarketsIsRefusedNamingKeyLengthAndMarketCount() {
        DesignSpec two = DesignOverrides.apply(Presets.load("synthetix-v3"),
                List.of("design.liquidation.throttle.capacity_lots=[100, 200]"));
        two.checkMarkets(2, "pair");
        backstop.experiments.config.ConfigException three = assertThrows(backstop.experiments.config.ConfigException.class,
                () -> two.checkMarkets(3, "oct-2025"));
        assertEquals("design 'synthetix-v3' on scenario 'oct-2025': liquidation.throttle.capacity_lots: lists 2 values"
                + " but the scenario has 3 markets; give a single value for all markets, or one value per market",
                three.getMessage());
        backstop.experiments.config.ConfigException one = assertThrows(backstop.experiments.config.ConfigException.class,
                () -> two.checkMarkets(1, "calm"));
        assertTrue(one.getMessage().contains("lists 2 values but the scenario has 1 market;"), one.getMessage());
        // The run itself refuses it too, should a caller skip the check.
        IllegalArgumentException build = assertThrows(IllegalArgumentException.class, () -> two.build(BTC, 1));
        assertTrue(build.getMessage().startsWith("liquidation.throttle.capacity_lots: lists 2 values"), build.getMessage());
        for (String bad : List.of("[]", "[-1]")) {
            backstop.experiments.config.ConfigException e = assertThrows(backstop.experiments.config.ConfigException.class,
                    () -> DesignOverrides.apply(Presets.load("synthetix-v3"),
                            List.of("design.liquidation.throttle.capacity_lots=" + bad)));
            assertTrue(e.getMessage().contains("liquidation.throttle.capacity_lots"), e.getMessage());
        }
    }

    private static List<Long> windowCapacities(ProtocolConfig config, int markets) {
        backstop.protocol.parameters.Parameters p = new backstop.protocol.parameters.Parameters();
        ((backstop.protocol.liquidation.ThrottledLiquidation) config.liquidation()).register(p);
        List<Long> out = new java.util.ArrayList<>();
        for (int m = 0; m < markets; m++) {
            out.add(p.get("liquidation.window_capacity_lots." + m).value());
        }
        assertTrue(!p.has("liquidation.window_capacity_lots." + markets), "one capacity per market");
        return out;
    }

    @Test
    void aSecondTunableBreakerOfOneTypeIsRefusedNamingIt() {
        backstop.experiments.config.ConfigException twice = assertThrows(backstop.experiments.config.ConfigException.class,
                () -> Presets.parse("""
                        extends: none
                        name: x
                        breakers:
                          - {type: price-drop-trip, tolerance: 0.5, reset_seconds: 600}
                          - {type: price-drop-trip, tolerance: 0.8, reset_seconds: 60}
                        """, "inline"));
        assertTrue(twice.getMessage().contains("breakers[1]: a second price-drop-trip breaker"), twice.getMessage());
    }

    @Test
    void pooledInsuranceBuildsAFreshCappedPoolForEveryRun() {
        DesignSpec d = Presets.parse("""
                extends: none
                name: pooled
                insurance_per_market: true
                waterfall: [{type: insurance-fund}, {type: pooled-insurance, pool: 300000, cap_per_market: 150000}]
                """, "inline");
        var a = (backstop.protocol.waterfall.PooledInsuranceAbsorber) d.build(BTC, 1).waterfall().get(1);
        var b = (backstop.protocol.waterfall.PooledInsuranceAbsorber) d.build(BTC, 1).waterfall().get(1);
        assertNotSame(a.pool(), b.pool(), "runs never share a pool");
        assertEquals(300_000_000_000L, a.pool().balance());
        backstop.experiments.config.ConfigException bad = assertThrows(backstop.experiments.config.ConfigException.class,
                () -> Presets.parse("""
                        extends: none
                        name: pooled
                        waterfall: [{type: pooled-insurance, pool: 300000, cap_per_market: -1}]
                        """, "inline"));
        assertTrue(bad.getMessage().contains("cap_per_market: must be ≥ 0, got -1.0"), bad.getMessage());
    }
}
