package backstop.analysis;

/**
 * One metric of a run's {@code summary.json} as the run declared it in {@code metrics.json}: its key, the group it is
 * shown in, its unit, a label for axes and tables, whether {@code markets.csv} has it per market, and its meaning.
 *
 * @param name        the snake_case key in summary.json, runs.csv and comparison.csv
 * @param group       the group's key ({@code losses}, {@code fund}, …)
 * @param groupTitle  the group's heading
 * @param unit        {@code quote}, {@code count}, {@code fraction}, {@code ratio} or {@code seconds}
 * @param label       a plain label with its unit: "loss borne (quote)"
 * @param perMarket   whether markets.csv has it per market
 * @param description what it measures, in one sentence
 */
public record SummaryMetric(String name, String group, String groupTitle, String unit, String label, boolean perMarket,
                            String description) {
}
