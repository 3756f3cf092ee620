package backstop.analysis.cascade;

import backstop.analysis.Fixtures;
import backstop.analysis.Results;
import backstop.analysis.RunResults;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CascadeBuilderTest {
    /**
     * Oracle move 1 liquidates accounts via 10 and 12 (siblings, depth 1; 12 closes nothing). Liquidation 10's flow
     * moves the oracle (14), which liquidates 15 (depth 2), whose cause chain goes on directly to 17 (depth 3).
     * 20 has no cause (its own root). 22's cause 19 is not a liquidation and it closes nothing: no cascade.
     * Oracle 24 was caused by a non-liquidation (99), so 25 starts a cascade of its own rooted at 24.
     */
    private static final String EVENTS = """
            {"type":"oracle_price","id":1,"cause_id":0,"block":5}
            {"type":"liquidation","id":10,"cause_id":1,"block":5}
            {"type":"liquidation_settled","id":11,"cause_id":10,"block":5,"size_closed":5,"notional":1000}
            {"type":"liquidation","id":12,"cause_id":1,"block":5}
            {"type":"liquidation_settled","id":13,"cause_id":12,"block":5,"size_closed":0,"notional":0}
            {"type":"oracle_price","id":14,"cause_id":10,"block":6}
            {"type":"fill","id":19,"cause_id":0,"block":6}
            {"type":"liquidation","id":15,"cause_id":14,"block":6}
            {"type":"liquidation_settled","id":16,"cause_id":15,"block":7,"size_closed":3,"notional":500}
            {"type":"liquidation","id":17,"cause_id":15,"block":8}
            {"type":"liquidation_settled","id":18,"cause_id":17,"block":9,"size_closed":2,"notional":250}
            {"type":"liquidation","id":20,"cause_id":0,"block":20}
            {"type":"liquidation_settled","id":21,"cause_id":20,"block":20,"size_closed":1,"notional":100}
            {"type":"liquidation","id":22,"cause_id":19,"block":21}
            {"type":"liquidation_settled","id":23,"cause_id":22,"block":21,"size_closed":0,"notional":0}
            {"type":"oracle_price","id":24,"cause_id":99,"block":30}
            {"type":"liquidation","id":25,"cause_id":24,"block":30}
            {"type":"liquidation_settled","id":26,"cause_id":25,"block":30,"size_closed":4,"notional":400}
            """;

    private static Cascades build(String jsonl) {
        ObjectMapper m = new ObjectMapper();
        return Cascades.of(jsonl.lines().map(line -> {
            try {
                return m.readTree(line);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }));
    }

    @Test
    void cascadesFollowCauseLinksThroughOraclePrices() {
        Cascades c = build(EVENTS);
        assertEquals(List.of(new Cascade(1, 3, 3, 1750, 5, 9), new Cascade(20, 1, 1, 100, 20, 20),
                new Cascade(24, 1, 1, 400, 30, 30)), c.list());
        assertEquals(4, c.list().get(0).durationBlocks());
        assertEquals(0, c.list().get(1).durationBlocks());
        assertEquals(3, c.maxSize());
        assertEquals(3, c.maxDepth());
        assertEquals(5, c.totalSize());
        assertEquals(new TreeMap<>(Map.of(1, 2, 3, 1)), c.sizeDistribution());
    }

    @Test
    void anOraclePriceSeenBeforeItsLiquidationDoesNotLink() {
        // The simulator links an oracle price to a liquidation only if the liquidation came first in the stream.
        Cascades c = build("""
                {"type":"oracle_price","id":2,"cause_id":3,"block":1}
                {"type":"liquidation","id":3,"cause_id":1,"block":1}
                {"type":"liquidation_settled","id":4,"cause_id":3,"block":1,"size_closed":1,"notional":10}
                {"type":"liquidation","id":5,"cause_id":2,"block":2}
                {"type":"liquidation_settled","id":6,"cause_id":5,"block":2,"size_closed":1,"notional":10}
                """);
        assertEquals(List.of(new Cascade(1, 1, 1, 10, 1, 1), new Cascade(2, 1, 1, 10, 2, 2)), c.list());
    }

    @Test
    void noLiquidationsNoCascades() {
        Cascades c = build("{\"type\":\"fill\",\"id\":1,\"cause_id\":0,\"block\":0}\n");
        assertEquals(List.of(), c.list());
        assertEquals(0, c.maxSize());
        assertEquals(0, c.maxDepth());
    }

    @Test
    void fromARunFolder(@TempDir Path tmp) throws IOException {
        RunResults run = Results.load(Fixtures.run(tmp));
        Cascades c = Cascades.of(run);
        assertEquals(List.of(new Cascade(1, 2, 2, 1_195_000_000L, 600, 602)), c.list());
        assertEquals(1195.0, c.list().get(0).notionalQuote(), 1e-9);
        assertEquals(run.metric("max_cascade_size"), c.maxSize());
        assertEquals(run.metric("max_cascade_depth"), c.maxDepth());
    }

    @Test
    void matchesTheSimulatorOnTheSampleRuns() {
        for (String name : List.of("crash-run", "calm-run")) {
            RunResults run = Results.load(Fixtures.sample(name));
            Cascades c = Cascades.of(run);
            if (name.equals("crash-run")) {
                assertTrue(c.list().size() > 1 && c.maxSize() > 1, "the crash sample has cascades to compare: " + c.list());
            }
            assertEquals((int) run.metric("max_cascade_size"), c.maxSize(), name);
            assertEquals((int) run.metric("max_cascade_depth"), c.maxDepth(), name);
            // Every closing step belongs to some cascade, so the cascades add up to the run's liquidations.
            assertEquals((int) run.metric("liquidation_count"), c.totalSize(), name);
            long notional = c.list().stream().mapToLong(Cascade::notional).sum();
            assertEquals(run.metric("liquidated_notional"), notional / 1e6, 1e-6, name);
        }
    }

}
