package backstop.experiments.study.adl;

import backstop.experiments.study.adl.AdlWaveReplay.WaveResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replay's accounting on small waves, checked against the formulas of {@link AdlWaveReplay}. */
class AdlWaveReplayTest {
    private static final OctoberBook BOOK = OctoberBook.calibrated(2);
    private static final AdlWaveReplay REPLAY = new AdlWaveReplay(BOOK);

    /** A wave of {@code seconds} needing {@code neededUsd} against $1M of winners' PnL (4M lots: the gap is not raised). */
    private static OctoberWaves.Wave wave(long seconds, double neededUsd) {
        return new OctoberWaves.Wave(99, seconds * 1000, neededUsd, 0, 0, 0, 5_000_000, 1_000_000);
    }

    /** The price after one second: $1 × e^(−ρ), ρ = ln(1 / 0.3) / 1200, in $0.000001 ticks. */
    private static final long AFTER_ONE_SECOND = Math.round(1e6 * StrictMath.exp(-StrictMath.log(1 / 0.3) / 1200));

    @Test
    void inAnInstantWaveEveryDesignTakesWhatWasNeededLessTheBankruptcyPricesRounding() {
        for (ReplayDesign d : ReplayDesign.values()) {
            if (d == ReplayDesign.HYPERLIQUID_ORACLE) {
                continue;
            }
            WaveResult r = REPLAY.run(wave(0, 1_000), d);
            assertEquals(1_000_000_000L, r.needed(), d.id());
            // What the winners paid and what was left uncovered (≤ 1 tick × the lots) make up the deficit exactly.
            assertEquals(r.needed(), r.haircut() + r.uncovered(), d.id());
            assertTrue(r.uncovered() <= r.lotsClosed(), d.id() + " dust " + r.uncovered());
        }
        // $1,000 at a gap of 0.718% of $1: the bankrupt long holds ⌈1000 / 0.0071808⌉ lots, all of which ADL closes.
        long lots = (long) Math.ceil(1e9 / (BOOK.gapFraction() * 1e6));
        assertEquals(lots, REPLAY.run(wave(0, 1_000), ReplayDesign.QUEUE).lotsClosed());
        assertEquals(lots, REPLAY.run(wave(0, 1_000), ReplayDesign.CONTRACT_PRO_RATA).lotsClosed());
        assertEquals(0, REPLAY.run(wave(0, 1_000), ReplayDesign.WEALTH_PRO_RATA).lotsClosed());
    }

    /**
     * Two bankruptcies, at $1 and one second later: the lots the first one's ADL closed miss the alt's fall to the
     * second's price, so the haircut is what was needed plus those lots × the fall; a cash haircut misses nothing.
     */
    @Test
    void lotsClosedBeforeTheWaveEndsAlsoLoseTheRestOfTheFall() {
        long fall = 1_000_000 - AFTER_ONE_SECOND;                 // ticks; one tick of one lot is one micro
        for (ReplayDesign d : List.of(ReplayDesign.QUEUE, ReplayDesign.CONTRACT_PRO_RATA, ReplayDesign.MINIMAL_HAIRCUT)) {
            long firstLots = REPLAY.run(wave(0, 1_000), d).lotsClosed();
            WaveResult r = REPLAY.run(wave(1, 2_000), d);
            assertEquals(2_000_000_000L, r.needed(), d.id());
            assertEquals(r.needed() - r.uncovered() + firstLots * fall, r.haircut(), d.id());
        }
        for (ReplayDesign d : List.of(ReplayDesign.WEALTH_PRO_RATA, ReplayDesign.RISK_AWARE_PRO_RATA)) {
            WaveResult r = REPLAY.run(wave(1, 2_000), d);
            assertEquals(r.needed(), r.haircut(), d.id());
            assertEquals(0, r.lotsClosed());
        }
    }

    /**
     * The {@code hyperliquid} preset's ADL at the oracle: the winners take the bankrupt lots at the mark, so they pay
     * none of the deficit (the vault does) and lose only the fall the lots closed before the wave's end miss.
     */
    @Test
    void atTheOracleTheWinnersLoseOnlyTheFallAndTheVaultPaysTheDeficit() {
        WaveResult instant = REPLAY.run(wave(0, 1_000), ReplayDesign.HYPERLIQUID_ORACLE);
        assertEquals(1_000_000_000L, instant.needed());
        assertEquals(0, instant.haircut());
        assertEquals(0, instant.uncovered());
        WaveResult r = REPLAY.run(wave(1, 2_000), ReplayDesign.HYPERLIQUID_ORACLE);
        assertEquals(instant.lotsClosed() * (1_000_000 - AFTER_ONE_SECOND), r.haircut());
        assertEquals(0, r.uncovered());
    }

    /** $30k needed against $100k of winners' PnL (400k lots): the gap is raised to $30k ÷ 200k lots = 15%. */
    @Test
    void aWaveShortOfWinnersLotsWidensTheGapSoThatHalfTheirLotsSuffice() {
        OctoberWaves.Wave thin = new OctoberWaves.Wave(7, 0, 30_000, 0, 0, 0, 500_000, 100_000);
        for (ReplayDesign d : List.of(ReplayDesign.QUEUE, ReplayDesign.CONTRACT_PRO_RATA, ReplayDesign.WEALTH_PRO_RATA)) {
            WaveResult r = REPLAY.run(thin, d);
            assertEquals(30_000_000_000L, r.needed(), d.id());
            assertEquals(r.needed(), r.haircut() + r.uncovered(), d.id());
        }
        assertEquals(200_000, REPLAY.run(thin, ReplayDesign.QUEUE).lotsClosed());
    }

    @Test
    void minimalHaircutClosesOnlyTheLotsWhoseProfitCoversTheDeficit() {
        // Each winner's lot earned $0.25 (entry $1.25, mark $1): $1,000 needs 4,000 lots, not the bankrupt 139,262.
        WaveResult r = REPLAY.run(wave(0, 1_000), ReplayDesign.MINIMAL_HAIRCUT);
        assertEquals(4_000, r.lotsClosed());
        assertEquals(r.needed(), r.haircut());
        assertEquals(0, r.uncovered());
    }

    @Test
    void theMeterReportsItsSixMetricsInSummaryOrder() {
        AdlHaircutMeter m = new AdlHaircutMeter();
        assertTrue(Double.isNaN(m.ratio()));
        m.record(new WaveResult(1, 2_000_000, 5_000_000, 7, 0));
        m.record(new WaveResult(2, 2_000_000, 3_000_000, 3, 0));
        Map<String, Object> s = new backstop.protocol.metric.Meters(List.of(m)).summary();
        assertEquals(List.of("adl_needed", "adl_haircut", "adl_excess", "adl_haircut_ratio", "adl_lots_closed",
                "adl_waves"), List.copyOf(s.keySet()));
        assertEquals(4.0, s.get("adl_needed"));
        assertEquals(8.0, s.get("adl_haircut"));
        assertEquals(4.0, s.get("adl_excess"));
        assertEquals(2.0, s.get("adl_haircut_ratio"));
        assertEquals(10L, s.get("adl_lots_closed"));
        assertEquals(2L, s.get("adl_waves"));
    }

    @Test
    void theBookSpreadsTheDatasEquityToPnlQuantilesAndRefusesBadValues() {
        assertEquals(4.412841840523463, OctoberBook.calibrated(1).equityToPnl(0), 1e-12);      // the median
        OctoberBook five = OctoberBook.calibrated(5);                   // quantiles 0.1, 0.3, 0.5, 0.7, 0.9
        assertEquals(2.2831242405183443, five.equityToPnl(0), 1e-12);
        assertEquals(Math.sqrt(2.2831242405183443 * 4.412841840523463), five.equityToPnl(1), 1e-12);
        assertEquals(14.958451014684034, five.equityToPnl(4), 1e-12);
        OctoberBook ten = OctoberBook.calibrated(10);
        for (int i = 1; i < 10; i++) {
            assertTrue(ten.equityToPnl(i) > ten.equityToPnl(i - 1));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OctoberBook(0, 1.25, 1.3, 0.007, 0.5, 0.001));
        assertTrue(e.getMessage().startsWith("winners:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new OctoberBook(5, 1.25, 1.3, 0.6, 0.5, 0.001));
        assertTrue(e.getMessage().contains("gapFraction") && e.getMessage().contains("0.6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ReplayDesign.of("fifo"));
        assertTrue(e.getMessage().contains("fifo") && e.getMessage().contains("queue"), e.getMessage());
    }

    @Test
    void theWavesAreTheDatasSixteenWithItsTotals() {
        List<OctoberWaves.Wave> w = OctoberWaves.load();
        assertEquals(16, w.size());
        assertEquals(15_079_669.61, OctoberWaves.total(w, OctoberWaves.Wave::needed), 0.02);
        assertEquals(60_108_335.33, OctoberWaves.total(w, OctoberWaves.Wave::production), 0.02);
        assertEquals(12_059_548.96, OctoberWaves.total(w, OctoberWaves.Wave::contractProRata), 0.02);
        assertEquals(15_079_669.61, OctoberWaves.total(w, OctoberWaves.Wave::wealthProRata), 0.02);
    }
}
