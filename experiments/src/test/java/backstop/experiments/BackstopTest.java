package backstop.experiments;

import backstop.experiments.results.RunResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackstopTest {
    @Test
    void theJavaApiRunsAScenarioUnderAPresetAndReturnsMetricsByName() {
        RunResult a = Backstop.run("calm", "dydx-v4", 3, "duration_seconds=60", "agents[1].count=30");
        RunResult b = Backstop.run("calm", "dydx-v4", 3, "duration_seconds=60", "agents[1].count=30");
        assertEquals(60, a.metric("blocks"));
        assertEquals(a.stateHash(), b.stateHash(), "same inputs, same state");
        assertEquals("dydx-v4", a.design());
        assertTrue(a.timeseries().size() > 0);
    }
}
