package backstop.protocol.market;

import backstop.protocol.metric.Meter;
import backstop.protocol.metric.Metric;
import backstop.protocol.metric.Metric.Group;
import backstop.protocol.metric.Metric.Unit;
import backstop.protocol.metric.Readings;

import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * How far prices fell, sampled at the end of every block: the largest peak-to-trough fall of each market's exogenous
 * price (the price the world moves, {@code exogenous}) and of its mark, and their ratio, which exceeds 1 when the
 * protocol amplified the fall. The run's figures are the largest over markets.
 */
public final class DrawdownMeter implements Meter {
    public static final Metric EXOGENOUS = Metric.perMarket("exogenous_drawdown", Group.MARKET, Unit.FRACTION,
            "largest peak-to-trough fall of the exogenous price");
    public static final Metric MARK = Metric.perMarket("mark_drawdown", Group.MARKET, Unit.FRACTION,
            "largest peak-to-trough fall of the mark price");
    public static final Metric AMPLIFICATION = Metric.perMarket("amplification", Group.MARKET, Unit.RATIO,
            "mark drawdown ÷ exogenous drawdown");
    private static final List<Metric> METRICS = List.of(EXOGENOUS, MARK, AMPLIFICATION);

    private final List<Market> markets;
    private final IntToDoubleFunction exogenous;
    private final double[] exoPeak;
    private final double[] markPeak;
    private final double[] exoDrawdown;
    private final double[] markDrawdown;
    private double runExo;
    private double runMark;
    private boolean started;

    /** Follows {@code markets} (by id), whose exogenous prices {@code exogenous} gives by market id. */
    public DrawdownMeter(List<Market> markets, IntToDoubleFunction exogenous) {
        this.markets = markets;
        this.exogenous = exogenous;
        int n = markets.size();
        exoPeak = new double[n];
        markPeak = new double[n];
        exoDrawdown = new double[n];
        markDrawdown = new double[n];
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    @Override
    public void endOfBlock(double blockSeconds) {
        for (int i = 0; i < exoPeak.length; i++) {
            Market m = markets.get(i);
            double exo = exogenous.applyAsDouble(i);
            double mark = m.spec().price(m.markPrice());
            if (!started) {
                exoPeak[i] = exo;
            }
            exoPeak[i] = Math.max(exoPeak[i], exo);
            markPeak[i] = Math.max(markPeak[i], mark);
            double e = 1 - exo / exoPeak[i];
            double k = 1 - mark / markPeak[i];
            runExo = Math.max(runExo, e);
            runMark = Math.max(runMark, k);
            exoDrawdown[i] = Math.max(exoDrawdown[i], e);
            markDrawdown[i] = Math.max(markDrawdown[i], k);
        }
        started = true;
    }

    @Override
    public void read(int scope, Readings out) {
        if (scope == RUN) {
            put(out, runExo, runMark);
        } else if (scope >= 0) {
            put(out, exoDrawdown[scope], markDrawdown[scope]);
        }
    }

    private static void put(Readings out, double exo, double mark) {
        out.put(EXOGENOUS, exo).put(MARK, mark).put(AMPLIFICATION, exo > 0 ? mark / exo : Double.NaN);
    }
}
