package backstop.protocol.context;

import backstop.protocol.account.Accounts;
import backstop.protocol.event.EventBus;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.ledger.Ledger;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.margin.AccountRisk;
import backstop.protocol.margin.MarginCalculator;
import backstop.protocol.market.Market;

import java.util.List;

/**
 * The protocol-internal operations that mitigation policies use — liquidation policies, loss absorbers,
 * circuit breakers, governance controllers. Agents never see this: they only submit transactions.
 */
public interface ProtocolContext {
    Accounts accounts();

    Ledger ledger();

    MarginCalculator margin();

    List<Market> markets();

    default Market market(int id) {
        return markets().get(id);
    }

    EventBus events();

    Parameters parameters();

    /** Current block time, seconds. */
    long now();

    /** Current block number. */
    default long block() {
        return events().block();
    }

    /** Exact valuation of the account now. */
    default AccountRisk risk(int account) {
        return margin().risk(account);
    }

    /** Pot of the insurance fund that backs {@code market} (shared or per market, by config). */
    int insuranceFund(int market);

    /** Pot of the protocol's fee treasury. */
    int treasury();

    /** The protocol-owned backstop vault account (Hyperliquid HLP style), or -1 when the design has none. */
    int vaultAccount();

    /** Cancels every resting order of the account in every market. */
    void cancelOrders(int account, long causeId);

    /**
     * Sends a reduce-only IOC order for {@code size} lots (signed: negative sells) into the book at a limit of
     * {@code limitPrice}, bypassing margin checks; its fills carry {@code causeId} and the liquidation flag.
     * Fills nothing while the market is halted or a circuit breaker pauses liquidations there.
     */
    ClosedFill closeIntoBook(int account, int market, long size, long limitPrice, long causeId);

    /**
     * Whether {@link #closeIntoBook} could fill anything now: liquidation is allowed in the market, the account holds
     * a position that {@code size} reduces, and the best opposite quote is at or inside {@code limitPrice}. A
     * necessary condition (a fill guard may still refuse), read without side effects.
     */
    boolean canCloseIntoBook(int account, int market, long size, long limitPrice);

    /**
     * Moves {@code size} lots (signed, as seen by {@code to}: positive means {@code to} buys) of a position
     * from {@code from} to {@code to} off the book at {@code price} ticks, with no fee: {@code to} pays
     * size × price to {@code from}. Used for auto-deleveraging, vault takeovers and auction takes. Emits a
     * {@code position_transfer} event of the given kind and returns its id.
     */
    long transferPosition(int from, int to, int market, long size, long price, String kind, long causeId);

    /** Whether a liquidation may execute in this market now (not halted, no breaker pausing it). */
    boolean liquidationAllowed(int market);

    /** Moves value between pots (same rules as the ledger). */
    void post(int from, int to, long amount, PostingReason reason);

    /**
     * Hands an account with no positions and negative cash to the loss waterfall: emits a bad-debt event and
     * brings the account back to zero from the absorbers (or as uncovered loss).
     */
    void settleDeficit(int account, long causeId);

    /** Halts (or resumes) trading in a market and logs a {@code halt} event by {@code breaker}. */
    void halt(int market, boolean halted, String breaker, String reason, long causeId);

    /** Gates (or releases) withdrawals and transfers out, logged as a {@code halt} event with market -1. */
    void gateWithdrawals(boolean gated, String breaker, String reason, long causeId);

    /** Whether withdrawals are gated now. */
    boolean withdrawalsGated();
}
