/**
 * {@link Dist}: the distributions (constant, uniform, clamped log-normal) that agent parameters are drawn from, so a
 * population is heterogeneous. Draws use the population's own stream; the package depends only on MASON's
 * {@code MersenneTwisterFast} and knows nothing of agents, the world or the protocol.
 */
package backstop.agents.params;
