package backstop.experiments.study;

import backstop.experiments.study.adl.AdlHaircutStudy;
import backstop.protocol.metric.Metric;

import java.util.List;
import java.util.Map;

/**
 * {@code hyperliquid-adl-waves}: the 16 ADL waves of 10 October 2025 replayed through one waterfall per design
 * ({@link AdlHaircutStudy}; designs the {@code ReplayDesign} ids, the one override {@code winners=N}). The replay is
 * deterministic, so the seed changes nothing.
 */
final class HyperliquidAdlReplay implements Replay {
    @Override
    public String name() {
        return AdlHaircutStudy.SCENARIO;
    }

    @Override
    public String description() {
        return "Hyperliquid's 16 ADL waves of 10 October 2025 on an Oct-10-like book, one waterfall per design";
    }

    @Override
    public List<String> designs() {
        return AdlHaircutStudy.designs();
    }

    @Override
    public List<Metric> metrics() {
        return AdlHaircutStudy.metrics();
    }

    @Override
    public void check(List<String> overrides) {
        AdlHaircutStudy.winners(overrides);
    }

    @Override
    public Map<String, Object> run(String design, long seed, List<String> overrides) {
        return AdlHaircutStudy.run(design, overrides);
    }
}
