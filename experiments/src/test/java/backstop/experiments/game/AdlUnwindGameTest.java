package backstop.experiments.game;

import backstop.experiments.config.ConfigBinder;
import backstop.experiments.config.ConfigException;
import backstop.experiments.config.ConfigTree;
import backstop.experiments.results.RunResult;
import backstop.experiments.run.WorldRun;
import backstop.model.agent.AgentFactory;
import backstop.protocol.book.Side;
import backstop.protocol.event.EventLog;
import backstop.protocol.event.ProtocolEvent;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Example game (c), the ADL winners' unwind game, as the shipped game file plays it (experiments/games/adl-unwind.yaml,
 * seed 1, the queued design): winners who hold are deleveraged at the bankrupt longs' prices; winners who unwind once
 * the fund has paid out 10% act on that public balance — after the fund's first draw, never before — and ADL never
 * reaches them; and the difference shows in their ledger payoffs.
 */
class AdlUnwindGameTest {
    private static final GamePlan PLAN = GamePlan.load(Path.of("games", "adl-unwind.yaml"));

    private record Played(RunResult result, EventLog events, Set<Integer> winners) {
    }

    private static Played play(String strategy) {
        var design = PLAN.designs().stream().filter(d -> d.name().equals("dydx-v4-queue")).findFirst().orElseThrow();
        var scenario = ProfileScenario.of(PLAN, Map.of("winners", Map.of(strategy, 4)), "adl-unwind " + strategy);
        EventLog log = new EventLog();
        RunResult r = WorldRun.run(scenario, design, 1, log);
        Set<Integer> winners = r.agents().stream().filter(a -> a.population().equals("winners/" + strategy))
                .map(RunResult.AgentRow::account).collect(Collectors.toSet());
        assertEquals(4, winners.size());
        assertEquals(0.0, r.metric("payoff_residual"), 1e-9, strategy + ": the payoffs close");
        return new Played(r, log, winners);
    }

    private static boolean deleveraged(Played p, int account) {
        return p.events().of(ProtocolEvent.PositionTransfer.class).stream()
                .anyMatch(t -> t.kind().equals("adl") && (t.fromAccount() == account || t.toAccount() == account));
    }

    private static double payoff(Played p) {
        return p.result().agents().stream().filter(a -> p.winners().contains(a.account()))
                .mapToDouble(RunResult.AgentRow::payoff).sum();
    }

    @Test
    void aWinnersSideMustBeShortOrLong() {
        var doc = ConfigTree.parse("{type: winners, name: w, count: 1, market: 0,"
                + " capital: {type: constant, value: 1000}, side: up, leverage: {type: constant, value: 2},"
                + " wake_seconds: {type: constant, value: 5}, latency: {type: constant, value: 0.2}}", "w");
        var e = assertThrows(ConfigException.class,
                () -> ConfigBinder.bind(doc, AgentFactory.class, "w.yaml"));
        assertTrue(e.getMessage().contains("w.side: must be short or long, got up"), e.getMessage());
    }

    @Test
    void holdersAreDeleveragedAndEarlyUnwindersAreNot() {
        Played hold = play("hold");
        assertTrue(hold.result().metric("adl_count") > 0, "ADL runs on this crash");
        for (int w : hold.winners()) {
            assertTrue(deleveraged(hold, w), "holder " + w + " is reached by ADL");
        }

        Played early = play("unwind-early");
        long firstDraw = early.events().of(ProtocolEvent.LossAbsorbed.class).stream()
                .filter(l -> l.absorber().equals("insurance-fund")).mapToLong(ProtocolEvent.LossAbsorbed::block)
                .min().orElseThrow();
        for (int w : early.winners()) {
            assertFalse(deleveraged(early, w), "unwinder " + w + " left before ADL");
            var buys = early.events().of(ProtocolEvent.Fill.class).stream()
                    .filter(f -> f.takerAccount() == w && f.takerSide() == Side.BUY).toList();
            assertFalse(buys.isEmpty(), "unwinder " + w + " bought its short back");
            long firstBuy = buys.stream().mapToLong(ProtocolEvent.Fill::block).min().orElseThrow();
            assertTrue(firstBuy > firstDraw, "unwinder " + w + " bought at block " + firstBuy
                    + ", after the fund's first draw at block " + firstDraw + " (it reads the fund's balance)");
        }
        assertTrue(payoff(early) > payoff(hold) + 50_000, "unwinding paid: " + payoff(early) + " vs " + payoff(hold));
    }
}
