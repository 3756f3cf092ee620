package backstop.experiments.study.adl;

import backstop.protocol.metric.Meter;
import backstop.protocol.metric.Metric;
import backstop.protocol.metric.Metric.Group;
import backstop.protocol.metric.Metric.Unit;
import backstop.protocol.metric.Readings;

import java.util.List;

/**
 * The haircut study's summary metrics, from {@link AdlWaveReplay}'s waves: what was needed, what the winners lost,
 * the excess, their ratio, and how many lots the winners gave up (the paper's B_needed, H and H − B_needed, summed
 * over waves; Chitra et al., arXiv 2512.01112, Appendix "Empirical Methodology"). Every unit has a name: the haircut
 * is the needed part (paid to the bankrupt accounts) plus what closed lots would have earned on to the wave's end.
 */
public final class AdlHaircutMeter implements Meter {
    public static final Metric NEEDED = Metric.of("adl_needed", Group.LOSSES, Unit.QUOTE,
            "deficit the mitigation had to raise: bankrupt accounts' negative value at the mark, summed over waves");
    public static final Metric HAIRCUT = Metric.of("adl_haircut", Group.LOSSES, Unit.QUOTE,
            "winners' loss to the mitigation: Σ (equity without it − equity with it)⁺ at each wave's last price");
    public static final Metric EXCESS = Metric.of("adl_excess", Group.LOSSES, Unit.QUOTE,
            "winners' excess loss: adl_haircut − adl_needed");
    public static final Metric RATIO = Metric.of("adl_haircut_ratio", Group.LOSSES, Unit.RATIO,
            "adl_haircut ÷ adl_needed (NaN when nothing was needed)");
    public static final Metric LOTS = Metric.of("adl_lots_closed", Group.LIQUIDATIONS, Unit.COUNT,
            "lots the winners gave up to the mitigation");
    public static final Metric WAVES = Metric.of("adl_waves", Group.LIQUIDATIONS, Unit.COUNT, "waves replayed");
    private static final List<Metric> METRICS = List.of(NEEDED, HAIRCUT, EXCESS, RATIO, LOTS, WAVES);

    private long needed;
    private long haircut;
    private long lots;
    private long waves;

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    /** Adds one replayed wave. */
    public void record(AdlWaveReplay.WaveResult w) {
        needed = Math.addExact(needed, w.needed());
        haircut = Math.addExact(haircut, w.haircut());
        lots = Math.addExact(lots, w.lotsClosed());
        waves++;
    }

    /** Σ needed so far, micros. */
    public long needed() {
        return needed;
    }

    /** Σ haircut so far, micros. */
    public long haircut() {
        return haircut;
    }

    /** haircut ÷ needed; NaN before anything was needed. */
    public double ratio() {
        return needed == 0 ? Double.NaN : haircut / (double) needed;
    }

    @Override
    public void read(int scope, Readings out) {
        if (scope == RUN) {
            out.put(NEEDED, needed).put(HAIRCUT, haircut).put(EXCESS, haircut - needed).put(RATIO, ratio())
                    .put(LOTS, lots).put(WAVES, waves);
        }
    }
}
