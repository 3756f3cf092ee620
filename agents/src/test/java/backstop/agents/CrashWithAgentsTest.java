package backstop.agents;

import backstop.agents.makers.MarketMaker;
import backstop.model.sim.BackstopModel;
import backstop.model.world.World;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.event.EventLog;
import backstop.protocol.event.ProtocolEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The four agent families acting together through a crash, on fixed seeds. */
class CrashWithAgentsTest {

    private static BackstopModel run(long seed, EventLog log, List<Boolean> withdrawnDuringCrash) {
        BackstopModel model = new BackstopModel(seed, TestWorlds.crash(700, 0.25, 120, 1), ProtocolConfig::basic,
                TestWorlds.populations(300), log);
        model.onRecord(s -> {
            World w = model.world();
            if (w.block() == 150 || w.block() == 360) {
                long out = model.agents().stream().filter(a -> a instanceof MarketMaker mm && mm.withdrawn()).count();
                withdrawnDuringCrash.add(out >= 5);
            }
            assertEquals(0, w.protocol().ledger().total(), "Σ pots after block " + w.block());
        });
        model.runToEnd();
        return model;
    }

    @Test
    void tradersGetLiquidatedMakersPullQuotesAndEveryMicroIsConserved() {
        EventLog log = new EventLog();
        List<Boolean> withdrawn = new ArrayList<>();
        BackstopModel model = run(1, log, withdrawn);
        long filledLiquidations = log.of(ProtocolEvent.LiquidationSettled.class).stream().filter(s -> s.sizeClosed() > 0).count();
        assertTrue(filledLiquidations > 20, "liquidations that filled: " + filledLiquidations);
        assertTrue(log.of(ProtocolEvent.Fill.class).size() > 500, "the market trades");
        assertEquals(List.of(false, true), withdrawn, "most makers quote before the crash and have withdrawn during it");
        assertEquals(0, model.world().protocol().ledger().total());
    }

    @Test
    void theSameSeedReplaysExactly() {
        EventLog a = new EventLog();
        EventLog b = new EventLog();
        long ha = run(3, a, new ArrayList<>()).world().protocol().stateHash();
        long hb = run(3, b, new ArrayList<>()).world().protocol().stateHash();
        assertEquals(ha, hb);
        assertEquals(a.events().size(), b.events().size());
        assertEquals(a.events(), b.events());
    }
}
