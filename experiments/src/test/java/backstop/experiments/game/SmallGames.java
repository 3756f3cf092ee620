package backstop.experiments.game;

/** Small game files for tests: keepers in twenty minutes of a fast Black Thursday. */
public final class SmallGames {
    private SmallGames() {
    }

    /** Three keepers calling into Synthetix v3's chunked liquidations, on two strategies, two seeds, capital cost 0.5. */
    public static final String CRASH = """
            name: crash
            scenario: black-thursday-2020
            overrides:
              - duration_seconds=1200
              - sample_seconds=300
              - markets[0].process.start=60
              - markets[0].process.duration=900
              - markets[0].process.drawdown=0.3
              - episodes[0].start=60
              - episodes[0].end=1100
              - agents[1].count=150
            designs: [synthetix-v3]
            roles:
              - name: keepers
                population: keepers
                players: 3
                strategies: [aggressive, frugal]
            replications: 2
            capital_cost: 0.5
            """;

    /**
     * {@link #CRASH} with the three keepers reduced to two over {@code aggressive}, {@code frugal} and {@code idle}
     * (9 full profiles on each of 2 seeds) under {@code designs} (a YAML list, {@code [synthetix-v3, maker-liq2]}).
     */
    public static String threeKeepersReducedToTwo(String designs) {
        return CRASH.replace("players: 3", "players: 3\n    reduced: 2")
                .replace("[aggressive, frugal]", "[aggressive, frugal, idle]")
                .replace("designs: [synthetix-v3]", "designs: " + designs);
    }
}
