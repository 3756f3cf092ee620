package backstop.experiments.study.adl;

import backstop.protocol.metric.Meters;
import backstop.protocol.metric.Metric;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One run of the study: every wave of {@link OctoberWaves} on an {@link OctoberBook} under one design, read out as
 * the summary metrics {@link AdlHaircutMeter} declares ({@code adl_needed}, {@code adl_haircut}, {@code adl_excess},
 * {@code adl_haircut_ratio}, {@code adl_lots_closed}, {@code adl_waves}), as {@code summary.json} writes them. The
 * replay is deterministic: a seed changes nothing, so one replication is the whole sample.
 */
public final class AdlHaircutStudy {
    private AdlHaircutStudy() {
    }

    /** The name a study's sweep gives this replay as its {@code scenario}. */
    public static final String SCENARIO = "hyperliquid-adl-waves";

    /** Winners per wave when no override sets them. */
    public static final int WINNERS = 40;

    /**
     * One run as a study's sweep describes it: a {@link ReplayDesign} id and the sweep's overrides, of which the
     * replay knows one, {@code winners=N} ({@link #winners}); anything else is refused naming it.
     */
    public static Map<String, Object> run(String design, List<String> overrides) {
        return summary(ReplayDesign.of(design), OctoberBook.calibrated(winners(overrides)));
    }

    /**
     * Winners per wave from a sweep's overrides: the last {@code winners=N} (N ≥ 1), {@link #WINNERS} without one;
     * any other override is refused, naming it.
     */
    public static int winners(List<String> overrides) {
        int winners = WINNERS;
        for (String o : overrides) {
            String[] kv = o.split("=", 2);
            if (kv.length != 2 || !kv[0].trim().equals("winners")) {
                throw new IllegalArgumentException(SCENARIO + " knows only winners=N, got " + o);
            }
            try {
                winners = Integer.parseInt(kv[1].trim());
            } catch (NumberFormatException e) {
                winners = 0;
            }
            if (winners < 1) {
                throw new IllegalArgumentException("winners: must be a whole number ≥ 1, got " + kv[1].trim());
            }
        }
        return winners;
    }

    /** The designs a sweep may name: the {@link ReplayDesign} ids, in declaration order. */
    public static List<String> designs() {
        return Arrays.stream(ReplayDesign.values()).map(ReplayDesign::id).toList();
    }

    /** The metrics of a run's summary, declared ({@link AdlHaircutMeter}), in summary order. */
    public static List<Metric> metrics() {
        return new AdlHaircutMeter().metrics();
    }

    /** The meter after replaying every wave under {@code design}. */
    public static AdlHaircutMeter measure(ReplayDesign design, OctoberBook book) {
        AdlHaircutMeter meter = new AdlHaircutMeter();
        for (AdlWaveReplay.WaveResult w : new AdlWaveReplay(book).run(OctoberWaves.load(), design)) {
            meter.record(w);
        }
        return meter;
    }

    /** The run's summary: metric name → value (amounts in dollars), in the meter's order. */
    public static Map<String, Object> summary(ReplayDesign design, OctoberBook book) {
        return new Meters(List.of(measure(design, book))).summary();
    }
}
