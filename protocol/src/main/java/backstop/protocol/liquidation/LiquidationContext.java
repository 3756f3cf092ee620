package backstop.protocol.liquidation;

import backstop.protocol.account.Accounts;
import backstop.protocol.event.EventBus;
import backstop.protocol.ledger.Ledger;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.margin.AccountRisk;
import backstop.protocol.margin.MarginCalculator;
import backstop.protocol.market.Market;

/** The protocol's internal operations a liquidation policy may use; agents never see this. */
public interface LiquidationContext {
    Accounts accounts();

    Ledger ledger();

    MarginCalculator margin();

    Market market(int id);

    EventBus events();

    /** Current block time, seconds. */
    long now();

    /** Exact valuation of the account now. */
    default AccountRisk risk(int account) {
        return margin().risk(account);
    }

    /** Pot of the insurance fund that backs {@code market}. */
    int insuranceFund(int market);

    /** Pot of the protocol's fee treasury. */
    int treasury();

    /** Cancels every resting order of the account in every market. */
    void cancelOrders(int account, long causeId);

    /**
     * Sends a reduce-only IOC order for {@code size} lots (signed: negative sells) into the book at a limit of
     * {@code limitPrice}, bypassing margin checks; its fills carry {@code causeId} and the liquidation flag.
     */
    ClosedFill closeIntoBook(int account, int market, long size, long limitPrice, long causeId);

    /** Moves value between pots (same rules as the ledger). */
    void post(int from, int to, long amount, PostingReason reason);

    /**
     * Hands an account with no positions and negative cash to the loss waterfall: emits a bad-debt event and
     * brings the account back to zero from the absorbers (or as uncovered loss).
     */
    void settleDeficit(int account, long causeId);
}
