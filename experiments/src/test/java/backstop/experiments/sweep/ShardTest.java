package backstop.experiments.sweep;

import backstop.experiments.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardTest {
    /** 3 designs × 2 points × 2 seeds = 12 runs. */
    private static final SweepPlan PLAN = SweepPlanTest.plan(SweepPlanTest.HEAD + """
            designs: [none, dydx-v4, hyperliquid]
            replications: 2
            parameters:
              grid: {duration_seconds: [60, 120]}
            """);

    private static List<String> ids(Shard s) {
        return s.select(PLAN.runs()).stream().map(PlannedRun::id).toList();
    }

    @Test
    void runsAreDealtRoundRobinInRunIdOrder() {
        assertEquals(12, PLAN.runs().size());
        // Sorted ids: dydx-v4-p0-s1, dydx-v4-p0-s2, dydx-v4-p1-s1, dydx-v4-p1-s2, hyperliquid-p0-s1, …; shard 2 of 5
        // takes positions 1, 6, 11.
        assertEquals(List.of("dydx-v4-p0-s2", "hyperliquid-p1-s1", "none-p1-s2"), ids(new Shard(2, 5)));
        assertEquals(List.of("dydx-v4-p0-s1", "dydx-v4-p1-s2", "hyperliquid-p1-s1", "none-p0-s2"), ids(new Shard(1, 3)));
    }

    @Test
    void everyShardCountPartitionsTheRunsIntoBalancedDisjointShards() {
        List<String> all = PLAN.runs().stream().map(PlannedRun::id).toList();
        for (int n = 1; n <= 13; n++) {
            List<String> union = new ArrayList<>();
            Set<Integer> sizes = new HashSet<>();
            for (int k = 1; k <= n; k++) {
                List<String> mine = ids(new Shard(k, n));
                union.addAll(mine);
                sizes.add(mine.size());
                assertEquals(mine, ids(Shard.parse(k + "/" + n)), "the same shard twice");
            }
            assertEquals(all, union.stream().sorted().toList(), "complete and disjoint for N=" + n);
            int max = sizes.stream().max(Integer::compare).orElseThrow();
            int min = sizes.stream().min(Integer::compare).orElseThrow();
            assertTrue(max - min <= 1, "balanced for N=" + n + ": " + sizes);
        }
    }

    @Test
    void malformedShardsNameTheOption() {
        for (String bad : new String[] {"0/4", "5/4", "3", "a/b", "1/0", "-1/4", ""}) {
            ConfigException e = assertThrows(ConfigException.class, () -> Shard.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("--shard: "), e.getMessage());
        }
        assertEquals(new Shard(3, 8), Shard.parse("3/8"));
        assertEquals("3/8", new Shard(3, 8).toString());
    }
}
