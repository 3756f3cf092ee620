/**
 * {@link Populations}: the factory records a scenario lists, one per strategy, each drawing its agents' parameters
 * from {@code Dist}s on the population's own random stream. It sits above every strategy package so that none of
 * them depends on another (no package cycles); it builds agents and does nothing else.
 */
package backstop.agents.populations;
