/**
 * Exogenous reference prices: {@link PriceProcess} implementations (GBM, Merton jumps, GARCH(1,1), regime switching,
 * Brownian-bridge stress paths), their data form {@link ProcessSpec}, and {@link ExogenousPrices}, which moves
 * several assets with {@link CorrelatedShocks}. Pure stochastic processes on doubles: nothing here knows the protocol,
 * the venues or the agents, and every draw comes from a stream handed in.
 */
package backstop.model.price;
