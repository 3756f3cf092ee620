package backstop.experiments.cli;

import backstop.experiments.design.Presets;
import backstop.experiments.scenario.Scenarios;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListCommandsTest {
    private static String stdout(int expectedExit, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        try {
            assertEquals(expectedExit, Main.execute(args));
        } finally {
            System.setOut(old);
        }
        return out.toString();
    }

    @Test
    void presetsAndScenariosListEveryLibraryEntryWithItsDescription() {
        String presets = stdout(0, "presets");
        for (String name : Presets.NAMES) {
            assertTrue(presets.contains(name + " "), presets);
        }
        assertTrue(presets.contains("Fillable Price"), "descriptions are shown");
        assertTrue(presets.contains("liquidation vault-takeover(book_throttle: hyperliquid) · waterfall"
                + " adl(ranking: hyperliquid) → backstop-vault"), "each preset's mechanisms by registered name: " + presets);
        String scenarios = stdout(0, "scenarios");
        for (String name : Scenarios.NAMES) {
            assertTrue(scenarios.contains(name), scenarios);
        }
    }

    @Test
    void showPrintsTheResolvedConfigurationWithExtendsApplied() {
        String calm = stdout(0, "show", "calm");
        assertTrue(calm.contains("name: \"calm\""), calm);
        assertTrue(calm.contains("market-makers"), "the agents come from base.yaml");
        assertTrue(!calm.contains("extends"), "extends is resolved");
        assertTrue(stdout(0, "show", "dydx-v4").contains("fillable-price"));
        assertEquals(2, Main.execute("show", "nonesuch"));
    }

    @Test
    void showResolvesAUsersOwnScenarioAndDesignFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        java.nio.file.Path scenario = java.nio.file.Files.writeString(tmp.resolve("mine.yaml"),
                "extends: calm\nname: mine\nduration_seconds: 60\n");
        String shown = stdout(0, "show", scenario.toString());
        assertTrue(shown.contains("name: \"mine\"") && shown.contains("duration_seconds: 60") && shown.contains("market-makers"),
                shown);
        java.nio.file.Path design = java.nio.file.Files.writeString(tmp.resolve("d.yaml"),
                "extends: dydx-v4\nname: small-fund\ninsurance_fund: 5\n");
        String d = stdout(0, "show", design.toString());
        assertTrue(d.contains("name: \"small-fund\"") && d.contains("insurance_fund: 5") && d.contains("fillable-price"), d);
        java.nio.file.Path bad = java.nio.file.Files.writeString(tmp.resolve("bad.yaml"), "extends: dydx-v4\nname: b\ninsurance_fund: -5\n");
        assertEquals(2, Main.execute("show", bad.toString()), "a file that does not validate is refused, not shown");
    }

    @Test
    void theReferenceListsKeysOfEveryKindFromTheCode() {
        String all = stdout(0, "reference");
        for (String line : java.util.List.of("liquidation (type: throttled)", "liquidation.throttle (type: dydx)",
                "waterfall[] (type: adl)", "agents[] (type: manipulators)", "markets[].venue.half_life_seconds",
                "one of PRIORITY_FEE, FIFO, RANDOM", "integer",
                "one of grid, random, latin-hypercube", "margin.lambda", "fraction, in [0, 1)")) {
            assertTrue(all.contains(line), "missing: " + line);
        }
        assertEquals(2, Main.execute("reference", "nonsense"));
    }

    @Test
    void theMechanismReferenceListsEveryRegisteredMechanismWithTheClassItBuilds() {
        String all = stdout(0, "reference", "mechanisms");
        for (backstop.experiments.design.Mechanisms.Kind k : backstop.experiments.design.Mechanisms.Kind.values()) {
            assertTrue(all.contains(k.key() + " — "), "missing kind " + k);
            for (String name : k.names()) {
                assertTrue(all.contains("  " + name + " "), "missing " + k + " " + name);
            }
        }
        assertTrue(all.contains("builds BackstopVaultTakeover; e.g. {type: vault-takeover, threshold: 0.6666667,"), all);
        assertTrue(all.contains("builds HyperliquidRanking"), all);
    }

    @Test
    void gameFilesAndStrategiesAreInTheReference() {
        String game = stdout(0, "reference", "game");
        for (String line : java.util.List.of("roles[].reduced", "roles[].strategies", "roles[].define[].set", "capital_cost",
                "regret_threshold")) {
            assertTrue(game.contains(line), "missing: " + line + "\n" + game);
        }
        String strategies = stdout(0, "strategies");
        assertTrue(strategies.contains("keepers\n  aggressive") && strategies.contains("bid_share"), strategies);
        assertTrue(stdout(0, "reference", "strategies").contains("  withdraw-early"), "the reference lists the strategies");
    }
}
