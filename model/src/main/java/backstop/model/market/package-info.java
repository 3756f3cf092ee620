/**
 * The external (spot) venue the oracle reads: {@link ExternalMarket} adds the price impact of trades that reach it to
 * the exogenous reference price and lets it decay, in the {@link ImpactShape} chosen. Plain doubles, depending on
 * nothing but the JDK; it knows neither the protocol nor who trades on it.
 */
package backstop.model.market;
