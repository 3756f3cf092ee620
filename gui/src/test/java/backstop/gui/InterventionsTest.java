package backstop.gui;

import backstop.protocol.Protocol;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Interventions address a chosen market: its insurance fund, its order book in the ladder. */
class InterventionsTest {

    /** oct-2025 (three markets) under binance, whose insurance fund is one per market. */
    private static BackstopWithUI threeMarkets() {
        GuiParameters p = new GuiParameters();
        p.scenarioName("oct-2025");
        p.presetName("binance");
        p.durationSeconds(30);
        p.leveragedTraders(20);
        p.setDesignOverrides("insurance_per_market=true");
        p.setScenarioOverrides("sample_seconds=1");
        BackstopWithUI gui = new BackstopWithUI(p);
        gui.start();
        gui.step();
        return gui;
    }

    @Test
    void aTopUpReachesTheChosenMarketsFundOnly() {
        BackstopWithUI gui = threeMarkets();
        Protocol protocol = gui.run().model().world().protocol();
        assertEquals(3, protocol.markets().size());
        long[] before = new long[3];
        for (int m = 0; m < 3; m++) {
            before[m] = protocol.ledger().balance(protocol.insuranceFundPot(m));
        }
        gui.interventions().topUpInsurance(gui.run().model().world(), 2, 7_000_000);
        for (int m = 0; m < 3; m++) {
            assertEquals(before[m] + (m == 2 ? 7_000_000 : 0), protocol.ledger().balance(protocol.insuranceFundPot(m)), "fund " + m);
        }
        assertTrue(gui.interventions().log().get(0).endsWith("insurance top-up 7000000 micros ("
                + protocol.market(2).spec().symbol() + ")"), gui.interventions().log().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> gui.interventions().topUpInsurance(gui.run().model().world(), 3, 1));
        assertEquals("insurance top-up market: must be 0..2, got 3", e.getMessage());
    }

    @Test
    void theLadderShowsTheChosenMarket() {
        BackstopWithUI gui = threeMarkets();
        Protocol protocol = gui.run().model().world().protocol();
        for (int i = 0; i < 5; i++) {
            gui.step();
        }
        int pointsBefore = gui.charts().pointsPerChart().get(0);
        gui.viewMarket(1);
        gui.step();
        assertTrue(gui.ladder().title().startsWith(protocol.market(1).spec().symbol() + " "), gui.ladder().title());
        assertEquals(protocol.market(1).spec().symbol(), gui.charts().market(), "the charts follow the chosen market");
        assertTrue(pointsBefore >= 4, "samples before the switch: " + pointsBefore);
        assertTrue(gui.charts().pointsPerChart().get(0) > pointsBefore,
                "its prices are replotted from the first sample: " + gui.charts().pointsPerChart());
        gui.viewMarket(7); // beyond the last market: the last one
        gui.step();
        assertTrue(gui.ladder().title().startsWith(protocol.market(2).spec().symbol() + " "), gui.ladder().title());
    }
}
