/**
 * Games: named strategies ({@link StrategyLibrary}: a population type's behaviour with some keys fixed), game files
 * ({@link GameSpec}, checked into a {@link GamePlan}: a scenario, designs, roles of players on strategies, seeds), the
 * scenario of one strategy profile ({@link ProfileScenario}), the simulations that estimate each strategy's payoff in
 * each profile on common seeds ({@link GameRunner}), and {@link GameStudy}, which hands them to analysis' solvers
 * ({@code backstop.analysis.game}) and writes the game folder. Nothing here changes how a run is simulated.
 */
package backstop.experiments.game;
