/**
 * Perpetual markets: the fixed {@link MarketSpec} (tick and lot size, fees, {@link MarginTier}s, open-interest caps,
 * {@link FundingParams}, mark band) and the live {@link Market} (its book, oracle, last trade and mark prices, open
 * interest, funding premium average, halt flag). Holds no accounts and no money; depends only on {@code book} and the
 * JDK, and only the protocol mutates a {@code Market}.
 */
package backstop.protocol.market;
