/**
 * Liquidation policies ({@link LiquidationPolicy}): full close, partial close by a {@link PartialCloseRule}, throttled
 * multi-step closes ({@link LiquidationThrottle}), MakerDAO-style Dutch auctions and backstop-vault takeover, with
 * their order limits ({@link LiquidationLimit}) and the keeper reward they pay ({@link KeeperReward}). Policies act
 * only through {@code ProtocolContext}; what a bankrupt account still owes afterwards the protocol hands to the
 * {@code waterfall}.
 */
package backstop.protocol.liquidation;
