package backstop.experiments.study;

import backstop.analysis.RunResults;
import backstop.analysis.Table;
import backstop.experiments.scenario.ScenarioSpec;
import backstop.model.spec.Doc;

/**
 * {@code one-sided-book-share}: the share of timeseries.csv samples at which a market's book had no spread because a
 * side was empty ({@code <market>_spread_bps} is NaN there). Params: {@code market}.
 */
final class OneSidedBookShare implements Measure {
    /** Its own parameter. */
    record Params(@Doc(value = "the market's index in the scenario", range = "[0, ∞)", absent = "0") Integer market) {
        Params {
            market = market == null ? 0 : market;
        }
    }

    private final int market;

    OneSidedBookShare(Params params) {
        this.market = params.market();
    }

    @Override
    public double value(RunResults run) {
        Table ts = run.timeseries();
        double[] spread = ts.column(run.markets().get(market) + "_spread_bps");
        if (spread.length == 0) {
            return Double.NaN;
        }
        int empty = 0;
        for (double s : spread) {
            empty += Double.isNaN(s) ? 1 : 0;
        }
        return empty / (double) spread.length;
    }

    @Override
    public void check(ScenarioSpec scenario, String where) {
        PriceSeries.checkMarket(market, scenario, where);
    }
}
