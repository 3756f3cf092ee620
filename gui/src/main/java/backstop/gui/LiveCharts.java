package backstop.gui;

import backstop.model.metrics.TimeSeries;
import org.jfree.data.xy.XYSeries;
import sim.util.media.chart.TimeSeriesChartGenerator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live charts, fed from the model's {@code Recorder} rows as they are sampled: prices with liquidation
 * markers, open interest, the loss borne (the run's {@code loss_borne}, as in summary.json) with bad debt and the
 * insurance fund, liquidations and ADL fills per sample, funding, gas.
 */
public final class LiveCharts {
    /** The title of the chart of losses: loss borne, bad debt, insurance fund. */
    public static final String LOSS_CHART = "Loss borne, bad debt and insurance fund";

    /**
     * One plotted line: a recorder column, or the change of a cumulative one; a per-market line names the column's
     * suffix, after the shown market's prefix ({@code btc-usd} + {@code _mark}).
     */
    private record Line(XYSeries series, String column, boolean perSample, boolean perMarket) {
    }

    private final List<TimeSeriesChartGenerator> charts = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private XYSeries liquidationMarkers;
    private TimeSeriesChartGenerator prices;
    private String symbol;
    private String prefix;
    private int seenRows;
    private final double[] previous = new double[64];

    /** Builds the charts, showing market {@code symbol} (its lower-case form is the recorder's column prefix). */
    public LiveCharts(String symbol) {
        this.symbol = symbol;
        this.prefix = symbol.toLowerCase(Locale.ROOT);
        build();
    }

    private void build() {
        prices = chart(symbol + " prices", "price (quote)");
        // A 20% fall must look like one: the price axis spans the prices, not 0 to the top.
        fitTo(prices, false, 1);
        marketLine(prices, "index", "_index");
        marketLine(prices, "oracle", "_oracle");
        marketLine(prices, "mark", "_mark");
        liquidationMarkers = new XYSeries("liquidations (at mark)", false);
        prices.addSeries(liquidationMarkers, null);
        // Markers are points, not a line: the renderer draws that series as shapes only.
        if (prices.getChart().getXYPlot().getRenderer() instanceof org.jfree.chart.renderer.xy.XYLineAndShapeRenderer r) {
            int i = prices.getSeriesCount() - 1;
            r.setSeriesLinesVisible(i, false);
            r.setSeriesShapesVisible(i, true);
            r.setSeriesPaint(i, java.awt.Color.RED);
        }
        marketLine(fitTo(chart("Open interest", "notional (quote)"), true, 1), "open interest", "_open_interest");
        // loss_borne is the run's RunMetrics decomposition, sampled into the time series as summary.json values it.
        TimeSeriesChartGenerator losses = fitTo(chart(LOSS_CHART, "quote"), true, 1);
        line(losses, "loss borne", "loss_borne", false);
        line(losses, "bad debt", "bad_debt", false);
        line(losses, "insurance fund", "insurance_fund", false);
        TimeSeriesChartGenerator liq = fitTo(chart("Liquidations and ADL per sample", "count per sample"), true, 1);
        line(liq, "liquidations", "liquidations", true);
        line(liq, "ADL fills", "adl_fills", true);
        marketLine(fitTo(chart("Funding rate", "rate per interval"), true, 1e-4), "funding", "_funding_rate");
        line(fitTo(chart("Gas base fee", "base fee (gwei)"), false, 0.01), "base fee", "gas_base_fee", false);
    }

    /**
     * The value axis of {@code chart}: whether its automatic range reaches down (or up) to 0, and the smallest span it
     * shows, in the axis's unit, so a line that is 0 throughout sits on a readable axis (0 to 1 count, ±0.005% funding)
     * instead of JFreeChart's ±4E-9.
     */
    static TimeSeriesChartGenerator fitTo(TimeSeriesChartGenerator chart, boolean includeZero, double minimumSpan) {
        org.jfree.chart.axis.NumberAxis axis = (org.jfree.chart.axis.NumberAxis) chart.getChart().getXYPlot().getRangeAxis();
        axis.setAutoRangeIncludesZero(includeZero);
        axis.setAutoRangeMinimumSize(minimumSpan);
        return chart;
    }

    private TimeSeriesChartGenerator chart(String title, String yLabel) {
        TimeSeriesChartGenerator c = new TimeSeriesChartGenerator();
        c.setTitle(title);
        c.setXAxisLabel("seconds");
        c.setYAxisLabel(yLabel);
        charts.add(c);
        return c;
    }

    private void line(TimeSeriesChartGenerator chart, String name, String column, boolean perSample) {
        XYSeries series = new XYSeries(name, false);
        chart.addSeries(series, null);
        lines.add(new Line(series, column, perSample, false));
    }

    private void marketLine(TimeSeriesChartGenerator chart, String name, String suffix) {
        XYSeries series = new XYSeries(name, false);
        chart.addSeries(series, null);
        lines.add(new Line(series, suffix, false, true));
    }

    /** The market the per-market charts show. */
    public String market() {
        return symbol;
    }

    /**
     * Shows market {@code symbol} from now on: the per-market lines are replotted from the run's first sample at
     * the next {@link #update} (the other lines too, so every chart covers the same time).
     */
    public void showMarket(String symbol) {
        if (symbol.equals(this.symbol)) {
            return;
        }
        this.symbol = symbol;
        this.prefix = symbol.toLowerCase(Locale.ROOT);
        prices.setTitle(symbol + " prices");
        reset();
    }

    private String column(Line l) {
        return l.perMarket() ? prefix + l.column() : l.column();
    }

    public List<TimeSeriesChartGenerator> charts() {
        return charts;
    }

    /** Empties every line for a new run. */
    public void reset() {
        for (Line l : lines) {
            l.series().clear();
        }
        liquidationMarkers.clear();
        seenRows = 0;
        java.util.Arrays.fill(previous, 0);
    }

    /** For each chart, the points on its fullest line. */
    public List<Integer> pointsPerChart() {
        List<Integer> out = new ArrayList<>();
        for (TimeSeriesChartGenerator c : charts) {
            int most = 0;
            org.jfree.data.xy.XYSeriesCollection data = (org.jfree.data.xy.XYSeriesCollection) c.getSeriesDataset();
            for (int i = 0; i < data.getSeriesCount(); i++) {
                most = Math.max(most, data.getSeries(i).getItemCount());
            }
            out.add(most);
        }
        return out;
    }

    /** Points plotted so far on all lines together. */
    public int points() {
        int n = 0;
        for (Line l : lines) {
            n += l.series().getItemCount();
        }
        return n;
    }

    /** Appends the recorder rows sampled since the last call, then redraws. */
    public void update(TimeSeries ts, long steps) {
        if (ts == null || ts.size() == seenRows) {
            return;
        }
        List<String> cols = ts.columns();
        int liqCol = cols.indexOf("liquidations");
        double lastLiq = seenRows > 0 ? ts.row(seenRows - 1)[liqCol] : 0;
        for (int r = seenRows; r < ts.size(); r++) {
            double[] row = ts.row(r);
            double t = row[0];
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                int c = cols.indexOf(column(l));
                if (c < 0) {
                    continue;
                }
                double v = row[c];
                double y = l.perSample() ? v - previous[i] : v;
                previous[i] = v;
                if (!Double.isNaN(y)) {
                    l.series().add(t, y, false);
                }
            }
            int markCol = cols.indexOf(prefix + "_mark");
            if (liqCol >= 0 && row[liqCol] > lastLiq && markCol >= 0) {
                liquidationMarkers.add(t, row[markCol], false);
            }
            lastLiq = liqCol >= 0 ? row[liqCol] : 0;
        }
        seenRows = ts.size();
        for (Line l : lines) {
            l.series().fireSeriesChanged();
        }
        liquidationMarkers.fireSeriesChanged();
        for (TimeSeriesChartGenerator c : charts) {
            c.update(steps, true);
        }
    }
}
