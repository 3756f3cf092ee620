package backstop.protocol.waterfall;

import backstop.protocol.metric.Meter;
import backstop.protocol.metric.Metric;
import backstop.protocol.metric.Metric.Group;
import backstop.protocol.metric.Metric.Unit;
import backstop.protocol.metric.Readings;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * The insurance funds over a run, sampled at the end of every block: what they held after the first block, at the
 * end, and the lowest they fell. {@code funds} gives the sum over the distinct insurance pots now (a pooled fund
 * counted once).
 */
public final class InsuranceFundMeter implements Meter {
    public static final Metric START = Metric.of("insurance_fund_start", Group.FUND, Unit.QUOTE, "insurance funds at the start");
    public static final Metric END = Metric.of("insurance_fund_end", Group.FUND, Unit.QUOTE, "insurance funds at the end");
    public static final Metric MIN = Metric.of("insurance_fund_min", Group.FUND, Unit.QUOTE, "the lowest the insurance funds fell");
    private static final List<Metric> METRICS = List.of(START, END, MIN);

    private final LongSupplier funds;
    private boolean sampled;
    private long start;
    private long min;
    private long end;

    public InsuranceFundMeter(LongSupplier funds) {
        this.funds = funds;
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    @Override
    public void endOfBlock(double blockSeconds) {
        long now = funds.getAsLong();
        if (!sampled) {
            sampled = true;
            start = now;
            min = now;
        }
        min = Math.min(min, now);
        end = now;
    }

    @Override
    public void read(int scope, Readings out) {
        if (scope == RUN) {
            out.put(START, start).put(END, end).put(MIN, min);
        }
    }
}
