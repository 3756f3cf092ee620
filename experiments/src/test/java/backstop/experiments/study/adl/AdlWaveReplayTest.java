package backstop.experiments.study.adl;

import org.junit.jupiter.api.Test;

import java.util.List;

class AdlWaveReplayTest {
    @Test
    void prints() {
        List<OctoberWaves.Wave> waves = OctoberWaves.load();
        AdlWaveReplay r = new AdlWaveReplay(OctoberBook.calibrated(20));
        for (ReplayDesign d : ReplayDesign.values()) {
            AdlHaircutMeter m = new AdlHaircutMeter();
            long unc = 0;
            for (AdlWaveReplay.WaveResult w : r.run(waves, d)) {
                m.record(w);
                unc += w.uncovered();
                System.out.println(d.id() + " " + w);
            }
            System.out.println("TOTAL " + d.id() + " needed " + m.needed() + " haircut " + m.haircut() + " ratio " + m.ratio() + " uncovered " + unc);
        }
    }
}
