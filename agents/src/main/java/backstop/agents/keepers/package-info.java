/**
 * {@link Keeper}: liquidators that call {@code Tx.Liquidate} on the protocol's public list of liquidatable accounts
 * when the design's reward ({@code Protocol.keeperReward}) beats the gas, bid priority fees against each other, and
 * take Dutch-auction lots with {@code Tx.TakeAuction}. They act only by {@code Tx} through the mempool; the running
 * auctions they read from the design's {@code DutchAuctionLiquidation}, calling nothing that changes it.
 */
package backstop.agents.keepers;
