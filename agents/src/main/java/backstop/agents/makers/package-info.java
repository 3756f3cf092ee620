/**
 * {@link MarketMaker}: an inventory-aware, Avellaneda-Stoikov-style ladder of quotes that widens with the oracle's
 * EWMA volatility and is pulled above a volatility limit. It acts only by placing and cancelling orders ({@code Tx})
 * and reads the book, the oracle and its own account.
 */
package backstop.agents.makers;
