package backstop.gui;

import backstop.experiments.run.RunResult;
import backstop.experiments.run.WorldRun;
import backstop.protocol.event.EventSink;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A GUI run (the GUIState's own start and step loop, without windows) replays {@code backstop run}. */
class ReplayTest {

    static GuiParameters shortCalm(long seed) {
        GuiParameters p = new GuiParameters();
        p.scenarioName("calm");
        p.presetName("hyperliquid");
        p.setSeed(seed);
        p.setDurationSeconds(60);
        p.setLeveragedTraders(40);
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
    void aMidRunShockMakesTheRunDiffer() {
        GuiParameters p = shortCalm(7);
        RunResult headless = WorldRun.run(p.loadScenario(), p.loadDesign(), 7, EventSink.NONE);
        RunResult shocked = guiRun(p, true);
        assertNotEquals(headless.stateHash(), shocked.stateHash(), "a 30% shock must change the run");
    }
}
