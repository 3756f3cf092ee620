package backstop.protocol.liquidation;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.tx.TxResult;

import java.util.Map;

/**
 * What happens to an account below maintenance margin (DESIGN.md §4): how much is closed, where, at what
 * price and penalty. One class per technique. A policy may keep state across blocks (flags, cooldowns,
 * auctions), so each protocol instance gets its own policy object.
 *
 * <p>After {@link #liquidate} returns, the protocol sends an account that is still bankrupt with open
 * positions to the waterfall's position stage (e.g. auto-deleveraging), and a flat account with negative
 * cash to its deficit stage; policies need not do either.
 */
public interface LiquidationPolicy {
    /** Short name for configs and events. */
    String name();

    /** True: the protocol liquidates every liquidatable account at the end of each block by itself. */
    boolean protocolTriggered();

    /** True: keepers may liquidate with a {@code Liquidate} transaction (and earn a reward); by default exactly when the protocol does not. */
    default boolean keeperTriggered() {
        return !protocolTriggered();
    }

    /**
     * Acts on a liquidatable account. {@code liquidator} is the keeper's account, or -1 when the protocol
     * acts by itself; {@code causeId} is the event that made the account liquidatable.
     */
    void liquidate(ProtocolContext ctx, int account, int liquidator, long causeId);

    /** Every block, before liquidatable accounts are handled: advance auctions, windows, cooldowns. */
    default void onEndBlock(ProtocolContext ctx) {
    }

    /**
     * A keeper's bid on a running auction ({@code Tx.TakeAuction}); policies without auctions refuse it.
     * Returns the result; on OK the policy has already moved the position and the payment.
     */
    default TxResult take(ProtocolContext ctx, int bidder, long auctionId, long size, long maxPrice) {
        return TxResult.UNKNOWN_AUCTION;
    }

    /**
     * A keeper's bid on a running English (flip) auction ({@code Tx.BidAuction}); policies without one refuse it.
     * On OK the policy has already locked the bid and refunded the one it beat.
     */
    default TxResult bid(ProtocolContext ctx, int bidder, long auctionId, long lots, long bid) {
        return TxResult.UNKNOWN_AUCTION;
    }

    /**
     * What the policy holds in the backstop vault on others' behalf (running auctions: their cash and their unsold
     * lots at the oracle, netted shortfalls waiting to settle), quote micros; the vault's own PnL leaves it out.
     */
    default long heldInVault(ProtocolContext ctx) {
        return 0;
    }

    /**
     * The loss the policy has taken on but not yet handed to the loss waterfall: what settling everything it holds at
     * the oracle now would leave as deficits (unsold auction inventory below its tab, shortfalls waiting for their
     * accounts to be flat), by account, quote micros, each &gt; 0. Penalties it would pay itself count as recovered.
     */
    default Map<Integer, Long> pendingLoss(ProtocolContext ctx) {
        return Map.of();
    }

    /**
     * What a keeper's {@code Liquidate} of {@code account} would earn under the current parameters (a read-only
     * view of the policy's public parameters; {@link KeeperReward#NONE} when it pays keepers nothing).
     */
    default KeeperReward keeperReward(int account) {
        return KeeperReward.NONE;
    }

    /**
     * Whether a {@code Liquidate} of {@code account} would act now, judged from public state without side effects
     * (Maker: the Hole has room and kicks are not stopped); true unless the policy knows it would not. A keeper whose
     * call would change nothing earns nothing ({@link backstop.protocol.Protocol#keeperReward}).
     */
    default boolean wouldLiquidate(ProtocolContext ctx, int account) {
        return true;
    }

    /**
     * A value that changes whenever the policy's own state about {@code account} changes other than through its
     * positions, cash or orders (a flag, a cooldown started), so that the protocol can tell a call that changed
     * nothing ({@link TxResult#NO_EFFECT}); 0 for policies whose state follows the account's positions.
     */
    default long accountState(int account) {
        return 0;
    }
}
