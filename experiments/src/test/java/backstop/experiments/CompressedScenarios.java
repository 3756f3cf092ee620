package backstop.experiments;

import backstop.experiments.scenario.Scenarios;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Library scenarios compressed to one simulated hour for tests: the same shocks (drawdown, volatility, gas spike,
 * thin liquidity), only faster — Black Thursday's −50% in 18 h becomes −50% in 45 minutes.
 */
public final class CompressedScenarios {
    private static final double HOUR = 3600;

    private CompressedScenarios() {
    }

    /**
     * {@code --set} overrides that compress a scenario longer than an hour to one: its duration, every market's
     * shock start and length and every episode's window scaled by 3600 / duration.
     */
    public static String[] oneHour(String scenario) {
        ObjectNode tree = Scenarios.resolved(scenario);
        double duration = tree.get("duration_seconds").asDouble();
        List<String> o = new ArrayList<>();
        if (duration <= HOUR) {
            return o.toArray(String[]::new);
        }
        double k = HOUR / duration;
        o.add("duration_seconds=" + HOUR);
        JsonNode markets = tree.get("markets");
        for (int m = 0; m < markets.size(); m++) {
            JsonNode process = markets.get(m).get("process");
            for (String field : List.of("start", "duration")) {
                if (process.has(field)) {
                    o.add("markets[" + m + "].process." + field + "=" + Math.round(process.get(field).asDouble() * k));
                }
            }
        }
        JsonNode episodes = tree.get("episodes");
        for (int e = 0; episodes != null && e < episodes.size(); e++) {
            for (String field : List.of("start", "end")) {
                o.add("episodes[" + e + "]." + field + "=" + Math.round(episodes.get(e).get(field).asDouble() * k));
            }
        }
        return o.toArray(String[]::new);
    }
}
