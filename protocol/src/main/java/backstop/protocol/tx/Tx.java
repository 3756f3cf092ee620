package backstop.protocol.tx;

import backstop.protocol.book.OrderType;
import backstop.protocol.book.Side;
import backstop.protocol.book.TimeInForce;

/**
 * A transaction: the only way anything outside the protocol changes its state, as users of a real chain do.
 * Each is checked in full before any of it is applied; a refusal is a {@link TxResult}, never an exception.
 */
public sealed interface Tx {
    /** The account that signs and pays for the transaction (for {@link OpenAccount}, -1). */
    int account();

    /** Opens a margin account for {@code owner}: cross-margin when {@code isolatedMarket} is -1, else isolated. */
    record OpenAccount(int owner, int isolatedMarket, int tag) implements Tx {
        @Override
        public int account() {
            return -1;
        }
    }

    /** Moves {@code amount} quote micro-units from outside into the account. */
    record Deposit(int account, long amount) implements Tx {
    }

    /** Moves {@code amount} out; refused if the account would then breach initial margin. */
    record Withdraw(int account, long amount) implements Tx {
    }

    /** Moves collateral between two accounts of the same owner (e.g. into an isolated position). */
    record Transfer(int account, int toAccount, long amount) implements Tx {
    }

    /**
     * Places an order of {@code size} lots. {@code price} is the limit in ticks (ignored for market orders,
     * which get the protocol's slippage bound around the oracle). Reduce-only orders must be IOC or market.
     */
    record PlaceOrder(int account, int market, Side side, OrderType type, long price, long size, TimeInForce tif,
                      boolean postOnly, boolean reduceOnly) implements Tx {

        /** A good-till-cancelled limit order. */
        public static PlaceOrder limit(int account, int market, Side side, long price, long size) {
            return new PlaceOrder(account, market, side, OrderType.LIMIT, price, size, TimeInForce.GTC, false, false);
        }

        /** A post-only limit order (refused whole if it would cross). */
        public static PlaceOrder postOnly(int account, int market, Side side, long price, long size) {
            return new PlaceOrder(account, market, side, OrderType.LIMIT, price, size, TimeInForce.GTC, true, false);
        }

        /** An immediate-or-cancel limit order. */
        public static PlaceOrder ioc(int account, int market, Side side, long price, long size) {
            return new PlaceOrder(account, market, side, OrderType.LIMIT, price, size, TimeInForce.IOC, false, false);
        }

        /** A market order. */
        public static PlaceOrder market(int account, int market, Side side, long size) {
            return new PlaceOrder(account, market, side, OrderType.MARKET, 0, size, TimeInForce.IOC, false, false);
        }

        /** A reduce-only market order. */
        public static PlaceOrder close(int account, int market, Side side, long size) {
            return new PlaceOrder(account, market, side, OrderType.MARKET, 0, size, TimeInForce.IOC, false, true);
        }
    }

    /** Cancels one of the account's resting orders. */
    record CancelOrder(int account, long orderId) implements Tx {
    }

    /**
     * Replaces a resting order: a smaller size at the same price keeps time priority; anything else is a
     * cancel and a new GTC limit order with the same id.
     */
    record ReplaceOrder(int account, long orderId, long newPrice, long newSize) implements Tx {
    }

    /** A keeper asks the protocol to liquidate {@code target}; the liquidation policy decides what follows. */
    record Liquidate(int account, int target) implements Tx {
    }

    /** Deposits {@code amount} quote micros from the account into the backstop vault for LP shares. */
    record VaultDeposit(int account, long amount) implements Tx {
    }

    /** Redeems {@code shares} of the account's vault shares for their value, once its lock-up has passed. */
    record VaultWithdraw(int account, long shares) implements Tx {
    }

    /** A keeper buys up to {@code size} lots from a running liquidation auction at no more than {@code maxPrice}. */
    record TakeAuction(int account, long auctionId, long size, long maxPrice) implements Tx {
    }

    /**
     * A keeper bids on a running flip auction (Maker LIQ-1.2): in the tend phase {@code lots} is the whole lot and
     * {@code bid} a higher amount of quote micros (at least beg × the last, or the tab); in the dent phase {@code bid}
     * is the tab and {@code lots} fewer lots (at most the last ÷ beg). The bid is locked in the auction until outbid.
     */
    record BidAuction(int account, long auctionId, long lots, long bid) implements Tx {
    }

    /**
     * Governance adds {@code amount} quote micros from outside to the insurance fund behind {@code market} (a design
     * with one shared fund has it behind every market); {@code by} names who acted (e.g. "gui").
     */
    record InsuranceTopUp(int market, long amount, String by) implements Tx {
        @Override
        public int account() {
            return -1;
        }
    }

    /** Governance sets a registered protocol parameter, clamped to its bounds; {@code by} names who acted. */
    record SetParameter(String name, long value, String by) implements Tx {
        @Override
        public int account() {
            return -1;
        }
    }
}
