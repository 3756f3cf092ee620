/**
 * Strategy traders of class {@code TRADER}, each a {@link Trader}: {@link LeveragedTrader} (leveraged retail with
 * top-ups and panic closes), {@link NoiseTrader}, {@link MomentumTrader} and {@link FundamentalistTrader}; a shared
 * helper moves a position to a target with one market order. They act only by {@code Tx} through the mempool and
 * read only public views: their own account, market prices and margins, the external venue.
 */
package backstop.agents.traders;
