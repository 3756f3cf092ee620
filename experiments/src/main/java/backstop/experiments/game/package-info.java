/**
 * Games: named strategies ({@link StrategyLibrary}: a population type's behaviour with some keys fixed), game files
 * ({@link GameSpec}: a scenario, designs, roles of players on strategies, seeds), the scenario of one strategy profile
 * ({@link ProfileScenario}) and the simulations that estimate each strategy's payoff in each profile on common seeds
 * ({@link GameRunner}). The equilibria of the resulting empirical game are analysis' ({@code backstop.analysis.game}).
 */
package backstop.experiments.game;
