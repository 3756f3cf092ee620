package backstop.gui;

import backstop.experiments.results.RunResult;
import backstop.experiments.run.WorldRun;
import backstop.protocol.event.EventSink;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A GUI run (the GUIState's own start and step loop, without windows) replays {@code backstop run}. */
class ReplayTest {

    static GuiParameters shortCalm(long seed) {
        GuiParameters p = new GuiParameters();
        p.scenarioName("calm");
        p.presetName("hyperliquid");
        p.setSeed(seed);
        p.durationSeconds(60);
        p.leveragedTraders(40);
        p.setScenarioOverrides("sample_seconds=1");
        return p;
    }

    static Map<String, Object> withoutWall(Map<String, Object> summary) {
        Map<String, Object> m = new TreeMap<>(summary);
        assertTrue(m.containsKey("wall_seconds"), "summary has wall_seconds");
        m.remove("wall_seconds");
        return m;
    }

    static RunResult guiRun(GuiParameters p, boolean shock) {
        BackstopWithUI gui = new BackstopWithUI(p);
        gui.start();
        long steps = 0;
        while (gui.step()) {
            steps++;
            if (shock && steps == 10) {
                gui.interventions().shock(gui.run().model().world(), 0, 0.7);
            }
            assertTrue(steps <= gui.run().blocks() + 1, "GUI run did not stop after its last block");
        }
        assertEquals(gui.run().blocks(), gui.run().model().schedule.getSteps(), "blocks run");
        return gui.run().result(0);
    }

    @Test
    void guiRunOfASeedEqualsTheHeadlessRunOfThatSeed() {
        GuiParameters p = shortCalm(7);
        RunResult headless = WorldRun.run(p.loadScenario(), p.loadDesign(), 7, EventSink.NONE);
        RunResult gui = guiRun(p, false);
        assertEquals(withoutWall(headless.summary()), withoutWall(gui.summary()));
        assertEquals(headless.stateHash(), gui.stateHash(), "protocol state hash");
        assertFalse(headless.summary().isEmpty());
    }

    @Test
    void aParameterEditAndATopUpReachTheProtocolBetweenBlocks() {
        BackstopWithUI gui = new BackstopWithUI(shortCalm(3));
        gui.start();
        for (int i = 0; i < 5; i++) {
            assertTrue(gui.step());
        }
        backstop.protocol.Protocol p = gui.run().model().world().protocol();
        backstop.protocol.parameters.Parameter first = p.parameters().all().stream().filter(x -> x.min() < x.max())
                .findFirst().orElseThrow();
        long target = first.value() == first.max() ? first.min() : first.max();
        long fund = p.ledger().balance(p.insuranceFundPot(0));
        gui.edits().parameter(first.name(), target);
        gui.edits().topUp(0, 2_000_000);
        assertNotEquals(target, p.parameters().get(first.name()).value(), "nothing applied before the next block");
        long[] seen = new long[2];
        gui.scheduleImmediatelyBefore(s -> {
            seen[0] = p.parameters().get(first.name()).value();
            seen[1] = p.ledger().balance(p.insuranceFundPot(0));
        });
        assertTrue(gui.step());
        assertEquals(target, seen[0], first.name());
        assertEquals(fund + 2_000_000, seen[1], "insurance fund after a 2-unit top-up");
        assertTrue(gui.run().events().stream().anyMatch(e -> e instanceof backstop.protocol.event.ProtocolEvent.ParameterChanged c
                && c.parameter().equals(first.name()) && c.by().equals("gui")), "a parameter_changed event by gui");
        assertTrue(gui.interventions().edited());
        assertThrows(IllegalArgumentException.class, () -> gui.interventions().setParameter(gui.run().model().world(), "no_such_parameter", 1));
    }

    @Test
    void aShockSpreadOverBlocksMovesThePriceByItsFactorInEqualSteps() {
        BackstopWithUI gui = new BackstopWithUI(shortCalm(3));
        gui.start();
        assertTrue(gui.step());
        gui.edits().shock(0, 0.729, 3);
        for (int i = 0; i < 6; i++) {
            assertTrue(gui.step());
            assertEquals(Math.min(i + 1, 3), gui.interventions().log().size(), "one step per block, three in all");
        }
        // 0.729 over three blocks is 0.9 a block; each logged line names the factor it applied.
        double product = 1;
        for (String line : gui.interventions().log()) {
            double f = Double.parseDouble(line.substring(line.indexOf('×') + 1, line.indexOf(' ', line.indexOf('×'))));
            assertEquals(0.9, f, 1e-12, line);
            product *= f;
        }
        assertEquals(0.729, product, 1e-12);
    }

    @Test
    void aBadParameterValueRerunsTheLastGoodConfiguration() {
        GuiParameters p = shortCalm(3);
        BackstopWithUI gui = new BackstopWithUI(p);
        p.setScenarioOverrides("no_such_key=1");
        gui.start();
        assertEquals(60, gui.run().blocks(), "the 60-block configuration it was built with");
        assertTrue(gui.step());
    }

    @Test
    void aMidRunShockMakesTheRunDiffer() {
        GuiParameters p = shortCalm(7);
        RunResult headless = WorldRun.run(p.loadScenario(), p.loadDesign(), 7, EventSink.NONE);
        RunResult shocked = guiRun(p, true);
        assertNotEquals(headless.stateHash(), shocked.stateHash(), "a 30% shock must change the run");
    }

    @Test
    void aSavedGuiRunWithEditsReplaysHeadlessFromItsManifestByteForByte(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        GuiParameters p = shortCalm(11);
        BackstopWithUI gui = new BackstopWithUI(p);
        gui.start();
        long steps = 0;
        while (gui.step()) {
            steps++;
            backstop.model.world.World w = gui.run().model().world();
            if (steps == 10) {
                gui.interventions().shock(w, 0, 0.8);
                gui.interventions().topUpInsurance(w, 0, 3_000_000);
            } else if (steps == 20) {
                gui.interventions().addBreaker(w, new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree("{\"type\": \"price-drop-trip\", \"tolerance\": 0.9, \"reset_seconds\": 600}"));
            } else if (steps == 21) {
                gui.interventions().setParameter(w, "breaker.price_drop_trip.tolerance_ppm", 950_000);
            }
        }
        assertEquals(4, gui.interventions().applied().size());
        java.nio.file.Path saved = gui.run().save(tmp.resolve("gui"), 0, gui.interventions().applied());
        var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(saved.resolve("manifest.json").toFile());
        assertEquals(4, manifest.get("interventions").size(), manifest.get("interventions").toString());
        assertEquals("shock", manifest.get("interventions").get(0).get("type").asText());
        assertEquals(10, manifest.get("interventions").get(0).get("block").asLong(), "stamped with the block it followed");

        // The headless replay, from the manifest, through the CLI a user would type.
        java.nio.file.Path replay = tmp.resolve("replay");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", "calm", "--preset", "hyperliquid",
                "--seed", "11", "--out", replay.toString(), "--interventions", saved.resolve("manifest.json").toString()));
        for (String o : java.util.List.of("duration_seconds=60", "agents[1].count=40", "sample_seconds=1")) {
            args.add("--set");
            args.add(o);
        }
        assertEquals(0, backstop.experiments.cli.Main.execute(args.toArray(String[]::new)));
        for (String f : java.util.List.of("timeseries.csv", "events.jsonl.gz", "markets.csv", "agents.csv", "flows.csv")) {
            assertEquals(-1, java.nio.file.Files.mismatch(saved.resolve(f), replay.resolve(f)), f + " equal");
        }
        var a = new com.fasterxml.jackson.databind.ObjectMapper().readTree(saved.resolve("summary.json").toFile());
        var b = new com.fasterxml.jackson.databind.ObjectMapper().readTree(replay.resolve("summary.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("wall_seconds");
        ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove("wall_seconds");
        assertEquals(a, b, "summary equal apart from wall time");
        var again = new com.fasterxml.jackson.databind.ObjectMapper().readTree(replay.resolve("manifest.json").toFile());
        assertEquals(manifest.get("interventions"), again.get("interventions"), "the replay records the same edits");
        assertEquals(manifest.get("state_hash"), again.get("state_hash"));
        RunResult plain = WorldRun.run(p.loadScenario(), p.loadDesign(), 11, EventSink.NONE);
        assertNotEquals(manifest.get("state_hash").asText(), Long.toHexString(plain.stateHash()), "the edits mattered");
    }

    @Test
    void theConsoleTabsSeedAndTheModelTabsSeedAreOneSeed() {
        GuiParameters p = shortCalm(5);
        BackstopWithUI gui = new BackstopWithUI(p);
        gui.start();
        assertEquals(5, gui.run().model().seed());
        // What MASON's Console does on play with a seed typed in its Console tab: set it on the model, then start.
        gui.state.setSeed(77);
        gui.start();
        assertEquals(77, gui.run().model().seed(), "the Console tab's seed is used");
        assertEquals(77, p.getSeed(), "and shown as the Model tab's Seed");
        // The Console sets the same value again on the next play; a Model tab change then wins.
        p.setSeed(9);
        gui.state.setSeed(77);
        gui.start();
        assertEquals(9, gui.run().model().seed(), "the Model tab's newer seed is used");
    }
}
